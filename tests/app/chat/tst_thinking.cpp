// Thinking blocks (#21): a reasoning model's "<think>…</think>" is split from the answer while it
// streams and after, shown folded (ChatMessageModel's thinking roles), and never sent back to the
// model with the next turn (the engine's rendered prompt is checked, through the real EngineWorker).
#include "chat/answer_stream.h"
#include "chat/chat_controller.h"
#include "chat/thinking.h"
#include "settings/app_settings.h"
#include "storage/storage.h"
#include "summarize/ui/worker_llm_backend.h"
#include "support/scripted_backend.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::app::test::ScriptedBackend;

class TestThinking : public QObject {
    Q_OBJECT
private slots:
    void splitsQwenStyleThinking() {
        const QString text = QStringLiteral("<think>\nThe user greets me.\n</think>\n\n안녕하세요!");
        const ThinkingSplit s = splitThinking(text);
        QVERIFY(s.hasThinking);
        QVERIFY(!s.open);
        QCOMPARE(s.thinking, QStringLiteral("The user greets me."));
        QCOMPARE(text.mid(s.answerStart), QStringLiteral("안녕하세요!"));
        QCOMPARE(withoutThinking(text), QStringLiteral("안녕하세요!"));
    }

    void anOpenTagIsThinkingInProgress() {
        const ThinkingSplit s = splitThinking(u"<think>Let me count: 1, 2", true);
        QVERIFY(s.hasThinking);
        QVERIFY(s.open);
        QCOMPARE(s.thinking, QStringLiteral("Let me count: 1, 2"));
        QCOMPARE(s.answerStart, qsizetype(25));
        // The tag still arriving is held back while streaming, shown as written once complete.
        QVERIFY(splitThinking(u"<thi", true).open);
        QVERIFY(!splitThinking(u"<thi", false).hasThinking);
        QVERIFY(!splitThinking(u"<b>bold</b>", true).hasThinking);
    }

    void r1DistillsWriteOnlyTheClosingTag() {
        const QString text = QStringLiteral("Okay, 2+2 is 4.\n</think>\n\nThe answer is **4**.");
        const ThinkingSplit s = splitThinking(text);
        QVERIFY(s.hasThinking);
        QCOMPARE(s.thinking, QStringLiteral("Okay, 2+2 is 4."));
        QCOMPARE(withoutThinking(text), QStringLiteral("The answer is **4**."));
    }

    void answersWithoutThinkingAreLeftAlone() {
        for (const QString& text :
             {QStringLiteral("Plain answer."), QStringLiteral("Use `<think>` and `</think>` tags."),
              QStringLiteral("Text first <think>not a prefix</think> rest"), QString()}) {
            QVERIFY2(!splitThinking(text).hasThinking, qPrintable(text));
            QCOMPARE(withoutThinking(text), text);
        }
    }

    void modelFoldsThinkingWhileStreamingAndAfter() {
        ChatMessageModel model;
        ChatRow row;
        row.role = QStringLiteral("assistant");
        row.streaming = true;
        const int r = model.append(row);
        const auto role = [&](int name) { return model.data(model.index(r), name); };
        model.appendText(r, QStringLiteral("<thi"));
        model.flush();
        QVERIFY(role(ChatMessageModel::HasThinkingRole).toBool());
        QVERIFY(role(ChatMessageModel::TailBlockRole).toMap().isEmpty()); // no "<thi" flashing as text
        model.appendText(r, QStringLiteral("nk>\nFirst, recall that"));
        model.flush();
        QVERIFY(role(ChatMessageModel::ThinkingOpenRole).toBool());
        QCOMPARE(role(ChatMessageModel::ThinkingRole).toString(), QStringLiteral("First, recall that"));
        QVERIFY(role(ChatMessageModel::TailBlockRole).toMap().isEmpty());
        model.appendText(r, QStringLiteral(" Seoul is the capital.\n</think>\n\nSeoul.\n\nIt is in Korea."));
        model.flush();
        QVERIFY(!role(ChatMessageModel::ThinkingOpenRole).toBool());
        QCOMPARE(role(ChatMessageModel::ThinkingRole).toString(),
                 QStringLiteral("First, recall that Seoul is the capital."));
        QCOMPARE(role(ChatMessageModel::AnswerRole).toString(), QStringLiteral("Seoul.\n\nIt is in Korea."));
        const QVariantList settled = role(ChatMessageModel::SettledBlocksRole).toList();
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().toMap().value("text").toString(), QStringLiteral("Seoul."));
        QCOMPARE(role(ChatMessageModel::TailBlockRole).toMap().value("text").toString(),
                 QStringLiteral("It is in Korea."));
        model.setStreaming(r, false);
        QCOMPARE(role(ChatMessageModel::ThinkingRole).toString(),
                 QStringLiteral("First, recall that Seoul is the capital."));
        // Loaded from storage, the same text folds the same way.
        model.setRows({model.at(r)});
        QCOMPARE(model.data(model.index(0), ChatMessageModel::AnswerRole).toString(),
                 QStringLiteral("Seoul.\n\nIt is in Korea."));
        QVERIFY(model.data(model.index(0), ChatMessageModel::HasThinkingRole).toBool());
    }

    void usersTypingTagsIsNotThinking() {
        ChatMessageModel model;
        ChatRow row;
        row.role = QStringLiteral("user");
        row.content = QStringLiteral("<think>what does this tag do?</think>");
        model.append(row);
        QVERIFY(!model.data(model.index(0), ChatMessageModel::HasThinkingRole).toBool());
        QCOMPARE(model.data(model.index(0), ChatMessageModel::AnswerRole).toString(), row.content);
    }

    void theNextTurnsPromptHasOnlyTheAnswer() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath("settings.ini"));
        sosoik::storage::Storage storage;
        QVERIFY2(storage.open(dir.path()), qPrintable(storage.errorString()));
        auto owned = std::make_unique<ScriptedBackend>();
        ScriptedBackend* backend = owned.get();
        backend->pieces = {"<think>", "\nThe user", " says hi.", "\n</think>", "\n\n", "Hello", "!"};
        EngineWorker worker(std::move(owned));
        AnswerStreams answers(&storage);
        ChatController chat(&worker, &storage, &answers, &settings);
        QSignalSpy loaded(&worker, &EngineWorker::modelLoaded);
        worker.loadModel({"/models/scripted.gguf"});
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 5000);

        QSignalSpy finished(&chat, &ChatController::answerFinished);
        QVERIFY(chat.send(QStringLiteral("Hi")));
        QVERIFY(finished.wait(10000));
        const ChatRow& answer = chat.messages()->at(1);
        QCOMPARE(answer.content, QStringLiteral("<think>\nThe user says hi.\n</think>\n\nHello!"));
        QVERIFY(answer.hasThinking);
        QCOMPARE(answer.thinking, QStringLiteral("The user says hi."));
        // The whole text is stored (the user can still read the thinking after a restart)...
        const auto stored = storage.messages(chat.conversationId());
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).content, answer.content);

        // ...but the request for the next turn carries only the answer.
        QVERIFY(chat.send(QStringLiteral("How are you?")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(backend->lastRendered.size(), size_t(4)); // system, user, assistant, user
        QCOMPARE(backend->lastRendered[2].role, std::string("assistant"));
        QCOMPARE(backend->lastRendered[2].content, std::string("Hello!"));
        for (const auto& m : backend->lastRendered)
            QVERIFY2(m.content.find("think") == std::string::npos, m.content.c_str());
        const GenerationRequest request = chat.buildRequest();
        QCOMPARE(request.messages.at(2).content, QStringLiteral("Hello!"));

        // A document summary's sections reach the reduce step without the reasoning too.
        sosoik::summarize::WorkerLlmBackend summarizer(&worker, 2048, QStringLiteral("chatml"));
        std::atomic<bool> cancel{false};
        QStringList streamed;
        const QString section = summarizer.complete(
            {{QStringLiteral("user"), QStringLiteral("Summarize: …")}}, 32,
            [&](const QString& piece) { streamed << piece; }, cancel);
        QCOMPARE(section, QStringLiteral("Hello!"));
        QVERIFY(streamed.join(QString()).startsWith(QStringLiteral("<think>"))); // the view still folds it
    }
};

QTEST_MAIN(TestThinking)
#include "tst_thinking.moc"
