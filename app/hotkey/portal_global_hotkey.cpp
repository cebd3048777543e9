#include "hotkey/portal_global_hotkey.h"

#include "hotkey/hotkey_chord.h"

#include <QCoreApplication>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace sosoik::app {

namespace {
constexpr char kRequestInterface[] = "org.freedesktop.portal.Request";
constexpr char kSessionInterface[] = "org.freedesktop.portal.Session";

QString pathOrString(const QVariant& v) {
    return v.metaType() == QMetaType::fromType<QDBusObjectPath>() ? v.value<QDBusObjectPath>().path()
                                                                  : v.toString();
}
} // namespace

QDBusArgument& operator<<(QDBusArgument& arg, const PortalShortcut& shortcut) {
    arg.beginStructure();
    arg << shortcut.id << shortcut.properties;
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, PortalShortcut& shortcut) {
    arg.beginStructure();
    arg >> shortcut.id >> shortcut.properties;
    arg.endStructure();
    return arg;
}

void PortalGlobalHotkey::registerDBusTypes() {
    qDBusRegisterMetaType<PortalShortcut>();
    qDBusRegisterMetaType<QList<PortalShortcut>>();
}

bool PortalGlobalHotkey::offered(const QDBusConnection& bus, int timeoutMs) {
    if (!bus.isConnected()) return false;
    QDBusMessage get = QDBusMessage::createMethodCall(
        QString::fromLatin1(kService), QString::fromLatin1(kPath),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QString::fromLatin1(kInterface) << QStringLiteral("version");
    // Blocking, once at start and only in Wayland sessions: the portal may be D-Bus activated now.
    const QDBusMessage reply = bus.call(get, QDBus::Block, timeoutMs);
    return reply.type() == QDBusMessage::ReplyMessage;
}

QString PortalGlobalHotkey::portalTrigger(const QKeySequence& sequence) {
    const auto chord = chordFromSequence(sequence);
    if (!chord) return {};
    QStringList parts;
    if (chord->modifiers & Qt::ControlModifier) parts << QStringLiteral("CTRL");
    if (chord->modifiers & Qt::AltModifier) parts << QStringLiteral("ALT");
    if (chord->modifiers & Qt::ShiftModifier) parts << QStringLiteral("SHIFT");
    if (chord->modifiers & Qt::MetaModifier) parts << QStringLiteral("LOGO");
    // The key as an xkb keysym name: letters and space are lower case there ("a", "space"), other
    // names (F1, Return, Home) match Qt's portable text.
    QString key = QKeySequence(chord->key).toString(QKeySequence::PortableText);
    if (key.size() == 1 || key == QLatin1String("Space")) key = key.toLower();
    parts << key;
    return parts.join('+');
}

PortalGlobalHotkey::PortalGlobalHotkey(QDBusConnection bus, QObject* parent)
    : GlobalHotkey(parent), m_bus(std::move(bus)) {
    registerDBusTypes();
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), QString::fromLatin1(kInterface),
                  QStringLiteral("Activated"), this, SLOT(onActivated(QDBusMessage)));
}

PortalGlobalHotkey::~PortalGlobalHotkey() {
    closeSession();
}

QString PortalGlobalHotkey::requestPath(const QString& token) const {
    // The portal's documented handle: /org/freedesktop/portal/desktop/request/SENDER/TOKEN, where SENDER
    // is the caller's unique name without the ':' and with '.' as '_'. Known before the call, so the
    // Response cannot be missed.
    QString sender = m_bus.baseService().mid(1);
    sender.replace('.', '_');
    return QStringLiteral("%1/request/%2/%3").arg(QString::fromLatin1(kPath), sender, token);
}

void PortalGlobalHotkey::callWithRequest(const QString& method, QList<QVariant> args, const QString& token) {
    m_pendingRequest = requestPath(token);
    m_bus.connect(QString::fromLatin1(kService), m_pendingRequest, QString::fromLatin1(kRequestInterface),
                  QStringLiteral("Response"), this, SLOT(onResponse(QDBusMessage)));
    QDBusMessage call = QDBusMessage::createMethodCall(
        QString::fromLatin1(kService), QString::fromLatin1(kPath), QString::fromLatin1(kInterface), method);
    call.setArguments(args);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, method] {
        watcher->deleteLater();
        QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            failed(tr("the desktop portal refused %1 (%2).").arg(method, reply.error().message()));
            return;
        }
        // Portals older than the documented handle return another path: follow that one too.
        const QString handle = reply.value().path();
        if (handle != m_pendingRequest) {
            m_pendingRequest = handle;
            m_bus.connect(QString::fromLatin1(kService), handle, QString::fromLatin1(kRequestInterface),
                          QStringLiteral("Response"), this, SLOT(onResponse(QDBusMessage)));
        }
    });
}

bool PortalGlobalHotkey::setShortcut(const QKeySequence& sequence) {
    closeSession();
    const QString trigger = portalTrigger(sequence);
    if (trigger.isEmpty()) {
        m_error = tr("%1 is not a usable shortcut.").arg(sequence.toString(QKeySequence::NativeText));
        emit changed();
        return false;
    }
    m_wanted = sequence;
    m_error = tr("Waiting for the desktop to bind %1…").arg(sequence.toString(QKeySequence::NativeText));
    const QString token = QStringLiteral("sosoik%1").arg(++m_counter);
    callWithRequest(
        QStringLiteral("CreateSession"),
        {QVariantMap{{QStringLiteral("handle_token"), token},
                     {QStringLiteral("session_handle_token"), token + QStringLiteral("session")}}},
        token);
    emit changed();
    return true;
}

void PortalGlobalHotkey::bind() {
    const QString token = QStringLiteral("sosoik%1").arg(++m_counter);
    const QVariantMap properties{{QStringLiteral("description"), tr("Open Sosoik's quick query")},
                                 {QStringLiteral("preferred_trigger"), portalTrigger(m_wanted)}};
    const QList<PortalShortcut> shortcuts{{QString::fromLatin1(kShortcutId), properties}};
    callWithRequest(QStringLiteral("BindShortcuts"),
                    {QVariant::fromValue(QDBusObjectPath(m_session)), QVariant::fromValue(shortcuts),
                     QString(), QVariantMap{{QStringLiteral("handle_token"), token}}},
                    token);
}

void PortalGlobalHotkey::onResponse(const QDBusMessage& message) {
    if (message.path() != m_pendingRequest || message.arguments().size() < 2) return;
    m_bus.disconnect(QString::fromLatin1(kService), m_pendingRequest, QString::fromLatin1(kRequestInterface),
                     QStringLiteral("Response"), this, SLOT(onResponse(QDBusMessage)));
    m_pendingRequest.clear();
    const uint response = message.arguments().at(0).toUInt();
    const QVariantMap results = qdbus_cast<QVariantMap>(message.arguments().at(1));
    if (response != 0) {
        // 1: the user cancelled the desktop's dialog; 2: anything else.
        failed(response == 1 ? tr("the shortcut was not bound: the desktop's dialog was cancelled.")
                             : tr("the desktop did not bind the shortcut."));
        return;
    }
    if (m_session.isEmpty()) { // CreateSession answered
        m_session = pathOrString(results.value(QStringLiteral("session_handle")));
        if (m_session.isEmpty()) {
            failed(tr("the desktop portal created no session."));
            return;
        }
        bind();
        return;
    }
    // BindShortcuts answered: the shortcuts bound, each with how the desktop triggers it.
    const auto bound = qdbus_cast<QList<PortalShortcut>>(results.value(QStringLiteral("shortcuts")));
    for (const PortalShortcut& s : bound) {
        if (s.id != QLatin1String(kShortcutId)) continue;
        m_trigger = s.properties.value(QStringLiteral("trigger_description")).toString();
        m_shortcut = m_wanted;
        m_error.clear();
        emit changed();
        return;
    }
    failed(tr("the desktop did not bind the shortcut."));
}

void PortalGlobalHotkey::onActivated(const QDBusMessage& message) {
    const QList<QVariant> args = message.arguments();
    if (args.size() < 2 || m_shortcut.isEmpty()) return;
    if (pathOrString(args.at(0)) == m_session && args.at(1).toString() == QLatin1String(kShortcutId))
        emit activated();
}

void PortalGlobalHotkey::failed(const QString& why) {
    m_pendingRequest.clear();
    m_shortcut = {};
    m_trigger.clear();
    m_error = tr("%1 cannot be registered: %2").arg(m_wanted.toString(QKeySequence::NativeText), why);
    emit changed();
}

void PortalGlobalHotkey::closeSession() {
    if (!m_session.isEmpty() && m_bus.isConnected())
        m_bus.asyncCall(QDBusMessage::createMethodCall(QString::fromLatin1(kService), m_session,
                                                       QString::fromLatin1(kSessionInterface),
                                                       QStringLiteral("Close")));
    m_session.clear();
    m_pendingRequest.clear();
    m_shortcut = {};
    m_trigger.clear();
}

void PortalGlobalHotkey::clearShortcut() {
    closeSession();
    m_error.clear();
    emit changed();
}

} // namespace sosoik::app
