#pragma once
// The catalog as the Models page lists it: each recommended model with its fit estimate on this
// computer, the "recommended for this PC" badge, whether it is installed, and its download (state,
// progress, speed, time left, error) updated row by row.
#include "library/fit_estimate.h"
#include "library/model_catalog.h"
#include "library/model_download.h"

#include <QAbstractListModel>
#include <QHash>

namespace sosoik::app {

class CatalogListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        RepoRole,
        FileRole,
        QuantizationRole,
        SizeTextRole,
        LanguagesRole,
        LicenceRole,
        LicenceUrlRole,
        NonCommercialRole,
        RequiresAcceptanceRole,
        FitRole,     // "fits", "shorter", "no"
        FitTextRole, // the estimate in words
        RecommendedRole,
        RecommendedWhyRole, // why the badge is there, in words ("" without it)
        InstalledRole,
        PathRole,
        StateRole, // "idle", "probing", "downloading", "paused", "verifying", "finished", "failed",
                   // "cancelled"
        ProgressRole,
        TransferTextRole, // "1.2 GB of 2.5 GB · 12 MB/s · 2 min left"
        ErrorRole,
        UpdateRole, // "" (not checked), "current", "available", or why the check failed
    };

    explicit CatalogListModel(ModelCatalog catalog, QString modelsDir, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const ModelCatalog& catalog() const { return catalog_; }
    // Recomputes the fit estimates and badges for a budget, a context and the UI language.
    void setBudget(const MemoryBudget& budget, int context, const QString& uiLanguage);
    // The row of this id follows the download (its signals update the row); not owned.
    void attach(const QString& id, ModelDownload* download);
    void detach(const QString& id);
    // Where "installed" is looked for (Settings → Models changed the folder).
    void setModelsDir(const QString& dir);
    void refreshInstalled();
    // What "Check for updates" found for a downloaded model (see UpdateRole).
    void setUpdate(const QString& id, const QString& update);
    int rowOf(const QString& id) const;

private:
    QString fitText(const FitEstimate& fit) const;
    QString recommendedWhy() const;
    void changed(int row);

    ModelCatalog catalog_;
    QString modelsDir_;
    MemoryBudget budget_;
    QList<FitEstimate> fits_;
    QList<bool> recommended_;
    QList<bool> installed_;
    QHash<QString, QString> updates_;
    QHash<QString, ModelDownload*> downloads_;
};

} // namespace sosoik::app
