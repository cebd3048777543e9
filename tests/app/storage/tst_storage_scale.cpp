// Scale: 10,000 conversations / 200,000 messages. Listing and searching must stay interactive.
// Times are printed with qInfo (see the report); the bounds are generous sanity limits, not benchmarks.
#include "history/conversation_list_model.h"
#include "history/search_results_model.h"
#include "storage/storage.h"

#include <QElapsedTimer>
#include <QSqlError>
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
        // Generated inside SQLite (one transaction, the real FTS triggers): per-row Qt binding would
        // triple the time on a busy 2-core machine. Word choice is a deterministic hash of the row.
        const qint64 insertMs = timed("insert 10,000 conversations / 200,000 messages", [&] {
            Storage::Transaction tx(s_);
            QSqlQuery q(s_.database());
            QVERIFY(q.exec("CREATE TEMP TABLE words (i INTEGER PRIMARY KEY, word TEXT)"));
            q.prepare("INSERT INTO words (i, word) VALUES (?, ?)");
            for (int i = 0; i < int(std::size(kWords)); ++i) {
                q.addBindValue(i);
                q.addBindValue(QString::fromUtf8(kWords[i]));
                QVERIFY(q.exec());
            }
            const QString conversations =
                QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                               "INSERT INTO conversations (id, title, created, updated) SELECT x, "
                               "(SELECT word FROM words WHERE i = x * 7 %% %3) || ' ' || (SELECT word FROM "
                               "words WHERE i = x * 11 %% %3), "
                               "1600000000000 + x * %2, 1600000000000 + x * %2 + %2 FROM c")
                    .arg(kConversations)
                    .arg(kMessagesPerConversation)
                    .arg(std::size(kWords));
            QVERIFY2(q.exec(QString(conversations).replace("%%", "%")), qPrintable(q.lastError().text()));
            QString words;
            const int primes[] = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59};
            for (int k = 0; k < int(std::size(primes)); ++k) {
                const QString word =
                    QStringLiteral("(SELECT word FROM words WHERE i = (x * %1 + x / %2) %% %3)")
                        .arg(primes[k])
                        .arg(k + 2)
                        .arg(std::size(kWords));
                // 6 to 16 words per message.
                words += k < 6 ? QStringLiteral(" || ' ' || ") + word
                               : QStringLiteral(" || CASE WHEN x %% 11 >= %1 THEN ' ' || %2 ELSE '' END")
                                     .arg(k - 6)
                                     .arg(word);
            }
            const QString messages =
                QStringLiteral(
                    "WITH RECURSIVE m(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM m WHERE x < %1 - 1) "
                    "INSERT INTO messages (conversation_id, role, content, created) SELECT 1 + x / %2, "
                    "CASE WHEN x %% 2 THEN 'assistant' ELSE 'user' END, "
                    "'#' || x %3 || CASE WHEN (x / %2) %% 1000 = 7 AND x %% %2 = 3 THEN ' 희귀한낱말' ELSE "
                    "'' END, "
                    "1600000000000 + x FROM m")
                    .arg(kConversations * kMessagesPerConversation)
                    .arg(kMessagesPerConversation)
                    .arg(words);
            QVERIFY2(q.exec(QString(messages).replace("%%", "%")), qPrintable(q.lastError().text()));
            QVERIFY(q.exec("DROP TABLE words"));
            q.finish();
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

    void sidebarModelsStayInteractive() {
        std::unique_ptr<sosoik::history::ConversationListModel> list;
        QVERIFY(timed("sidebar list model: load 10,000 rows", [&] {
                    list = std::make_unique<sosoik::history::ConversationListModel>(&s_);
                }) < kSanityBoundMs);
        QCOMPARE(list->rowCount(), kConversations);
        const qint64 bottom = list->conversationIdAt(kConversations - 1);
        QVERIFY(timed("sidebar list model: bottom row gets activity (moves to top)", [&] {
                    QVERIFY(s_.addMessage(bottom, "user", "맨 아래에서 위로") > 0);
                }) < kSanityBoundMs);
        QCOMPARE(list->conversationIdAt(0), bottom);
        sosoik::history::SearchResultsModel search(&s_);
        search.setQuery(QStringLiteral("기차를 타고"));
        QVERIFY(timed("search results model: '기차를 타고' (FTS)", [&] { search.searchNow(); }) <
                kSanityBoundMs);
        QCOMPARE(search.rowCount(), 100);
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
