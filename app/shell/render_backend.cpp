#include "shell/render_backend.h"

#include <QLoggingCategory>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace sosoik::app {
namespace {
Q_LOGGING_CATEGORY(lcRender, "sosoik.render")
}

bool isSoftwareRasterizer(const QByteArray& glRenderer) {
    const QByteArray r = glRenderer.toLower();
    for (const char* name :
         {"llvmpipe", "softpipe", "swrast", "software rasterizer", "gdi generic", "basic render driver"})
        if (r.contains(name)) return true;
    return false;
}

QByteArray probeOpenGLRenderer() {
#if QT_CONFIG(opengl)
    QOpenGLContext context;
    if (!context.create()) return {};
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface)) return {};
    const auto* renderer = reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER));
    QByteArray name(renderer ? renderer : "");
    context.doneCurrent();
    return name;
#else
    return {};
#endif
}

SceneGraphChoice chooseSceneGraph(const QByteArray& glRenderer, bool userChose) {
    if (userChose) return {false, QStringLiteral("the scene graph backend set in the environment")};
    if (glRenderer.isEmpty()) return {true, QStringLiteral("no OpenGL: Qt Quick's software renderer")};
    if (isSoftwareRasterizer(glRenderer))
        return {true, QStringLiteral("OpenGL is drawn on the CPU (%1): Qt Quick's software renderer, "
                                     "which repaints only what changed")
                          .arg(QString::fromUtf8(glRenderer))};
    return {false, QStringLiteral("OpenGL on %1").arg(QString::fromUtf8(glRenderer))};
}

SceneGraphChoice applySceneGraphChoice() {
    const bool userChose = qEnvironmentVariableIsSet("QT_QUICK_BACKEND") ||
                           qEnvironmentVariableIsSet("QSG_RHI_BACKEND") ||
                           qEnvironmentVariableIsSet("QMLSCENE_DEVICE");
    // Other platforms' default RHI is Direct3D or Metal, not OpenGL: probing GL there says nothing.
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const SceneGraphChoice choice =
        chooseSceneGraph(userChose ? QByteArray() : probeOpenGLRenderer(), userChose);
#else
    const SceneGraphChoice choice{false, QStringLiteral("the platform's default")};
#endif
    if (choice.software) QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    qCInfo(lcRender, "%s", qPrintable(choice.reason));
    return choice;
}

} // namespace sosoik::app
