// Which scene graph Qt Quick draws with. Measured for issue #13 (tools/bench/gui_vs_cli.sh, SmolLM2-135M
// Q4_1, 200 tokens, 2 cores, Xvfb): where OpenGL is a software rasteriser (Mesa's llvmpipe: a VM, a PC
// without GPU drivers, a remote desktop) Qt Quick's OpenGL renderer redraws the whole window every frame
// on the CPU. While an answer streamed, llvmpipe's two threads used 7.0 CPU-seconds, as much as the
// engine's 7.2, and the window generated at 0.59x sosoik-cli's speed (27.4 vs 46.8 tokens/s). Qt Quick's
// software adaptation repaints only what changed (0.8 CPU-seconds) and the window kept 43.6 tokens/s.
// With a real GPU nothing changes: the GPU draws and the CPU stays free.
#pragma once

#include <QByteArray>
#include <QString>

namespace sosoik::app {

// True for renderers that draw on the CPU: Mesa's llvmpipe/softpipe/swrast, Windows' GDI Generic and
// Basic Render Driver (WARP). Not for GPUs whose driver merely names LLVM (radeonsi) or VMware's SVGA3D.
bool isSoftwareRasterizer(const QByteArray& glRenderer);

// GL_RENDERER of a throwaway OpenGL context on the default surface format; empty when OpenGL cannot be
// made current at all. Needs a QGuiApplication.
QByteArray probeOpenGLRenderer();

struct SceneGraphChoice {
    bool software = false; // Qt Quick's software adaptation instead of the RHI
    QString reason;        // one sentence for the log and the About box
};

// The decision, apart from probing so it can be tested: a backend the user chose (QT_QUICK_BACKEND,
// QSG_RHI_BACKEND) is kept; a software rasteriser or no OpenGL at all selects the software adaptation.
SceneGraphChoice chooseSceneGraph(const QByteArray& glRenderer, bool userChose);

// Probes, decides and applies the choice (before the first QQuickWindow). Returns what it chose.
SceneGraphChoice applySceneGraphChoice();

} // namespace sosoik::app
