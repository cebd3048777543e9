// The "Recommended for this PC" badge on the Models page's catalog: memory alone is not enough. Without a
// GPU a model must also answer at a usable speed on the CPU's cores (one billion parameters per physical
// core, catalog_list_model.cpp), and the row says why it is recommended.
#include "models/catalog_list_model.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace sosoik::app;
using sosoik::BackendKind;

class TestRecommendation : public QObject {
    Q_OBJECT

    static QStringList recommended(const CatalogListModel& m) {
        QStringList ids;
        for (int i = 0; i < m.rowCount(); ++i)
            if (m.index(i).data(CatalogListModel::RecommendedRole).toBool())
                ids << m.index(i).data(CatalogListModel::IdRole).toString();
        return ids;
    }

    QTemporaryDir dir_;
    QTranslator english_; // the English plural forms ("2 CPU cores")

private slots:
    void initTestCase() {
        QVERIFY(english_.load(QStringLiteral(":/i18n/sosoik_en.qm")));
        QCoreApplication::installTranslator(&english_);
    }

    void twoCpuCoresWithoutAGpuGetAModelThatAnswersQuickly() {
        CatalogListModel m(ModelCatalog::builtIn(), dir_.path());
        // 24 GB free (the machine of the report): memory alone recommended Qwen3 4B, ~6 tokens/s here.
        m.setBudget({BackendKind::Vulkan, 24ull << 30, QString(), 2}, 4096, "en_US");
        const QStringList ids = recommended(m);
        QVERIFY2(!ids.isEmpty(), "something is recommended");
        QVERIFY2(!ids.contains("qwen3-4b"), qPrintable(ids.join(", ")));
        for (const QString& id : ids)
            QVERIFY2(m.catalog().find(id)->parametersBillions <= 2.0, qPrintable(id));
        // The largest that is quick enough: Qwen3 1.7B (ko and en, as the other recommended one).
        QVERIFY2(ids.contains("qwen3-1.7b"), qPrintable(ids.join(", ")));
        const int row = m.rowOf("qwen3-1.7b");
        QCOMPARE(m.index(row).data(CatalogListModel::RecommendedWhyRole).toString(),
                 QStringLiteral(
                     "Recommended: fits this PC's memory and runs at a usable speed on its 2 CPU cores"));
        QCOMPARE(m.index(m.rowOf("qwen3-4b")).data(CatalogListModel::RecommendedWhyRole).toString(),
                 QString());
    }

    void moreCoresAllowLargerModels() {
        CatalogListModel m(ModelCatalog::builtIn(), dir_.path());
        m.setBudget({BackendKind::Reference, 24ull << 30, QString(), 4}, 4096, "en_US");
        QVERIFY2(recommended(m).contains("qwen3-4b"), qPrintable(recommended(m).join(", ")));
    }

    void aGpuIsLimitedByItsMemoryOnly() {
        CatalogListModel m(ModelCatalog::builtIn(), dir_.path());
        m.setBudget({BackendKind::Vulkan, 8ull << 30, QStringLiteral("Big GPU"), 2}, 4096, "en_US");
        QVERIFY2(recommended(m).contains("qwen3-4b"), qPrintable(recommended(m).join(", ")));
        QCOMPARE(m.index(m.rowOf("qwen3-4b")).data(CatalogListModel::RecommendedWhyRole).toString(),
                 QStringLiteral("Recommended: fits the free memory of Big GPU and runs on it"));
    }

    void memoryStillDecides() {
        CatalogListModel m(ModelCatalog::builtIn(), dir_.path());
        // 16 cores, 3 GB free: Qwen3 4B (2.9 GB at 4K context) is quick enough but leaves no room to spare.
        m.setBudget({BackendKind::Reference, 3ull << 30, QString(), 16}, 4096, "en_US");
        QVERIFY(!recommended(m).isEmpty());
        QVERIFY2(!recommended(m).contains("qwen3-4b"), qPrintable(recommended(m).join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestRecommendation)
#include "tst_recommendation.moc"
