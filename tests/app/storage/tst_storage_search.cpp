// Search: Korean substrings (trigram FTS5 + LIKE for 1-2 character terms), FTS kept in sync by
// triggers through edits, streaming updates and deletes, highlighted snippets.
#include "storage/search_text.h"
#include "storage/storage.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::storage;

namespace {
QList<qint64> messageIds(const QList<SearchHit>& hits) {
    QList<qint64> ids;
    for (const auto& h : hits)
        if (h.messageId) ids << h.messageId;
    return ids;
}
} // namespace

class TestStorageSearch : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    Storage s_;

private slots:
    void initTestCase() { QVERIFY(s_.open(tmp_.path())); }
    void init() {
        for (const auto& c : s_.conversations())
            s_.deleteConversationPermanently(c.id);
    }

    void koreanSubstrings() {
        const qint64 chat = s_.createConversation(ConversationKind::Chat, "인사");
        const qint64 hello = s_.addMessage(chat, "user", "안녕하세요 반갑습니다");
        const qint64 seoul = s_.addMessage(chat, "assistant", "서울은 오늘 맑습니다.");
        s_.addMessage(chat, "user", "unrelated english text");
        QCOMPARE(messageIds(s_.search("반갑")), QList<qint64>{hello});     // 2 characters: LIKE
        QCOMPARE(messageIds(s_.search("녕하")), QList<qint64>{hello});     // mid-word substring
        QCOMPARE(messageIds(s_.search("반갑습니")), QList<qint64>{hello}); // trigram FTS
        QCOMPARE(messageIds(s_.search("서울")), QList<qint64>{seoul});
        QCOMPARE(messageIds(s_.search("서")), QList<qint64>{seoul});        // a single character
        QCOMPARE(messageIds(s_.search("오늘 맑습")), QList<qint64>{seoul}); // mixed short + long terms
        QVERIFY(messageIds(s_.search("서울 반갑")).isEmpty());              // all terms in one message
        QVERIFY(s_.search("없는말").isEmpty());
        // A query in decomposed jamo (NFD) finds the composed (NFC) text.
        const QString decomposed = QStringLiteral("반갑습").normalized(QString::NormalizationForm_D);
        QVERIFY(decomposed.size() > 3);
        QCOMPARE(messageIds(s_.search(decomposed)), QList<qint64>{hello});
        QVERIFY(s_.search("   ").isEmpty());
        const auto hits = s_.search("반갑");
        QCOMPARE(hits.first().conversationTitle, QStringLiteral("인사"));
        QCOMPARE(hits.first().conversationId, chat);
        QCOMPARE(hits.first().role, QStringLiteral("user"));
        QCOMPARE(hits.first().snippetHtml, QStringLiteral("안녕하세요 <b>반갑</b>습니다"));
    }

    void caseInsensitiveAndLiteral() {
        const qint64 chat = s_.createConversation();
        const qint64 id = s_.addMessage(chat, "user", "Use 100% of \"Quoted\" C_x and a\\b");
        QCOMPARE(messageIds(s_.search("quoted")), QList<qint64>{id});
        QCOMPARE(messageIds(s_.search("\"Quoted\"")), QList<qint64>{id}); // quotes are literal, not syntax
        QCOMPARE(messageIds(s_.search("0%")), QList<qint64>{id});         // % is literal in LIKE
        QVERIFY(s_.search("1%0").isEmpty());
        QCOMPARE(messageIds(s_.search("C_")), QList<qint64>{id});
        QVERIFY(s_.search("Cx").isEmpty()); // _ is not a wildcard
        QCOMPARE(messageIds(s_.search("a\\b")), QList<qint64>{id});
        QCOMPARE(messageIds(s_.search("OR")), QList<qint64>{});    // FTS operators are plain text
        QCOMPARE(messageIds(s_.search("NEAR(")), QList<qint64>{}); // no syntax error
    }

    void ftsFollowsEditsStreamingAndDeletes() {
        const qint64 chat = s_.createConversation();
        const qint64 id = s_.beginMessage(chat, "assistant");
        QVERIFY(s_.search("부분적인").isEmpty());
        QVERIFY(s_.appendToMessage(id, "부분적인 "));
        QCOMPARE(messageIds(s_.search("부분적인")), QList<qint64>{id});
        QVERIFY(s_.updateMessageContent(id, "완전히 새로운 답변"));
        QVERIFY(s_.search("부분적인").isEmpty());
        QCOMPARE(messageIds(s_.search("새로운 답변")), QList<qint64>{id});
        QVERIFY(s_.deleteMessage(id));
        QVERIFY(s_.search("새로운").isEmpty());
        const qint64 a = s_.addMessage(chat, "user", "keyword alpha");
        s_.addMessage(chat, "user", "keyword beta");
        QVERIFY(s_.deleteMessagesAfter(chat, a));
        QCOMPARE(messageIds(s_.search("keyword")), QList<qint64>{a});
        QVERIFY(s_.deleteConversationPermanently(chat));
        QVERIFY(s_.search("keyword").isEmpty());
        // The index agrees with the table: FTS5's own consistency check passes.
        QSqlQuery q(s_.database());
        QVERIFY2(q.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec("SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH 'keyword'") && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void titlesAreSearchedFirst() {
        const qint64 a = s_.createConversation(ConversationKind::Chat, "여행 계획");
        const qint64 b = s_.createConversation(ConversationKind::Chat, "잡담"); // titled: no auto-title
        s_.addMessage(b, "user", "여행 가고 싶다");
        const auto hits = s_.search("여행");
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits.at(0).conversationId, a);
        QCOMPARE(hits.at(0).messageId, 0);
        QCOMPARE(hits.at(0).snippetHtml, QStringLiteral("<b>여행</b> 계획"));
        QCOMPARE(hits.at(1).conversationId, b);
        QCOMPARE(s_.search("여행", 1).size(), 1);
    }

    void newestFirstAndLimited() {
        const qint64 chat = s_.createConversation(ConversationKind::Chat, "t");
        QList<qint64> ids;
        for (int i = 0; i < 30; ++i)
            ids.prepend(s_.addMessage(chat, "user", QStringLiteral("반복 메시지 %1").arg(i)));
        QCOMPARE(messageIds(s_.search("메시지", 10)), ids.mid(0, 10));
        QCOMPARE(messageIds(s_.search("반복", 5)), ids.mid(0, 5));
    }

    void documentChunks() {
        const qint64 chat = s_.createConversation(ConversationKind::Document);
        Document d;
        d.conversationId = chat;
        d.fileName = "보고서.pdf";
        d.pages = 2;
        const qint64 doc = s_.addDocument(d);
        QVERIFY(doc > 0);
        QVERIFY(s_.addDocumentChunks(doc, {{0, doc, 0, 1, "개요", "이 보고서는 인공지능을 다룹니다."},
                                           {0, doc, 1, 2, "결론", "결론적으로 요약이 중요합니다."}}));
        QCOMPARE(s_.documents(chat).size(), 1);
        QCOMPARE(s_.documentChunks(doc).size(), 2);
        QCOMPARE(s_.documentChunks(doc).at(1).section, QStringLiteral("결론"));
        QCOMPARE(s_.searchDocumentChunks(doc, "인공지능").size(), 1);
        QCOMPARE(s_.searchDocumentChunks(doc, "요약").first().page, 2);
        QVERIFY(!s_.addDocumentChunks(doc, {{0, doc, 1, 2, "", "duplicate ordinal"}}));
        QCOMPARE(s_.documentChunks(doc).size(), 2); // the failed batch left nothing behind
        QVERIFY(s_.deleteDocument(doc));
        QVERIFY(s_.searchDocumentChunks(doc, "인공지능").isEmpty());
    }

    void snippetCutsAndEscapes() {
        using searchtext::snippetHtml;
        const QString text =
            QString(100, QLatin1Char('x')) + " <tag> 찾기 & more\n" + QString(200, QLatin1Char('y'));
        const QString html = snippetHtml(text, {"찾기", "<tag>"}, 10, 30);
        QVERIFY2(html.startsWith(QChar(0x2026)), qPrintable(html));
        QVERIFY(html.endsWith(QChar(0x2026)));
        QVERIFY2(html.contains("<b>&lt;tag&gt;</b> <b>찾기</b> &amp; more "), qPrintable(html));
        QCOMPARE(snippetHtml("abcabc", {"bc", "abc"}), QStringLiteral("<b>abcabc</b>"));
        // A cut never splits a surrogate pair (emoji are two UTF-16 units).
        const QString emoji = QString::fromUtf8("😀😀😀😀😀 target");
        const QString cut = snippetHtml(emoji, {"target"}, 3, 10);
        QVERIFY(!cut.isEmpty());
        QVERIFY(!cut.at(1).isLowSurrogate());
        QCOMPARE(searchtext::terms(" a  B b a "), (QStringList{"a", "B"}));
        QCOMPARE(searchtext::ftsMatchExpression({"ab", "abc", "x\"yz"}),
                 QStringLiteral("\"abc\" \"x\"\"yz\""));
    }
};

QTEST_GUILESS_MAIN(TestStorageSearch)
#include "tst_storage_search.moc"
