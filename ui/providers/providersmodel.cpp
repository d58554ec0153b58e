#include "providers/providersmodel.h"

#include <QBrush>
#include <QColor>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

const QColor failingColor(0xd9, 0x3f, 0x36);
const QColor waitingColor(0xc7, 0x7c, 0x02);

QStringList namesOf(const QList<ProviderInfo> &providers)
{
    QStringList names;
    for (const ProviderInfo &info : providers)
        names.append(info.settings.name);
    return names;
}

QString priceText(const ProviderSettings &settings)
{
    QStringList prices;
    for (const ProviderPrice &price : settings.prices)
        prices.append(ProvidersModel::tr("%1: $%2 in, $%3 out per million tokens")
                          .arg(price.model)
                          .arg(price.inputPerMTok)
                          .arg(price.outputPerMTok));
    return prices.join(u'\n');
}

} // namespace

ProvidersModel::ProvidersModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ProvidersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProvidersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProvidersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProviderInfo &info = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(info, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LimitsColumn && !info.settings.prices.isEmpty())
            return priceText(info.settings);
        if (index.column() == CircuitColumn)
            return circuitMeaning(info.circuit);
        if (index.column() == KeyColumn && !keyProblem(info).isEmpty())
            return keyProblem(info);
        if (index.column() == KeyColumn && !info.settings.keyRef.isEmpty())
            return tr("Key reference: %1").arg(info.settings.keyRef);
        return display(info, index.column());
    case Qt::ForegroundRole:
        return foreground(info, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == AgentsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case NameRole:
        return info.settings.name;
    case EditableRole:
        return info.origin == ProviderOrigin::Operator;
    }
    return {};
}

QVariant ProvidersModel::display(const ProviderInfo &info, int column) const
{
    const ProviderSettings &s = info.settings;
    switch (column) {
    case NameColumn:
        return s.name;
    case KindColumn:
        return s.kind;
    case BaseUrlColumn:
        return s.baseUrl;
    case ModelColumn:
        return s.defaultModel;
    case OriginColumn:
        return originText(info.origin);
    case KeyColumn:
        return keyText(info);
    case CircuitColumn:
        return circuitText(info.circuit);
    case AgentsColumn:
        return info.agents;
    case LimitsColumn:
        return limitsText(s);
    }
    return {};
}

QVariant ProvidersModel::foreground(const ProviderInfo &info, int column) const
{
    if (column == KeyColumn && info.keyStatus != QLatin1StringView("none")
        && info.keyStatus != QLatin1StringView("present"))
        return QBrush(failingColor);
    if (column == CircuitColumn && info.circuit == QLatin1StringView("open"))
        return QBrush(failingColor);
    if (column == CircuitColumn && info.circuit == QLatin1StringView("half_open"))
        return QBrush(waitingColor);
    return {};
}

QVariant ProvidersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case BaseUrlColumn:
        return tr("Base URL");
    case ModelColumn:
        return tr("Default model");
    case OriginColumn:
        return tr("Defined by");
    case KeyColumn:
        return tr("API key");
    case CircuitColumn:
        return tr("Circuit");
    case AgentsColumn:
        return tr("Agents");
    case LimitsColumn:
        return tr("Limits");
    }
    return {};
}

void ProvidersModel::setProviders(const QList<ProviderInfo> &providers)
{
    // The same providers in the same order keep the view's selection and scroll position.
    if (namesOf(providers) == namesOf(m_rows)) {
        m_rows = providers;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = providers;
    endResetModel();
}

int ProvidersModel::rowOf(const QString &name) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).settings.name == name)
            return int(row);
    }
    return -1;
}

const ProviderInfo *ProvidersModel::provider(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QString ProvidersModel::keySource(const QString &keyRef)
{
    if (keyRef.isEmpty())
        return tr("no key");
    if (keyRef == QLatin1StringView("keychain"))
        return tr("system keychain");
    if (keyRef == QLatin1StringView("file"))
        return tr("configuration file");
    if (keyRef.startsWith(QLatin1StringView("env:")))
        return tr("environment variable %1").arg(keyRef.mid(4));
    return keyRef;
}

QString ProvidersModel::keyText(const ProviderInfo &info)
{
    if (info.keyStatus == QLatin1StringView("none"))
        return tr("not needed");
    if (info.keyStatus == QLatin1StringView("present"))
        return tr("present (%1)").arg(keySource(info.settings.keyRef));
    return tr("missing (%1)").arg(keySource(info.settings.keyRef));
}

QString ProvidersModel::keyProblem(const ProviderInfo &info)
{
    const QString &status = info.keyStatus;
    if (status == QLatin1StringView("none") || status == QLatin1StringView("present"))
        return {};
    return status == QLatin1StringView("missing") ? tr("the core has no key for it") : status;
}

QString ProvidersModel::originText(ProviderOrigin origin)
{
    switch (origin) {
    case ProviderOrigin::Builtin:
        return tr("built in");
    case ProviderOrigin::File:
        return tr("configuration file");
    case ProviderOrigin::Operator:
        return tr("console");
    }
    return {};
}

QString ProvidersModel::circuitText(const QString &circuit)
{
    if (circuit == QLatin1StringView("closed"))
        return tr("closed");
    if (circuit == QLatin1StringView("open"))
        return tr("open");
    if (circuit == QLatin1StringView("half_open"))
        return tr("half-open");
    return circuit.isEmpty() ? QStringLiteral("—") : circuit;
}

QString ProvidersModel::circuitMeaning(const QString &circuit)
{
    if (circuit == QLatin1StringView("closed"))
        return tr("Closed: calls go through.");
    if (circuit == QLatin1StringView("open"))
        return tr("Open: the provider failed again and again; calls are refused for a while.");
    if (circuit == QLatin1StringView("half_open"))
        return tr("Half-open: a few calls try the provider again.");
    return tr("This provider has no circuit breaker.");
}

QString ProvidersModel::limitsText(const ProviderSettings &settings)
{
    QStringList limits;
    if (settings.concurrency > 0)
        limits.append(tr("%n call(s) at once", nullptr, settings.concurrency));
    if (settings.requestsPerMinute > 0)
        limits.append(tr("%1 requests/min").arg(settings.requestsPerMinute));
    if (settings.tokensPerMinute > 0)
        limits.append(tr("%1 tokens/min").arg(settings.tokensPerMinute));
    return limits.isEmpty() ? tr("unlimited") : limits.join(QStringLiteral(", "));
}

} // namespace QwenSwarm::Ui
