// Device selection, the persistent pipeline cache, buffer limits and the memory-budget check
// that refuses a model before loading it half-way.
#include "support/synthetic_model.h"

#include "backend/vulkan/context.h"
#include "backend/vulkan/instance.h"
#include "backend/vulkan/kernels.h"
#include "sosoik/devices.h"
#include "sosoik/model.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

class TestVulkanContext : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void cleanupTestCase() { QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0)); }

    void choosesDevicesByIndexAndName() {
        const auto devices = listDevices();
        QVERIFY(!devices.empty());
        auto byIndex = vk::Context::create(0);
        QCOMPARE(byIndex->caps().name, devices[0].name);
        QVERIFY(byIndex->caps().subgroupSize >= 1);
        QVERIFY(byIndex->caps().maxStorageBufferRange >= (1u << 27) - 1);
        // A case-insensitive substring of the name selects the device.
        const std::string part = devices[0].name.substr(0, 4);
        std::string upper = part;
        for (char& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        QCOMPARE(vk::Context::create(-1, upper)->caps().name, devices[0].name);
    }

    // tests/CMakeLists.txt runs the Vulkan tests again with LP_NATIVE_VECTOR_WIDTH (lavapipe's vector width:
    // subgroups of width / 32 lanes); a Mesa that stopped honouring it would turn those runs into repeats.
    void lavapipeHonoursItsVectorWidth() {
        const QByteArray width = qgetenv("LP_NATIVE_VECTOR_WIDTH");
        auto ctx = vk::Context::create();
        if (width.isEmpty() || ctx->caps().driver.find("llvmpipe") == std::string::npos)
            QSKIP("not lavapipe with LP_NATIVE_VECTOR_WIDTH");
        QCOMPARE(ctx->caps().subgroupSize, uint32_t(width.toUInt() / 32));
    }

    void unknownDevicesAreClearErrors() {
        try {
            vk::Context::create(99);
            QFAIL("device 99 should not exist");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            QVERIFY2(std::string(e.what()).find("no Vulkan device 99") != std::string::npos, e.what());
        }
        try {
            vk::Context::create(-1, "no such gpu");
            QFAIL("the name should not match");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("no such gpu") != std::string::npos, e.what());
        }
    }

    void pipelineCachePersistsOnDisk() {
        const QByteArray saved = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", dir.filePath("cache").toUtf8());
        std::string path;
        {
            auto ctx = vk::Context::create();
            vk::Kernels kernels(*ctx);
            path = ctx->pipelines().path();
            QVERIFY(path.rfind(dir.filePath("cache/sosoik/pipelines-").toStdString(), 0) == 0);
            // Building any pipeline marks the cache dirty; it is written when the context closes.
            ctx->pipelines().get("swiglu", 2, {64});
        }
        QVERIFY2(QFile::exists(QString::fromStdString(path)), path.c_str());
        QVERIFY(QFileInfo(QString::fromStdString(path)).size() > 0);
        {
            auto again = vk::Context::create(); // reads the file back without complaint
            again->pipelines().get("swiglu", 2, {64});
        }
        qputenv("XDG_CACHE_HOME", saved);
    }

    void buffersBeyondTheBindableLimitAreRefused() {
        auto ctx = vk::Context::create();
        try {
            ctx->createBuffer(ctx->maxBindableBytes() + (1 << 20), vk::MemoryKind::Device, "a test buffer");
            QFAIL("an oversized buffer should be refused");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::OutOfMemory);
            QVERIFY2(std::string(e.what()).find("a test buffer") != std::string::npos, e.what());
        }
        QVERIFY(ctx->deviceLocalBytesFree() > 0);
    }

    void modelsThatDoNotFitAreRefusedUpFront() {
        test::SyntheticModelSpec spec;
        const std::string path = dir.filePath("m.gguf").toStdString();
        test::writeSyntheticModel(spec, path);
        qputenv("SOSOIK_VK_MEMORY_LIMIT_MB", "1");
        LoadOptions o;
        o.backend = BackendKind::Vulkan;
        try {
            Model::load(path, o);
            qunsetenv("SOSOIK_VK_MEMORY_LIMIT_MB");
            QFAIL("a 1 MiB budget cannot hold the model");
        } catch (const Error& e) {
            qunsetenv("SOSOIK_VK_MEMORY_LIMIT_MB");
            const std::string msg = e.what();
            QVERIFY2(msg.find("needs") != std::string::npos && msg.find("GiB") != std::string::npos &&
                         msg.find("free") != std::string::npos,
                     e.what());
        }
        // Auto falls back to the CPU backend instead of failing (on lavapipe it skips Vulkan anyway).
        qputenv("SOSOIK_VK_MEMORY_LIMIT_MB", "1");
        auto fallback = Model::load(path, LoadOptions{});
        qunsetenv("SOSOIK_VK_MEMORY_LIMIT_MB");
        QVERIFY2(fallback->info().backendName.rfind("cpu: ", 0) == 0, fallback->info().backendName.c_str());
    }
};

QTEST_GUILESS_MAIN(TestVulkanContext)
#include "tst_vulkan_context.moc"
