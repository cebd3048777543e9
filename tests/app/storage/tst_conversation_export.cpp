// Export as Markdown and JSON, import JSON: a lossless round trip, and clear errors for bad files.
#include "storage/conversation_export.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace sosoik::storage;

class TestConversationExport : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    Storage s_;
    qint64 chat_ = 0;

private slots:
    void initTestCase() {
        QVERIFY(s_.open(tmp_.path()));
        GenerationSettings settings;
        settings.temperature = 0.4;
        settings.maxNewTokens = 300;
        chat_ = s_.createConversation(ConversationKind::Quick, "날씨 <질문>", "간단히 답하세요", settings,
                                      "/m/q.gguf");
        s_.addMessage(chat_, "user", "서울 날씨 어때?\n\n```\ncode & <b>\n```");
        Message answer;
        answer.conversationId = chat_;
        answer.role = "assistant";
        answer.content = "맑아요 ☀️";
        answer.model = "q.gguf";
        answer.promptTokens = 11;
        answer.completionTokens = 5;
        answer.settings = settings;
        answer.stopReason = "cancelled"; // the user stopped it: kept by the export and the import
        QVERIFY(s_.addMessage(answer) > 0);
        const qint64 partial = s_.beginMessage(chat_, "assistant", "q.gguf");
        QVERIFY(s_.appendToMessage(partial, "중단된 답"));
    }

    void markdown() {
        const QString md = exportMarkdown(s_, chat_);
        QVERIFY(md.startsWith("# 날씨 <질문>\n"));
        QVERIFY(md.contains("**System prompt:** 간단히 답하세요"));
        QVERIFY(md.contains("## User\n\n서울 날씨 어때?\n\n```\ncode & <b>\n```\n"));
        QVERIFY(md.contains("## Assistant\n\n맑아요 ☀️\n"));
        // A stopped answer says so, in the words the chat shows under it.
        QVERIFY2(md.contains("맑아요 ☀️\n\n_(Stopped.)_\n\n## Assistant"), qPrintable(md));
        QVERIFY(md.contains("중단된 답\n\n_(answer interrupted)_"));
        QCOMPARE(md.count("_("), 2); // the question and the interrupted answer get no stop note
        QVERIFY(exportMarkdown(s_, 999999).isEmpty());

        // An answer cut off by the length limit or a full context says which.
        const qint64 other = s_.createConversation();
        Message cut;
        cut.conversationId = other;
        cut.role = "assistant";
        cut.content = "long";
        cut.stopReason = "length";
        QVERIFY(s_.addMessage(cut) > 0);
        cut.content = "full";
        cut.stopReason = "context-full";
        QVERIFY(s_.addMessage(cut) > 0);
        const QString cutMd = exportMarkdown(s_, other);
        QVERIFY2(cutMd.contains("long\n\n_(Reached the answer length limit.)_\n\n"), qPrintable(cutMd));
        QVERIFY2(cutMd.contains("full\n\n_(The context is full.)_\n\n"), qPrintable(cutMd));
        QVERIFY(s_.deleteConversationPermanently(other));
    }

    void jsonRoundTrip() {
        const QByteArray json = exportJson(s_, chat_);
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value("format").toString(), QStringLiteral("sosoik.conversation"));
        QCOMPARE(root.value("messages").toArray().size(), 3);

        const QString path = tmp_.filePath("export.json");
        QString error;
        QVERIFY2(writeFileAtomically(path, json, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const qint64 copy = importJson(s_, file.readAll(), &error);
        QVERIFY2(copy > 0, qPrintable(error));
        QVERIFY(copy != chat_);

        const Conversation a = *s_.conversation(chat_), b = *s_.conversation(copy);
        QCOMPARE(b.title, a.title);
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.systemPrompt, a.systemPrompt);
        QCOMPARE(b.modelPath, a.modelPath);
        QCOMPARE(b.settings, a.settings);
        const auto ma = s_.messages(chat_), mb = s_.messages(copy);
        QCOMPARE(mb.size(), ma.size());
        for (qsizetype i = 0; i < ma.size(); ++i) {
            QCOMPARE(mb[i].role, ma[i].role);
            QCOMPARE(mb[i].content, ma[i].content);
            QCOMPARE(mb[i].created, ma[i].created);
            QCOMPARE(mb[i].model, ma[i].model);
            QCOMPARE(mb[i].promptTokens, ma[i].promptTokens);
            QCOMPARE(mb[i].completionTokens, ma[i].completionTokens);
            QCOMPARE(mb[i].settings, ma[i].settings);
            QCOMPARE(mb[i].finished, ma[i].finished);
            QCOMPARE(mb[i].stopReason, ma[i].stopReason);
        }
        QCOMPARE(mb[1].stopReason, QStringLiteral("cancelled"));
        // Exporting the copy gives the same document apart from the timestamps of the conversation.
        QJsonObject again = QJsonDocument::fromJson(exportJson(s_, copy)).object();
        QJsonObject original = root;
        for (const char* key : {"created", "updated"}) {
            again.remove(key);
            original.remove(key);
        }
        QCOMPARE(again, original);
        QCOMPARE(s_.conversations().first().id, copy); // imported = latest activity
    }

    void badImportsAreRejectedWithoutChanges() {
        const int before = int(s_.conversations().size());
        QString error;
        QCOMPARE(importJson(s_, "{ not json", &error), 0);
        QVERIFY(error.contains("not valid JSON"));
        QCOMPARE(importJson(s_, R"({"format":"other"})", &error), 0);
        QVERIFY(error.contains("not a Sosoik"));
        QCOMPARE(importJson(s_, R"({"format":"sosoik.conversation","version":99})", &error), 0);
        QVERIFY(error.contains("newer"));
        QCOMPARE(importJson(s_,
                            R"({"format":"sosoik.conversation","version":1,"messages":[{"content":"x"}]})",
                            &error),
                 0);
        QVERIFY(error.contains("role"));
        QCOMPARE(int(s_.conversations().size()), before);
    }

    void unwritableExportReportsError() {
        QString error;
        QVERIFY(!writeFileAtomically(tmp_.filePath("missing-dir/x.md"), "x", &error));
        QVERIFY(error.contains("Cannot write"));
    }

    // The app's Korean catalogue (compiled in, as the app loads it) translates exports and import errors:
    // their strings sat in the catalogue under the context lupdate guessed ("sosoik::storage"), not the one
    // the code looks them up under, and a Korean user's exports said "## User".
    void koreanCatalogueTranslatesExportsAndImports() {
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/sosoik_ko.qm")));
        QVERIFY(QCoreApplication::installTranslator(&korean));
        const QString md = exportMarkdown(s_, chat_);
        QString error;
        QCOMPARE(
            importJson(s_, R"({"format":"sosoik.conversation","version":1,"title":5,"messages":[]})", &error),
            0);
        QString writeError;
        QVERIFY(!writeFileAtomically(tmp_.filePath("missing-dir/x.md"), "x", &writeError));
        QCoreApplication::removeTranslator(&korean);

        QVERIFY2(md.contains(QStringLiteral("**시스템 프롬프트:** 간단히 답하세요")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("## 사용자\n\n서울 날씨 어때?")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("## 어시스턴트\n\n맑아요")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("맑아요 ☀️\n\n_(중지됨.)_")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("_(답변이 중간에 끊김)_")), qPrintable(md));
        // A field check's words (class FieldCheck) and the sentence around them.
        QVERIFY2(error.contains(QStringLiteral("올바른 소소익 대화 파일이 아닙니다")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("텍스트여야 합니다")), qPrintable(error));
        QVERIFY2(writeError.contains(QStringLiteral("쓸 수 없습니다")), qPrintable(writeError));
    }
};

QTEST_GUILESS_MAIN(TestConversationExport)
#include "tst_conversation_export.moc"
