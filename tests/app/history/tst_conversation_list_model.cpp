// ConversationListModel: ordering by last activity (kept incrementally), rename, delete + undo,
// "New chat" reuse, age groups; checked by QAbstractItemModelTester throughout.
#include "history/conversation_list_model.h"
#include "storage/storage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::storage;
using sosoik::history::ConversationListModel;

class TestConversationListModel : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    Storage s_;

    static QList<qint64> ids(const ConversationListModel& m) {
        QList<qint64> list;
        for (int i = 0; i < m.rowCount(); ++i)
            list << m.conversationIdAt(i);
        return list;
    }
    // The incremental model must always agree with a fresh query.
    void verifyMatchesStorage(const ConversationListModel& m) {
        QList<qint64> expected;
        for (const auto& c : s_.conversations())
            expected << c.id;
        QCOMPARE(ids(m), expected);
    }

private slots:
    void initTestCase() { QVERIFY(s_.open(tmp_.path())); }
    void init() {
        for (const auto& c : s_.conversations())
            s_.deleteConversationPermanently(c.id);
        s_.purgeDeletedConversations();
    }

    void ordersByActivityIncrementally() {
        const qint64 a = s_.createConversation(ConversationKind::Chat, "a");
        const qint64 b = s_.createConversation(ConversationKind::Chat, "b");
        ConversationListModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(ids(model), (QList<qint64>{b, a}));
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 c = s_.createConversation(ConversationKind::Quick, "c");
        QCOMPARE(ids(model), (QList<qint64>{c, b, a}));
        s_.addMessage(a, "user", "activity");
        QCOMPARE(ids(model), (QList<qint64>{a, c, b}));
        QCOMPARE(moved.size(), 1);
        s_.touch(b);
        QCOMPARE(ids(model), (QList<qint64>{b, a, c}));
        s_.touch(b); // already on top: no move
        QCOMPARE(moved.size(), 2);
        QCOMPARE(reset.size(), 0); // no full reloads for single changes
        verifyMatchesStorage(model);
        QCOMPARE(model.data(model.index(2), ConversationListModel::KindRole).toString(),
                 QStringLiteral("quick"));
        QCOMPARE(model.data(model.index(0), ConversationListModel::AgeGroupRole).toString(),
                 QStringLiteral("today"));
        QCOMPARE(model.indexOf(c), 2);
        QCOMPARE(model.indexOf(424242), -1);
        QCOMPARE(model.conversationIdAt(99), 0);
    }

    void randomActivityStaysConsistent() {
        ConversationListModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<qint64> all;
        for (int i = 0; i < 20; ++i)
            all << s_.createConversation();
        for (int step = 0; step < 200; ++step) {
            const qint64 id = all.at((step * 7919) % all.size());
            if (step % 3 == 0)
                s_.addMessage(id, "user", QStringLiteral("msg %1").arg(step));
            else if (step % 3 == 1)
                s_.touch(id);
            else
                s_.setTitle(id, QStringLiteral("t%1").arg(step));
        }
        verifyMatchesStorage(model);
    }

    void renameUpdatesTheRow() {
        const qint64 a = s_.createConversation();
        ConversationListModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        s_.addMessage(a, "user", "첫 질문입니다");
        QCOMPARE(model.data(model.index(0), ConversationListModel::TitleRole).toString(),
                 QStringLiteral("첫 질문입니다"));
        QVERIFY(model.rename(a, "새 이름"));
        QCOMPARE(model.titleOf(a), QStringLiteral("새 이름"));
        QVERIFY(changed.size() >= 2);
        QVERIFY(!model.rename(999999, "x"));
    }

    void deleteAndUndo() {
        const qint64 a = s_.createConversation(ConversationKind::Chat, "first");
        const qint64 b = s_.createConversation(ConversationKind::Chat, "second");
        const qint64 c = s_.createConversation(ConversationKind::Chat, "third");
        s_.addMessage(b, "user", "내용");
        ConversationListModel model(&s_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy undo(&model, &ConversationListModel::undoChanged);
        QVERIFY(!model.canUndo());
        QVERIFY(model.remove(b));
        QVERIFY(model.remove(a));
        QCOMPARE(ids(model), QList<qint64>{c});
        QVERIFY(model.canUndo());
        QCOMPARE(model.undoTitle(), QStringLiteral("first"));
        QCOMPARE(model.undoRemove(), a);
        QCOMPARE(model.undoTitle(), QStringLiteral("second"));
        QCOMPARE(model.undoRemove(), b);
        QVERIFY(!model.canUndo());
        QCOMPARE(model.undoRemove(), 0);
        QCOMPARE(ids(model), (QList<qint64>{b, c, a})); // back in activity order
        QCOMPARE(s_.messages(b).size(), 1);             // with its messages
        QVERIFY(undo.size() >= 4);
        QVERIFY(model.remove(c));
        model.clearUndo();
        QVERIFY(!model.canUndo());
        QCOMPARE(s_.deletedConversations().size(), 1); // still restorable from storage until purged
        verifyMatchesStorage(model);
    }

    void newConversationReusesAnEmptyOne() {
        ConversationListModel model(&s_);
        const qint64 first = model.newConversation();
        QVERIFY(first > 0);
        QCOMPARE(model.newConversation(), first);
        QVERIFY(model.newConversation("quick") != first); // a different kind is a different thing
        const qint64 quick = model.conversationIdAt(0);
        s_.addMessage(quick, "user", "hello");
        const qint64 chat = model.newConversation();
        QVERIFY(chat != quick);
        QCOMPARE(model.rowCount(), 3);
    }

    void ageGroups() {
        const QDateTime now(QDate(2026, 3, 10), QTime(12, 0));
        QCOMPARE(ConversationListModel::ageGroup(now.addSecs(-3600), now), QStringLiteral("today"));
        QCOMPARE(ConversationListModel::ageGroup(now.addDays(-1), now), QStringLiteral("yesterday"));
        QCOMPARE(ConversationListModel::ageGroup(now.addDays(-5), now), QStringLiteral("week"));
        QCOMPARE(ConversationListModel::ageGroup(now.addDays(-30), now), QStringLiteral("older"));
        QCOMPARE(ConversationListModel::ageGroup(now.addDays(1), now), QStringLiteral("today")); // clock skew
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversation_list_model.moc"
