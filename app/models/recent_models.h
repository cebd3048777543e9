#pragma once
// Recently opened model files, newest first, remembered across runs (QSettings). Each entry
// keeps the facts shown in the picker so the list reads well even before a file is re-read.
#include "inference/inference_backend.h"

#include <QAbstractListModel>
#include <QSettings>

#include <functional>

namespace sosoik::app {

class RecentModels : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { PathRole = Qt::UserRole + 1, NameRole, SizeRole, QuantizationRole, ContextRole, ExistsRole };
    static constexpr int kMaxEntries = 10;

    explicit RecentModels(QSettings* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void remember(const ModelDetails& details); // moves it to the top
    Q_INVOKABLE void forget(const QString& path);
    Q_INVOKABLE QString pathAt(int row) const;
    QString mostRecent() const { return entries_.isEmpty() ? QString() : entries_.first().path; }
    const QList<ModelDetails>& entries() const { return entries_; }
    // The name of a built-in model file ("" for others), so the list calls it what the tool bar and the
    // built-in list do, in the UI language; retranslate() after a language change.
    void setBuiltinName(std::function<QString(const QString& path)> builtinName);
    void retranslate();

signals:
    void countChanged();

private:
    void save();
    QSettings* store_;
    QList<ModelDetails> entries_;
    std::function<QString(const QString&)> builtinName_;
};

} // namespace sosoik::app
