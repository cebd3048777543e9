// AnswerStream / AnswerStreams: the one way an answer is written while it streams (chat, summaries,
// tray): its storage row, commits at most ~250 ms behind, finish and failure, and which conversation is
// busy.
#include "chat/answer_stream.h"
#include "storage/storage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::storage::Storage;

class TestAnswerStream : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Storage> storage;
    std::unique_ptr<AnswerStreams> streams;
    qint64 conversation = 0;

private slots:
    void init() {
        storage = std::make_unique<Storage>();
        QVERIFY2(storage->open(dir.path()), qPrintable(storage->errorString()));
        streams = std::make_unique<AnswerStreams>(storage.get());
        conversation = storage->createConversation();
        QVERIFY(storage->addMessage(conversation, QStringLiteral("user"), QStringLiteral("안녕?")));
    }
    void cleanup() {
        streams.reset();
        storage.reset();
    }

    void streamsCommitsAndFinishes() {
        QSignalSpy started(streams.get(), &AnswerStreams::streamStarted);
        AnswerStream* answer = streams->begin(conversation, QStringLiteral("tiny.gguf"));
        QVERIFY(answer);
        QCOMPARE(started.size(), 1);
        QVERIFY(streams->isStreaming(conversation));
        const auto row = storage->message(answer->messageId());
        QVERIFY(row && !row->finished && row->role == QStringLiteral("assistant"));
        QCOMPARE(row->model, QStringLiteral("tiny.gguf"));

        QSignalSpy appended(answer, &AnswerStream::textAppended);
        answer->append(QStringLiteral("안녕"));
        answer->append(QStringLiteral("하세요"));
        QCOMPARE(appended.size(), 2);
        QCOMPARE(answer->text(), QStringLiteral("안녕하세요"));
        // No further piece comes: the tail is still committed within the flush interval.
        QTRY_COMPARE_WITH_TIMEOUT(storage->message(answer->messageId())->content, QStringLiteral("안녕하세요"),
                                  1000);

        const qint64 id = answer->messageId();
        QSignalSpy ended(answer, &AnswerStream::ended);
        QSignalSpy streamEnded(streams.get(), &AnswerStreams::streamEnded);
        answer->finish(12, 2, QStringLiteral("Stopped."));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toInt(), 2);
        QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("Stopped."));
        QCOMPARE(ended.at(0).at(2).toBool(), false);
        QCOMPARE(streamEnded.size(), 1);
        QVERIFY(!streams->isStreaming(conversation));
        const auto done = storage->message(id);
        QVERIFY(done->finished);
        QCOMPARE(done->promptTokens, 12);
        QCOMPARE(done->completionTokens, 2);
    }

    void oneAnswerAtATimePerConversation() {
        AnswerStream* first = streams->begin(conversation, {});
        QVERIFY(first);
        QVERIFY(!streams->begin(conversation, {})); // the conversation is busy
        const qint64 other = storage->createConversation();
        AnswerStream* second = streams->begin(other, {});
        QVERIFY(second);
        QCOMPARE(streams->streamFor(conversation), first);
        QCOMPARE(streams->streamFor(other), second);
        first->finish();
        QVERIFY(streams->begin(conversation, {}));
    }

    void aFailureWithoutTextLeavesNoMessage() {
        AnswerStream* answer = streams->begin(conversation, {});
        const qint64 id = answer->messageId();
        QSignalSpy ended(answer, &AnswerStream::ended);
        answer->fail(QStringLiteral("Failed."));
        QCOMPARE(ended.at(0).at(2).toBool(), true); // removed
        QVERIFY(!storage->message(id));
        QCOMPARE(storage->messages(conversation).size(), 1);
    }

    void aFailureKeepsTheTextThatArrived() {
        AnswerStream* answer = streams->begin(conversation, {});
        const qint64 id = answer->messageId();
        answer->append(QStringLiteral("partial"));
        answer->fail(QStringLiteral("Failed."));
        QCOMPARE(storage->message(id)->content, QStringLiteral("partial"));
        QVERIFY(storage->message(id)->finished);
    }

    void replacingTheTextSavesAtOnce() {
        AnswerStream* answer = streams->begin(conversation, {});
        answer->append(QStringLiteral("draft"));
        QSignalSpy replaced(answer, &AnswerStream::textReplaced);
        answer->replaceText(QStringLiteral("final summary"));
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(storage->message(answer->messageId())->content, QStringLiteral("final summary"));
    }

    void stopRequestsReachTheWriter() {
        AnswerStream* answer = streams->begin(conversation, {});
        QSignalSpy stop(answer, &AnswerStream::stopRequested);
        answer->requestStop();
        QCOMPARE(stop.size(), 1);
        QVERIFY(answer->isOpen()); // the writer decides when it ends
    }

    void quittingWhileStreamingKeepsTheTextUnfinished() {
        AnswerStream* answer = streams->begin(conversation, {});
        const qint64 id = answer->messageId();
        answer->append(QStringLiteral("half an answer"));
        streams.reset(); // the app quits mid-answer
        QCOMPARE(storage->message(id)->content, QStringLiteral("half an answer"));
        QVERIFY(!storage->message(id)->finished); // shown as interrupted when reopened
    }
};

QTEST_GUILESS_MAIN(TestAnswerStream)
#include "tst_answer_stream.moc"
