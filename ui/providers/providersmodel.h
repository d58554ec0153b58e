#pragma once

#include <api/provider.h>

#include <QAbstractTableModel>

namespace QwenSwarm::Ui {

/// The providers a core has (Backend::listProviders), one row each in the core's order: where each
/// one's settings come from, whether its key is there, its circuit breaker and how many agents call it.
class ProvidersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        KindColumn,
        BaseUrlColumn,
        ModelColumn,
        OriginColumn,
        KeyColumn,
        CircuitColumn,
        AgentsColumn,
        LimitsColumn,
        ColumnCount,
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, ///< QString
        EditableRole, ///< bool: an operator provider
    };

    explicit ProvidersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every row (what a listing answered).
    void setProviders(const QList<Api::ProviderInfo> &providers);
    const QList<Api::ProviderInfo> &providers() const { return m_rows; }
    const Api::ProviderInfo &providerAt(int row) const { return m_rows.at(row); }
    /// The row of the provider named `name`, or -1.
    int rowOf(const QString &name) const;
    const Api::ProviderInfo *provider(const QString &name) const;

    /// Where a key comes from, in words ("environment variable OPENAI_API_KEY", "system keychain").
    static QString keySource(const QString &keyRef);
    /// What the key column says: not needed, present or missing (and where from).
    static QString keyText(const Api::ProviderInfo &info);
    /// Why the key is missing (the core's words), or empty.
    static QString keyProblem(const Api::ProviderInfo &info);
    static QString originText(Api::ProviderOrigin origin);
    static QString circuitText(const QString &circuit);
    /// What the circuit breaker's state means for calls.
    static QString circuitMeaning(const QString &circuit);
    /// "4 calls, 60 requests/min, 100000 tokens/min", or "unlimited".
    static QString limitsText(const Api::ProviderSettings &settings);

private:
    QVariant display(const Api::ProviderInfo &info, int column) const;
    QVariant foreground(const Api::ProviderInfo &info, int column) const;

    QList<Api::ProviderInfo> m_rows;
};

} // namespace QwenSwarm::Ui
