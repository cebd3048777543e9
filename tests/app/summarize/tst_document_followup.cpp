// Follow-up questions: a document's chunks stored with its conversation, BM25 retrieval through
// the FTS5 trigram index (Korean-aware), excerpt budgets and citations in the prompt.
#include "storage/storage.h"
#include "summarize/query_terms.h"
#include "summarize/ui/document_store.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using namespace sosoik::summarize;

namespace {

int words(const QString& s) {
    return int(s.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts).size());
}

documents::ChunkList reportChunks() {
    const QStringList texts = {
        "Introduction. This annual report describes the company and its plans.",
        "The board met four times during the year and approved the new strategy.",
        "Employees: the headcount grew to 1,200 people across three offices.",
        "The supply contract may be terminated by either party with 30 days written notice.",
        "Marketing focused on online channels and two trade fairs in Europe.",
        "Research spending doubled; the lab filed nine patent applications.",
        "In 2023 the revenue reached 4.2 billion won, up 12 percent from 2022.",
        "Risks include exchange rates, component shortages and new regulation.",
        "회사는 올해 새로운 공장을 착공했고 내년 완공을 목표로 한다.",
        "2023년 매출은 42억 원으로 전년보다 12% 늘었다.",
        "공급 계약 해지는 30일 전에 서면으로 통보해야 한다.",
        "Outlook: management expects moderate growth next year."};
    documents::ChunkList list;
    for (int i = 0; i < texts.size(); ++i) {
        documents::Chunk c;
        c.index = i;
        c.text = texts[i];
        c.firstPage = c.lastPage = i + 1;
        c.tokens = words(c.text);
        list.append(c);
    }
    return list;
}

} // namespace

class TestDocumentFollowup : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    storage::Storage store;
    qint64 conversation = 0;

private slots:
    void initTestCase() {
        QVERIFY(store.open(dir.path()));
        conversation = store.createConversation(storage::ConversationKind::Document, "report.pdf");
        QVERIFY(conversation > 0);
        const qint64 doc = saveDocument(store, conversation, "/docs/report.pdf", 12, reportChunks());
        QVERIFY(doc > 0);
        QCOMPARE(store.documentChunks(doc).size(), 12);
        QCOMPARE(store.documents(conversation).first().fileName, QStringLiteral("report.pdf"));
        // Another conversation's document must never leak into this one's answers.
        const qint64 other = store.createConversation(storage::ConversationKind::Document, "other.txt");
        documents::ChunkList otherChunks;
        otherChunks.append({0, "Revenue in 2023 was a secret number; 매출은 비밀이다.", 9, 0, 0, {}});
        QVERIFY(saveDocument(store, other, "/docs/other.txt", 0, otherChunks) > 0);
    }

    void questionTermsDropQuestionWordsAndParticles() {
        const QueryTerms ko = questionTerms(QStringLiteral("2023년 매출은 얼마였나요?"));
        QCOMPARE(ko.indexable, QStringList({"2023년"}));
        QCOMPARE(ko.shortTerms, QStringList({"매출"}));
        const QueryTerms en = questionTerms(QStringLiteral("What was the Revenue in 2023?"));
        QCOMPARE(en.indexable, QStringList({"revenue", "2023"}));
        QCOMPARE(stripKoreanParticle(QStringLiteral("계약서에서")), QStringLiteral("계약서"));
        QCOMPARE(stripKoreanParticle(QStringLiteral("나는")),
                 QStringLiteral("나는")); // stem would be too short
    }

    void englishQuestionFindsTheRevenueChunk() {
        const auto hits = retrieveChunks(store, conversation, "What was the revenue in 2023?", 3);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().chunk.page, 7);
        QCOMPARE(hits.first().location(), QStringLiteral("p. 7"));
        for (const auto& h : hits)
            QVERIFY(!h.chunk.text.contains("secret"));
    }

    void koreanQuestionFindsKoreanChunk() {
        const auto hits = retrieveChunks(store, conversation, QStringLiteral("2023년 매출은 얼마였나요?"), 3);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().chunk.page, 10);
        const auto terms = retrieveChunks(store, conversation, QStringLiteral("계약 해지 조건은?"), 3);
        QVERIFY(!terms.isEmpty());
        QCOMPARE(terms.first().chunk.page, 11);
        const auto contract = retrieveChunks(store, conversation, "How can the contract be terminated?", 3);
        QCOMPARE(contract.first().chunk.page, 4);
    }

    void questionWithoutTermsGetsTheBeginning() {
        const auto hits = retrieveChunks(store, conversation, "what?", 2);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].chunk.ordinal, 0);
        QCOMPARE(hits[1].chunk.ordinal, 1);
    }

    void excerptsFitTheBudgetAndAreCited() {
        const auto hits = retrieveChunks(store, conversation, "revenue 2023 contract terminated", 6);
        QVERIFY(hits.size() >= 2);
        const auto all = excerptsWithinBudget(hits, 1000, words);
        QCOMPARE(all.size(), hits.size());
        const auto one = excerptsWithinBudget(hits, words(hits[0].chunk.text) + 10, words);
        QCOMPARE(one.size(), 1);
        const auto cut = excerptsWithinBudget(hits, 12, words);
        QCOMPARE(cut.size(), 1);
        QVERIFY(words(cut[0].text) <= 4);
        PromptContext pc;
        pc.title = "report.pdf";
        const auto prompt = followUpPrompt(pc, "What was the revenue in 2023?", all);
        QVERIFY(prompt.last().content.contains("[p. 7]\nIn 2023 the revenue reached"));
        QVERIFY(prompt.first().content.contains("Cite"));
    }

    void chunksSurviveAReopen() {
        store.close();
        QVERIFY(store.open(dir.path()));
        const auto hits = retrieveChunks(store, conversation, "patent applications", 1);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().chunk.page, 6);
    }
};

QTEST_MAIN(TestDocumentFollowup)
#include "tst_document_followup.moc"
