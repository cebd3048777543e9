// Chunking by token budget on paragraph and sentence boundaries, English and Korean, streaming
// input and a pathological 1 MB single-line file.
#include "documents/chunker.h"
#include "documents/document_extractor.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::documents;

namespace {

// A stand-in for a subword tokenizer: every Hangul syllable and punctuation mark is a token,
// Latin/digit runs cost one token per 4 characters. Deterministic and additive at whitespace.
int fakeTokens(const QString& text) {
    int tokens = 0, run = 0;
    auto endRun = [&] {
        tokens += (run + 3) / 4;
        run = 0;
    };
    for (QChar c : text) {
        if (c.isSpace()) {
            endRun();
        } else if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) {
            endRun();
            ++tokens;
        } else if (c.isLetterOrNumber()) {
            ++run;
        } else {
            endRun();
            ++tokens;
        }
    }
    endRun();
    return tokens;
}

QString squeeze(QString s) {
    return s.remove(QRegularExpression(QStringLiteral("\\s+")));
}

QString joined(const QList<Chunk>& chunks) {
    QString all;
    for (const auto& c : chunks)
        all += c.text;
    return all;
}

QString englishParagraph(int sentences, int seed) {
    QStringList out;
    for (int i = 0; i < sentences; ++i)
        out << QStringLiteral("Sentence %1 of paragraph %2 talks about quarterly revenue and costs.")
                   .arg(i)
                   .arg(seed);
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestChunker : public QObject {
    Q_OBJECT
private slots:
    void splitsEnglishSentences() {
        const QString p =
            QStringLiteral("Hello world. How are you? Fine! Pi is 3.14 today. \"Quoted.\" Next");
        const QStringList s = splitSentences(p);
        QCOMPARE(s, QStringList({"Hello world. ", "How are you? ", "Fine! ", "Pi is 3.14 today. ",
                                 "\"Quoted.\" ", "Next"}));
        QCOMPARE(s.join(QString()), p);
    }

    void splitsKoreanSentences() {
        const QString p =
            QStringLiteral("오늘은 날씨가 좋다. 산책을 갈까요? 좋아요! 그래서 나갔다。다음 줄\n새 줄이다.");
        const QStringList s = splitSentences(p);
        QCOMPARE(s, QStringList({"오늘은 날씨가 좋다. ", "산책을 갈까요? ", "좋아요! ", "그래서 나갔다。",
                                 "다음 줄\n", "새 줄이다."}));
    }

    void budgetReservesPromptAnswerAndMargin() {
        QCOMPARE(chunkTokenBudget(4096, 200, 512), 4096 - 200 - 512 - 128);
        QCOMPARE(chunkTokenBudget(512, 100, 100), 512 - 200 - 16);
        QCOMPARE(chunkTokenBudget(256, 200, 200), 0);
    }

    void chunksRespectBudgetAndKeepAllText() {
        QStringList paragraphs;
        for (int i = 0; i < 60; ++i)
            paragraphs << englishParagraph(1 + (i * 7) % 9, i);
        const QString text = paragraphs.join(QStringLiteral("\n\n"));
        for (int budget : {40, 150, 600}) {
            const auto chunks = chunkText(text, budget, fakeTokens);
            QVERIFY(chunks.size() > 1);
            for (const auto& c : chunks) {
                QVERIFY2(c.tokens <= budget, qPrintable(QString::number(c.tokens)));
                QVERIFY(fakeTokens(c.text) <= budget);
                QCOMPARE(c.tokens, fakeTokens(c.text));
                QVERIFY2(c.text.endsWith(u'.'), qPrintable(c.text.right(40))); // cut at sentence ends
                QCOMPARE(c.index, int(&c - chunks.data()));
            }
            QCOMPARE(squeeze(joined(chunks)), squeeze(text));
            const int total = fakeTokens(text);
            QVERIFY2(chunks.size() <= total / (budget / 2) + 2, "chunks are at least half full on average");
        }
    }

    void wholeParagraphsStayTogether() {
        QStringList paragraphs;
        for (int i = 0; i < 10; ++i)
            paragraphs << englishParagraph(3, i); // 3 sentences each
        const int perParagraph = fakeTokens(paragraphs[0]);
        const auto chunks =
            chunkText(paragraphs.join(QStringLiteral("\n\n")), perParagraph * 2 + 5, fakeTokens);
        QCOMPARE(chunks.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(chunks[i].text, paragraphs[2 * i] + QStringLiteral("\n\n") + paragraphs[2 * i + 1]);
    }

    void koreanChunksEndAtKoreanSentenceEnds() {
        QString text;
        for (int i = 0; i < 200; ++i)
            text += i % 2 ? QStringLiteral("이 보고서는 %1번째 결과를 설명한다. ").arg(i)
                          : QStringLiteral("매출이 크게 늘었어요. ");
        const auto chunks = chunkText(text, 64, fakeTokens);
        QVERIFY(chunks.size() > 10);
        for (const auto& c : chunks) {
            QVERIFY(c.tokens <= 64);
            QVERIFY2(c.text.endsWith(QStringLiteral("다.")) || c.text.endsWith(QStringLiteral("요.")),
                     qPrintable(c.text));
        }
        QCOMPARE(squeeze(joined(chunks)), squeeze(text));
    }

    void streamedParagraphMatchesWholeParagraph() {
        const QString paragraph = englishParagraph(40, 1);
        const auto whole = chunkText(paragraph, 50, fakeTokens);
        QList<Chunk> streamed;
        Chunker chunker(50, fakeTokens, [&](Chunk&& c) { streamed << c; });
        for (qsizetype at = 0; at < paragraph.size(); at += 37) // cuts land mid-word and mid-sentence
            chunker.add({paragraph.mid(at, 37), 0, {}, at + 37 >= paragraph.size()});
        chunker.finish();
        QCOMPARE(streamed.size(), whole.size());
        for (int i = 0; i < whole.size(); ++i)
            QCOMPARE(streamed[i].text, whole[i].text);
    }

    void pagesAndSectionsAreTracked() {
        QList<Chunk> chunks;
        Chunker chunker(90, fakeTokens, [&](Chunk&& c) { chunks << c; });
        for (int page = 1; page <= 4; ++page)
            chunker.add({englishParagraph(2, page), page, QStringLiteral("Intro"), true});
        chunker.finish();
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks[0].firstPage, 1);
        QCOMPARE(chunks[0].lastPage, 2);
        QCOMPARE(chunks[0].location(), QStringLiteral("pp. 1–2"));
        QCOMPARE(chunks[1].location(), QStringLiteral("pp. 3–4"));
        QCOMPARE(chunks[1].section, QStringLiteral("Intro"));
        Chunk plain;
        plain.section = QStringLiteral("결론");
        QCOMPARE(plain.location(), QStringLiteral("§ 결론"));
    }

    void pathologicalOneLineMegabyte() {
        // 1 MB on one line with no spaces and no sentence ends, read through the real extractor.
        QTemporaryDir dir;
        const QString path = dir.filePath("oneline.txt");
        QString line;
        for (int i = 0; i < 1024 * 1024 / 10; ++i)
            line += QStringLiteral("abcdefghi") + QChar(u'가' + i % 50);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(line.toUtf8());
        }
        qsizetype longestCounted = 0;
        const auto counter = [&](const QString& s) {
            longestCounted = std::max(longestCounted, s.size());
            return fakeTokens(s);
        };
        const int budget = 1000;
        QList<Chunk> chunks;
        Chunker chunker(budget, counter, [&](Chunk&& c) { chunks << c; });
        QElapsedTimer timer;
        timer.start();
        extractDocument(path, [&](const TextBlock& b) {
            chunker.add(b);
            return true;
        });
        chunker.finish();
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(longestCounted <= budget * 8);
        QVERIFY(chunks.size() > 100);
        for (const auto& c : chunks)
            QVERIFY(c.tokens <= budget);
        for (int i = 0; i + 1 < chunks.size(); ++i)
            QVERIFY2(chunks[i].tokens > budget * 8 / 10, "chunks nearly full");
        QCOMPARE(joined(chunks), line);
    }
};

QTEST_MAIN(TestChunker)
#include "tst_chunker.moc"
