#pragma once
// Files dropped on a Qt Quick window as a file manager would drop them: enter, move and drop events
// carrying file URLs in text/uri-list, sent straight to the QQuickWindow (no real drag needed, so it
// works offscreen). whileDragging runs between the move and the drop (e.g. to check a drop hint).
#include <QCoreApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QQuickWindow>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace sosoik::app::test {

inline void dropFiles(QQuickWindow* window, const QStringList& files,
                      const std::function<void()>& whileDragging = {}) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& f : files)
        urls << QUrl::fromLocalFile(f);
    mime.setUrls(urls);
    const QPoint pos(window->width() / 2, window->height() / 2);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &enter);
    QDragMoveEvent move(pos + QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &move);
    if (whileDragging) whileDragging();
    QDropEvent drop(QPointF(pos + QPoint(5, 5)), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &drop);
}

} // namespace sosoik::app::test
