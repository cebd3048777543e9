// Issue #19 item 8: a conversation export is an untrusted file. 100k messages used to freeze the UI for
// 20 s at 1.2 GB, a 100 MB field took 2.3 GB, wrong types were accepted silently and an imported system
// message showed as "Assistant". Now: size, count and field limits with errors naming them, every field's
// type checked, roles limited to user/assistant/system, parsing on a worker thread while the UI thread
// keeps running (progress reported), and a system message keeps its role.
#include "history/history_controller.h"
#include "storage/conversation_import.h"
#include "storage/storage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sosoik::storage;
using sosoik::history::HistoryController;

namespace {

QJsonObject message(const QString& role, const QString& content) {
    return {{"role", role}, {"content", content}, {"created", "2026-01-01T00:00:00.000Z"}};
}

QByteArray exportWith(const QJsonArray& messages, const QJsonObject& extra = {}) {
    QJsonObject root{
        {"format", "sosoik.conversation"}, {"version", 1}, {"title", "t"}, {"messages", messages}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        root.insert(it.key(), it.value());
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString parseError(const QByteArray& json, const ImportLimits& limits = {}) {
    ImportedConversation parsed;
    QString error;
    return parseConversationExport(json, &parsed, &error, limits) ? QString() : error;
}

} // namespace

class TestHostileImport : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;

private slots:
    void wrongTypesAreRefusedNamingTheField() {
        const QJsonArray ok{message("user", "안녕"), message("assistant", "네")};
        QVERIFY(parseError(exportWith(ok)).isEmpty());
        QJsonObject numberContent = message("user", "x");
        numberContent["content"] = 42;
        QVERIFY2(parseError(exportWith({numberContent})).contains("message 1's \"content\" should be text"),
                 qPrintable(parseError(exportWith({numberContent}))));
        QJsonObject badTokens = message("assistant", "x");
        badTokens["promptTokens"] = "many";
        QVERIFY(parseError(exportWith({message("user", "a"), badTokens}))
                    .contains("message 2's \"promptTokens\""));
        QJsonObject badFinished = message("assistant", "x");
        badFinished["finished"] = "yes";
        QVERIFY(parseError(exportWith({badFinished})).contains("\"finished\" should be true or false"));
        QVERIFY(parseError(exportWith({QJsonValue(7)})).contains("message 1 is not an object"));
        QVERIFY(parseError(exportWith({message("tool", "x")})).contains("the role \"tool\""));
        QVERIFY(
            parseError(exportWith(ok, {{"title", QJsonArray{1, 2}}})).contains("\"title\" should be text"));
        QVERIFY(parseError(exportWith(ok, {{"settings", QJsonObject{{"temperature", QJsonObject{}}}}}))
                    .contains("\"settings\""));
        // The import fuzzer's find: a setting far beyond int's range was converted (undefined
        // behaviour); it is now ignored like a missing one and the rest of the settings kept.
        const QByteArray huge = exportWith(
            ok, {{"settings", QJsonObject{{"temperature", 0.5}, {"topK", 4e77}, {"maxNewTokens", -1e300}}}});
        ImportedConversation parsed;
        QString error;
        if (parseConversationExport(huge, &parsed, &error)) {
            QVERIFY(!parsed.conversation.settings.topK.has_value());
            QVERIFY(!parsed.conversation.settings.maxNewTokens.has_value());
            QCOMPARE(parsed.conversation.settings.temperature.value_or(-1), 0.5);
        } else {
            QVERIFY2(error.contains("\"settings\""), qPrintable(error));
        }
        QVERIFY(parseError(R"({"format":"sosoik.conversation","version":1,"messages":{}})")
                    .contains("no list of messages"));
        QVERIFY(
            parseError(R"({"format":"sosoik.conversation","version":"1","messages":[]})").contains("newer"));
    }

    void sizesAreBounded() {
        ImportLimits limits;
        limits.maxMessages = 100;
        QJsonArray many;
        for (int i = 0; i < 101; ++i)
            many << message(i % 2 ? "assistant" : "user", QString::number(i));
        QVERIFY2(parseError(exportWith(many), limits).contains("101 messages; Sosoik imports up to 100"),
                 qPrintable(parseError(exportWith(many), limits)));
        limits.maxTextChars = 1000;
        QVERIFY(parseError(exportWith({message("user", QString(1001, 'x'))}), limits)
                    .contains("longer than 1000 characters"));
        limits.maxFileBytes = 1 << 20;
        QVERIFY(parseError(QByteArray(2 << 20, ' '), limits).contains("up to 1 MB"));
        // The defaults the app uses.
        QCOMPARE(ImportLimits{}.maxMessages, 20'000);
        QCOMPARE(ImportLimits{}.maxFileBytes, 32ll << 20);
    }

    void aSystemMessageStaysASystemMessage() {
        Storage s;
        QVERIFY(s.open(tmp.filePath("system")));
        HistoryController history(&s);
        const QString path = tmp.filePath("system.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(exportWith({message("system", "Answer in Korean."), message("user", "안녕"),
                            message("assistant", "안녕하세요")}));
        f.close();
        const qint64 id = history.importConversation(QUrl::fromLocalFile(path));
        QVERIFY2(id > 0, qPrintable(history.errorText()));
        const auto messages = s.messages(id);
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).role, QStringLiteral("system"));
    }

    // The UI thread keeps running while a big (valid) export is parsed, and progress moves.
    void aBigImportDoesNotFreezeTheUiThread() {
        Storage s;
        QVERIFY(s.open(tmp.filePath("big")));
        HistoryController history(&s);
        QJsonArray many;
        const QString text = QStringLiteral("긴 대화의 한 문장입니다. ").repeated(10);
        for (int i = 0; i < 20'000; ++i)
            many << message(i % 2 ? "assistant" : "user", text);
        const QString path = tmp.filePath("big.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(exportWith(many));
        f.close();
        QVERIFY(QFileInfo(path).size() > (6 << 20));
        int ticks = 0;
        qint64 lastTick = 0, longestGap = 0; // the UI thread's longest freeze
        QElapsedTimer clock;
        clock.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&] {
            ++ticks;
            longestGap = std::max(longestGap, clock.elapsed() - lastTick);
            lastTick = clock.elapsed();
        });
        ticker.start(20);
        QSignalSpy progress(&history, &HistoryController::importProgressChanged);
        QElapsedTimer timer;
        timer.start();
        const qint64 id = history.importConversation(QUrl::fromLocalFile(path));
        const qint64 ms = timer.elapsed();
        QVERIFY2(id > 0, qPrintable(history.errorText()));
        QVERIFY(progress.size() >= 3);
        QVERIFY(!history.importing());
        QVERIFY2(ticks >= 3, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(ms)));
        longestGap = std::max(longestGap, clock.elapsed() - lastTick);
        qInfo("20,000 messages (%lld MB): %lld ms, UI timer ran %d times meanwhile, longest freeze %lld ms",
              QFileInfo(path).size() >> 20, ms, ticks, longestGap);
        // Was one freeze for the whole import (29 s here); now slices of 64 messages (generous for a
        // loaded CI machine).
        QVERIFY2(longestGap < 3000, qPrintable(QString::number(longestGap)));
    }
};

QTEST_MAIN(TestHostileImport)
#include "tst_hostile_import.moc"
