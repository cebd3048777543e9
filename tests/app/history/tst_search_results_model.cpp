// SearchResultsModel: debounced querying, snippets with highlights, refresh on changes, clearing.
#include "history/search_results_model.h"
#include "storage/storage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::storage;
using sosoik::history::SearchResultsModel;

class TestSearchResultsModel : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    Storage s_;
    qint64 chat_ = 0;
    qint64 hello_ = 0;

private slots:
    void initTestCase() {
        QVERIFY(s_.open(tmp_.path()));
        chat_ = s_.createConversation(ConversationKind::Chat, "인사 나누기");
        hello_ = s_.addMessage(chat_, "user", "안녕하세요 반갑습니다");
        s_.addMessage(chat_, "assistant", "네, 반가워요! 무엇을 도와드릴까요?");
    }

    void debouncedQueryFillsResults() {
        SearchResultsModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDebounceMs(30);
        QSignalSpy count(&model, &SearchResultsModel::countChanged);
        model.setQuery("반");
        model.setQuery("반갑"); // typing: only the last query runs
        QVERIFY(model.active());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(count.wait(2000));
        QCOMPARE(count.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, SearchResultsModel::MessageIdRole).toLongLong(), hello_);
        QCOMPARE(model.data(first, SearchResultsModel::ConversationIdRole).toLongLong(), chat_);
        QCOMPARE(model.data(first, SearchResultsModel::TitleRole).toString(), QStringLiteral("인사 나누기"));
        QCOMPARE(model.data(first, SearchResultsModel::SnippetRole).toString(),
                 QStringLiteral("안녕하세요 <b>반갑</b>습니다"));
        QCOMPARE(model.data(first, SearchResultsModel::RoleRole).toString(), QStringLiteral("user"));
        QCOMPARE(model.data(first, SearchResultsModel::IsTitleMatchRole).toBool(), false);
    }

    void titleMatchesAndClear() {
        SearchResultsModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery("나누기");
        model.searchNow();
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.data(model.index(0), SearchResultsModel::IsTitleMatchRole).toBool());
        QCOMPARE(model.data(model.index(0), SearchResultsModel::SnippetRole).toString(),
                 QStringLiteral("인사 <b>나누기</b>"));
        model.clear();
        QVERIFY(!model.active());
        QCOMPARE(model.rowCount(), 0); // clearing is immediate
    }

    void refreshesWhenDataChanges() {
        SearchResultsModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDebounceMs(10);
        model.setQuery("도와드릴");
        model.searchNow();
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy count(&model, &SearchResultsModel::countChanged);
        const qint64 other = s_.createConversation(ConversationKind::Chat, "다른 대화");
        s_.addMessage(other, "assistant", "제가 도와드릴게요");
        QVERIFY(count.wait(2000));
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(s_.deleteConversation(other));
        QTRY_COMPARE(model.rowCount(), 1);
        model.setLimit(1);
        model.setQuery("반");
        model.searchNow();
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.lastSearchMs() >= 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchResultsModel)
#include "tst_search_results_model.moc"
