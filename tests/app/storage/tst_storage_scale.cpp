// Scale: 10,000 conversations / 200,000 messages. Listing and searching must stay interactive.
// Times are printed with qInfo (see the report); the bounds are generous sanity limits, not benchmarks.
#include "storage/storage.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::storage;

namespace {

constexpr int kConversations = 10000;
constexpr int kMessagesPerConversation = 20;
constexpr qint64 kSanityBoundMs = 3000; // "interactive" is far below this; only a pathology fails it

const char* const kWords[] = {"안녕하세요", "날씨가", "좋네요",  "서울에서", "부산까지", "기차를",
                              "타고",       "여행",   "계획을",  "세웠어요", "the",      "model",
                              "answer",     "quick",  "summary", "문서를",   "요약해",   "주세요",
                              "코드",       "설명",   "example", "질문",     "대답",     "정리",
                              "회의",       "내용",   "번역",    "translate"};

QString sentence(QRandomGenerator& rng, int words) {
    QString s;
    for (int i = 0; i < words; ++i) {
        if (i) s += QLatin1Char(' ');
        s += QString::fromUtf8(kWords[rng.bounded(int(std::size(kWords)))]);
    }
    return s;
}

} // namespace

class TestStorageScale : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    Storage s_;

    template <typename F> qint64 timed(const char* what, F&& f) {
        QElapsedTimer t;
        t.start();
        f();
        const qint64 ms = t.elapsed();
        qInfo("%-58s %6lld ms", what, ms);
        return ms;
    }

private slots:
    void initTestCase() {
        QVERIFY(s_.open(tmp_.path()));
        QRandomGenerator rng(42);
        const qint64 insertMs = timed("insert 10,000 conversations / 200,000 messages", [&] {
            Storage::Transaction tx(s_);
            QSqlQuery conv(s_.database()), msg(s_.database());
            conv.prepare("INSERT INTO conversations (title, created, updated) VALUES (?, ?, ?)");
            msg.prepare("INSERT INTO messages (conversation_id, role, content, created) VALUES (?, ?, ?, ?)");
            qint64 clock = 1600000000000;
            for (int c = 0; c < kConversations; ++c) {
                conv.addBindValue(sentence(rng, 3));
                conv.addBindValue(clock);
                conv.addBindValue(clock + kMessagesPerConversation);
                QVERIFY(conv.exec());
                const qint64 id = conv.lastInsertId().toLongLong();
                for (int m = 0; m < kMessagesPerConversation; ++m) {
                    msg.addBindValue(id);
                    msg.addBindValue(m % 2 ? "assistant" : "user");
                    QString text = sentence(rng, 6 + rng.bounded(14));
                    if (c % 1000 == 7 && m == 3) text += QStringLiteral(" 희귀한낱말 ");
                    msg.addBindValue(text);
                    msg.addBindValue(++clock);
                    QVERIFY(msg.exec());
                }
            }
            QVERIFY(tx.commit());
        });
        QVERIFY(insertMs < 120000);
    }

    void listStaysInteractive() {
        QList<Conversation> all, page;
        QVERIFY(timed("list all 10,000 conversations (by activity)", [&] { all = s_.conversations(); }) <
                kSanityBoundMs);
        QCOMPARE(all.size(), kConversations);
        QVERIFY(all.first().updated >= all.last().updated);
        QVERIFY(timed("list newest 50 conversations", [&] { page = s_.conversations(50); }) < kSanityBoundMs);
        QCOMPARE(page.first().id, all.first().id);
        QList<Message> messages;
        QVERIFY(timed("load one conversation's 20 messages",
                      [&] { messages = s_.messages(all.at(5000).id); }) < kSanityBoundMs);
        QCOMPARE(messages.size(), kMessagesPerConversation);
        QVERIFY(timed("append a message (touch + auto-title + FTS)", [&] {
                    QVERIFY(s_.addMessage(all.last().id, "user", "새 메시지 추가") > 0);
                }) < kSanityBoundMs);
        QCOMPARE(s_.conversations(1).first().id, all.last().id);
        const qint64 streaming = s_.beginMessage(all.last().id, "assistant");
        QVERIFY(timed("update a streaming message 100 times", [&] {
                    QString text;
                    for (int i = 0; i < 100; ++i)
                        QVERIFY(s_.updateMessageContent(streaming, text += "토큰 "));
                }) < kSanityBoundMs);
    }

    void searchStaysInteractive() {
        struct Case {
            const char* label;
            const char* query;
            int minHits;
            int maxHits;
        };
        const Case cases[] = {
            {"search rare 5-char term '희귀한낱말' (FTS)", "희귀한낱말", 10, 10},
            {"search common 3-char term '날씨가' (FTS, limit 100)", "날씨가", 100, 100},
            {"search 2-char Korean '서울' (LIKE scan, limit 100)", "서울", 100, 100},
            {"search 2-char term with no match '흑흑' (full scan)", "흑흑", 0, 0},
            {"search 3-char term with no match '없는말' (FTS)", "없는말", 0, 0},
            {"search mixed '회의 요약해' (LIKE + FTS)", "회의 요약해", 100, 100},
        };
        for (const Case& c : cases) {
            QList<SearchHit> hits;
            QVERIFY(timed(c.label, [&] { hits = s_.search(QString::fromUtf8(c.query), 100); }) <
                    kSanityBoundMs);
            QVERIFY2(
                hits.size() >= c.minHits && hits.size() <= c.maxHits,
                qPrintable(QStringLiteral("%1: %2 hits").arg(QString::fromUtf8(c.query)).arg(hits.size())));
            for (const auto& h : hits)
                QVERIFY(h.snippetHtml.contains("<b>"));
        }
    }

    void reopenStaysQuick() {
        s_.close();
        Storage again;
        QVERIFY(timed("reopen (quick_check + migrations check)", [&] { QVERIFY(again.open(tmp_.path())); }) <
                20000);
        QCOMPARE(again.conversations(1).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStorageScale)
#include "tst_storage_scale.moc"
