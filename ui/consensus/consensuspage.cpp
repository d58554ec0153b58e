#include "consensus/consensuspage.h"

#include "reports/reportexportdialog.h"

#include "common/bannerwidget.h"
#include "common/swarmdirectory.h"
#include "consensus/decisiondetailwidget.h"
#include "consensus/decisionlistmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

ConsensusPage::ConsensusPage(Backend &backend, SwarmDirectory &swarms, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_model(new DecisionListModel(backend, swarms, this))
    , m_banner(new BannerWidget(this))
    , m_list(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_detail(new DecisionDetailWidget(backend, this))
    , m_left(new DecisionDetailWidget(backend, this))
    , m_right(new DecisionDetailWidget(backend, this))
{
    setObjectName(QStringLiteral("consensus_page"));
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(buildFilters());

    m_list->setObjectName(QStringLiteral("decision_list"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAlternatingRowColors(true);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    auto *listBox = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    auto *pager = new QHBoxLayout;
    m_count = new QLabel(listBox);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_more = new QPushButton(tr("Load more"), listBox);
    m_more->setObjectName(QStringLiteral("decision_load_more"));
    pager->addWidget(m_count, 1);
    pager->addWidget(m_more);
    listLayout->addLayout(pager);

    m_left->setCompact(true);
    m_right->setCompact(true);
    auto *compare = new QSplitter(Qt::Horizontal, m_stack);
    compare->addWidget(m_left);
    compare->addWidget(m_right);
    m_stack->addWidget(m_detail);
    m_stack->addWidget(compare);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(listBox);
    split->addWidget(m_stack);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({430, 1000});
    layout->addWidget(split, 1);

    connect(m_more, &QPushButton::clicked, m_model, &DecisionListModel::loadMore);
    connect(m_model, &DecisionListModel::loaded, this, [this] {
        updateCount();
        m_list->resizeColumnsToContents();
        if (m_pendingSelect.isValid())
            showDecision(m_pendingSelect);
        else if (const int row = m_model->rowOf(m_detail->decision().id); row >= 0 && !isComparing())
            m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_model, &DecisionListModel::failed, m_banner, &BannerWidget::showError);
    connect(m_model, &DecisionListModel::newestChanged, this, [this](DecisionId id) {
        if (m_live->isChecked() && !isComparing())
            showDecision(id);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConsensusPage::currentChanged);
    for (DecisionDetailWidget *detail : {m_detail, m_left, m_right})
        connect(detail, &DecisionDetailWidget::failed, m_banner, &BannerWidget::showError);
    connect(m_detail, &DecisionDetailWidget::feedbackRecorded, this, [this] {
        m_model->update(m_detail->decision());
        Q_EMIT statusMessage(tr("Feedback recorded; the agents' reputations moved (see the chart)."));
    });
    connect(&m_swarms, &SwarmDirectory::changed, this, &ConsensusPage::fillSwarms);
}

void ConsensusPage::createActions()
{
    auto add = [this](const QString &text, const char *name, const QString &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty())
            action->setShortcut(QKeySequence(shortcut));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions.append(action);
        return action;
    };
    add(tr("&Compare two selected decisions"), "action_consensus_compare", QStringLiteral("Alt+Shift+M"), [this] {
        if (!compareSelected())
            Q_EMIT statusMessage(tr("Select one or two decisions to compare."));
    });
    add(tr("&Back to one decision"), "action_consensus_single", QStringLiteral("Alt+Shift+B"),
        [this] { m_stack->setCurrentIndex(0); });
    QAction *live = add(tr("Follow &live decisions"), "action_consensus_live", QStringLiteral("Ctrl+Shift+L"),
                        [this](bool on) { setLive(on); });
    live->setCheckable(true);
    add(tr("&Reload decisions"), "action_consensus_reload", QStringLiteral("Alt+Shift+D"),
        [this] { m_model->reload(); });
    add(tr("&Export decision report…"), "action_consensus_report", QStringLiteral("Alt+Shift+J"), [this] {
        const Api::DecisionId id = m_detail->decision().id;
        if (!id.isValid())
            return Q_EMIT statusMessage(tr("Select a decision to report on."));
        auto *dialog = new ReportExportDialog(m_backend, ReportSubject::forDecision(id), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ReportExportDialog::exported, this,
                [this](const QString &path) { Q_EMIT statusMessage(tr("Report written to %1").arg(path)); });
        dialog->open();
    });
}

QWidget *ConsensusPage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_swarmFilter = new QComboBox(bar);
    m_swarmFilter->setObjectName(QStringLiteral("decision_swarm_filter"));
    m_swarmFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillSwarms();
    m_strategyFilter = new QComboBox(bar);
    m_strategyFilter->setObjectName(QStringLiteral("decision_strategy_filter"));
    m_strategyFilter->addItem(tr("All strategies"), QString());
    m_backend.info(this, [this](Result<BackendInfo> info) {
        if (info) {
            for (const QString &s : info->strategies)
                m_strategyFilter->addItem(s, s);
        }
    });
    m_outcomeFilter = new QComboBox(bar);
    m_outcomeFilter->setObjectName(QStringLiteral("decision_outcome_filter"));
    m_outcomeFilter->addItem(tr("Any outcome"), -1);
    m_outcomeFilter->addItem(tr("Decided"), int(DecisionOutcome::Decided));
    m_outcomeFilter->addItem(tr("No decision"), int(DecisionOutcome::NoDecision));
    m_minAgreement = new QDoubleSpinBox(bar);
    m_maxAgreement = new QDoubleSpinBox(bar);
    for (QDoubleSpinBox *box : {m_minAgreement, m_maxAgreement}) {
        box->setRange(0, 100);
        box->setDecimals(0);
        box->setSuffix(QStringLiteral("%"));
    }
    m_minAgreement->setObjectName(QStringLiteral("decision_min_agreement"));
    m_maxAgreement->setObjectName(QStringLiteral("decision_max_agreement"));
    m_minAgreement->setPrefix(tr("agreement ≥ "));
    m_maxAgreement->setPrefix(tr("≤ "));
    m_maxAgreement->setValue(100);
    m_timeFilter = new QComboBox(bar);
    m_timeFilter->setObjectName(QStringLiteral("decision_time_filter"));
    m_timeFilter->addItem(tr("Any time"), 0);
    m_timeFilter->addItem(tr("Last 5 minutes"), 5);
    m_timeFilter->addItem(tr("Last hour"), 60);
    m_timeFilter->addItem(tr("Last day"), 24 * 60);
    m_live = new QCheckBox(tr("Live"), bar);
    m_live->setObjectName(QStringLiteral("decision_live"));
    m_live->setToolTip(tr("Follow the newest decisions as they are made"));
    auto *compare = new QPushButton(tr("Compare"), bar);
    compare->setObjectName(QStringLiteral("decision_compare"));
    compare->setToolTip(tr("Compare the two selected decisions side by side"));
    for (QWidget *w : std::initializer_list<QWidget *> {m_swarmFilter, m_strategyFilter, m_outcomeFilter,
                                                        m_minAgreement, m_maxAgreement, m_timeFilter})
        row->addWidget(w);
    row->addStretch(1);
    row->addWidget(m_live);
    row->addWidget(compare);

    for (QComboBox *box : {m_swarmFilter, m_strategyFilter, m_outcomeFilter, m_timeFilter})
        connect(box, &QComboBox::activated, this, &ConsensusPage::applyFilters);
    for (QDoubleSpinBox *box : {m_minAgreement, m_maxAgreement})
        connect(box, &QDoubleSpinBox::editingFinished, this, &ConsensusPage::applyFilters);
    connect(m_live, &QCheckBox::toggled, this, &ConsensusPage::setLive);
    connect(compare, &QPushButton::clicked, m_actions.constFirst(), &QAction::trigger);
    return bar;
}

void ConsensusPage::fillSwarms()
{
    const quint64 current = m_swarmFilter->currentData().toULongLong();
    m_swarmFilter->clear();
    m_swarmFilter->addItem(tr("All swarms"), quint64(0));
    for (const Swarm &s : m_swarms.swarms())
        m_swarmFilter->addItem(s.name, s.id.value);
    m_swarmFilter->setCurrentIndex(std::max(0, m_swarmFilter->findData(current)));
}

void ConsensusPage::applyFilters()
{
    DecisionQuery query = m_model->query();
    query.swarmId = SwarmId(m_swarmFilter->currentData().toULongLong());
    query.strategy = m_strategyFilter->currentData().toString();
    const int outcome = m_outcomeFilter->currentData().toInt();
    query.outcome = outcome < 0 ? std::nullopt : std::optional<DecisionOutcome>(DecisionOutcome(outcome));
    query.minAgreement = m_minAgreement->value() / 100;
    query.maxAgreement = std::max(m_maxAgreement->value(), m_minAgreement->value()) / 100;
    const int minutes = m_timeFilter->currentData().toInt();
    query.createdFromMs = minutes == 0 ? 0 : QDateTime::currentMSecsSinceEpoch() - qint64(minutes) * 60000;
    query.createdToMs = 0;
    m_model->setQuery(query);
}

void ConsensusPage::start()
{
    m_model->start();
}

void ConsensusPage::reload()
{
    m_model->reload();
}

void ConsensusPage::setDark(bool dark)
{
    for (DecisionDetailWidget *detail : {m_detail, m_left, m_right})
        detail->setDark(dark);
}

void ConsensusPage::setLive(bool live)
{
    if (m_live->isChecked() != live)
        m_live->setChecked(live);
    m_actions.at(2)->setChecked(live);
    m_model->setLive(live);
    if (live)
        m_stack->setCurrentIndex(0);
}

bool ConsensusPage::isComparing() const
{
    return m_stack->currentIndex() == 1;
}

void ConsensusPage::showDecision(DecisionId id)
{
    m_stack->setCurrentIndex(0);
    const int row = m_model->rowOf(id);
    if (row < 0) { // not in the current page: show it anyway, select it when it is listed
        m_pendingSelect = id;
        m_detail->showDecision(id);
        return;
    }
    m_pendingSelect = {};
    const QModelIndex index = m_model->index(row, 0);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(index);
    m_detail->setDecision(m_model->decisionAt(row));
}

void ConsensusPage::currentChanged()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (!current.isValid() || isComparing())
        return;
    const Decision &d = m_model->decisionAt(current.row());
    if (d.id != m_detail->decision().id)
        m_detail->setDecision(d);
}

bool ConsensusPage::compareSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    if (rows.size() == 1 && rows.constFirst() + 1 < m_model->rowCount())
        rows.append(rows.constFirst() + 1); // the one before it in time
    if (rows.size() < 2)
        return false;
    m_left->setDecision(m_model->decisionAt(rows.at(0)));
    m_right->setDecision(m_model->decisionAt(rows.at(1)));
    m_stack->setCurrentIndex(1);
    return true;
}

void ConsensusPage::updateCount()
{
    m_count->setText(m_model->canLoadMore() ? tr("%n decisions shown, more available", nullptr, m_model->rowCount())
                                            : tr("%n decisions", nullptr, m_model->rowCount()));
    m_more->setEnabled(m_model->canLoadMore());
}

} // namespace QwenSwarm::Ui
