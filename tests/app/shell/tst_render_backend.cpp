// The scene graph choice (app/shell/render_backend.h, issue #13): renderers that draw on the CPU are
// told from GPUs, and on a real X server whose OpenGL is llvmpipe (Xvfb) the app's windows render
// with Qt Quick's software adaptation. Skips the X part without Xvfb.
#include "app/hotkey/xvfb_session.h"
#include "shell/render_backend.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTest>

using namespace sosoik::app;
using sosoik::test::XvfbSession;

namespace {
XvfbSession* g_xvfb = nullptr;
bool g_haveX = false;
} // namespace

class TestRenderBackend : public QObject {
    Q_OBJECT
private slots:
    void softwareRasterizersAreToldFromGpus_data() {
        QTest::addColumn<QByteArray>("renderer");
        QTest::addColumn<bool>("software");
        QTest::newRow("llvmpipe") << QByteArray("llvmpipe (LLVM 15.0.6, 256 bits)") << true;
        QTest::newRow("softpipe") << QByteArray("softpipe") << true;
        QTest::newRow("swrast") << QByteArray("Software Rasterizer") << true;
        QTest::newRow("WSL WARP") << QByteArray("D3D12 (Microsoft Basic Render Driver)") << true;
        QTest::newRow("Windows GDI") << QByteArray("GDI Generic") << true;
        // radeonsi names LLVM too; it is a GPU.
        QTest::newRow("radeonsi") << QByteArray("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49)")
                                  << false;
        QTest::newRow("intel") << QByteArray("Mesa Intel(R) UHD Graphics 620 (KBL GT2)") << false;
        QTest::newRow("nvidia") << QByteArray("NVIDIA GeForce RTX 3060/PCIe/SSE2") << false;
        QTest::newRow("vmware") << QByteArray("SVGA3D; build: RELEASE; LLVM;") << false;
    }
    void softwareRasterizersAreToldFromGpus() {
        QFETCH(QByteArray, renderer);
        QFETCH(bool, software);
        QCOMPARE(isSoftwareRasterizer(renderer), software);
        QCOMPARE(chooseSceneGraph(renderer, false).software, software);
    }

    void aBackendTheUserChoseIsKept() {
        QVERIFY(!chooseSceneGraph("llvmpipe (LLVM 15.0.6, 256 bits)", true).software);
        QVERIFY(!chooseSceneGraph({}, true).software);
    }

    void noOpenGLAtAllRendersInSoftware() {
        const SceneGraphChoice choice = chooseSceneGraph({}, false);
        QVERIFY(choice.software);
        QVERIFY(!choice.reason.isEmpty());
    }

    // Xvfb's OpenGL is Mesa's llvmpipe (or none): the probe must see it and a window made afterwards
    // must draw with the software adaptation.
    void windowsOnXvfbRenderInSoftware() {
        if (!g_haveX) QSKIP(qPrintable(g_xvfb->skipReason()));
        qunsetenv("QT_QUICK_BACKEND");
        const QByteArray renderer = probeOpenGLRenderer();
        qInfo("Xvfb's OpenGL renderer: %s", renderer.isEmpty() ? "(none)" : renderer.constData());
        QVERIFY2(renderer.isEmpty() || isSoftwareRasterizer(renderer), renderer.constData());
        QVERIFY(applySceneGraphChoice().software);
        QQuickWindow window;
        window.resize(200, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.rendererInterface());
        QCOMPARE(window.rendererInterface()->graphicsApi(), QSGRendererInterface::Software);
    }
};

int main(int argc, char* argv[]) {
    XvfbSession xvfb;
    g_xvfb = &xvfb;
    g_haveX = xvfb.start();
    QGuiApplication app(argc, argv);
    TestRenderBackend test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_render_backend.moc"
