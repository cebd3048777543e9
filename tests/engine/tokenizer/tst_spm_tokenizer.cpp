// SentencePiece tokenizer: the ModelProto we build from GGUF metadata must behave like the
// original .model file, decode the stories260K reference run exactly, and keep special tokens
// out of user text.
#include "tokenizer/tokenizer_test_helpers.h"

#include "sosoik/error.h"
#include "tokenizer/protobuf_writer.h"
#include "tokenizer/spm_model_proto.h"
#include "tokenizer/spm_tokenizer.h"
#include "tokenizer/vocab.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sentencepiece_processor.h>

using sosoik::test::idList;
using sosoik::test::loadTokenizer;

namespace {

// A tiny SentencePiece vocabulary with a plain added token ("▁▁", as Gemma has for runs of
// spaces) and a markup one ("<|turn|>").
sosoik::tok::Vocab tinySpmVocab() {
    using sosoik::tok::TokenType;
    sosoik::tok::Vocab v;
    v.model = "llama";
    v.tokens = {"<unk>",
                "<s>",
                "</s>",
                "\xE2\x96\x81",
                "a",
                "b",
                "\xE2\x96\x81"
                "a",
                "\xE2\x96\x81"
                "b",
                "\xE2\x96\x81\xE2\x96\x81",
                "<|turn|>"};
    // "▁▁" scores lowest: only whole-token matching (not merging) can produce it here.
    v.scores = {0, 0, 0, -1, -2, -2, -1, -1, -100, 0};
    v.types = {TokenType::Unknown,     TokenType::Control,    TokenType::Control, TokenType::Normal,
               TokenType::Normal,      TokenType::Normal,     TokenType::Normal,  TokenType::Normal,
               TokenType::UserDefined, TokenType::UserDefined};
    v.unk = 0;
    v.bos = 1;
    v.eos = 2;
    v.addBos = true;
    v.addSpacePrefix = true;
    return v;
}

} // namespace

class TestSpmTokenizer : public QObject {
    Q_OBJECT
private slots:
    void addedTokensPlainVersusMarkup() {
        sosoik::tok::SpmTokenizer tok(tinySpmVocab());
        // The plain added token is produced from ordinary text, as the original model does...
        QCOMPARE(tok.encode("a  b", false), (std::vector<int32_t>{6, 8, 5}));
        QCOMPARE(tok.decode({6, 8, 5}), std::string("a  b"));
        // ...the markup one only where special tokens are parsed.
        const auto typed = tok.encode("a<|turn|>", false, false);
        QVERIFY(std::find(typed.begin(), typed.end(), 9) == typed.end());
        QCOMPARE(tok.encode("a<|turn|>", true, true), (std::vector<int32_t>{1, 6, 9}));
        QCOMPARE(tok.decode({1, 6, 9}), std::string("a"));
        QCOMPARE(tok.decode({1, 6, 9}, true), std::string("<s>a<|turn|>"));
    }

    void protobufWriterEncodesWireFormat() {
        sosoik::pb::Writer w;
        w.varintField(1, 300); // key 0x08, varint 300 = AC 02
        w.int32Field(2, -1);   // key 0x10, ten bytes of sign extension
        w.floatField(3, 1.0f); // key 0x1D, little-endian 0x3F800000
        w.bytesField(4, "ab"); // key 0x22, length 2
        const std::string expected("\x08\xAC\x02"
                                   "\x10\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01"
                                   "\x1D\x00\x00\x80\x3F"
                                   "\x22\x02"
                                   "ab",
                                   23);
        QCOMPARE(QByteArray::fromStdString(w.bytes()).toHex(), QByteArray::fromStdString(expected).toHex());
    }

    void storiesGreedyIdsDecodeToReferenceText() {
        SOSOIK_REQUIRE_SHARED(gguf, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(json, "models/stories260K.greedy.json");
        SOSOIK_REQUIRE_SHARED(txt, "models/stories260K.greedy.txt");
        QFile jf(json), tf(txt);
        QVERIFY(jf.open(QIODevice::ReadOnly) && tf.open(QIODevice::ReadOnly));
        std::vector<int32_t> ids;
        for (const QJsonValue& v :
             QJsonDocument::fromJson(jf.readAll()).object()["greedy_next_tokens"].toArray())
            ids.push_back(v.toInt());
        QCOMPARE(ids.size(), size_t(200));
        const QByteArray expected = tf.readAll();

        auto tok = loadTokenizer(gguf);
        QCOMPARE(tok->kind(), std::string("llama"));
        QCOMPARE(tok->bos(), 1);
        QCOMPARE(tok->eos(), 2);
        QVERIFY(tok->addBosByDefault());
        QCOMPARE(QByteArray::fromStdString(tok->decode(ids)), expected);

        // Streaming token by token gives the same bytes.
        sosoik::StreamDecoder stream(*tok);
        std::string streamed;
        for (int32_t id : ids)
            streamed += stream.push(id);
        streamed += stream.flush();
        QCOMPARE(QByteArray::fromStdString(streamed), expected);
    }

    // The same 512-piece vocabulary exists as a real sentencepiece .model file: our rebuilt
    // ModelProto must tokenize like it. (tok512.model collapses repeated spaces, which the GGUF
    // conversion does not ask for, so the sample text uses single spaces.)
    void matchesOriginalSentencepieceModel() {
        SOSOIK_REQUIRE_SHARED(gguf, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(model, "models/tok512.model");
        SOSOIK_REQUIRE_SHARED(corpus, "corpus/en/tinyshakespeare.txt");
        sentencepiece::SentencePieceProcessor reference;
        QVERIFY(reference.Load(model.toStdString()).ok());
        auto tok = loadTokenizer(gguf);

        QFile f(corpus);
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::vector<std::string> samples = {"Once upon a time, there was a little girl named Lily.",
                                            "She said: \"Wow! 123 apples, 4.5 pears & 6% juice?\"",
                                            "Zoë ate crème brûlée; 한국어 텍스트 and 😀 emoji."};
        for (const QByteArray& line : f.readAll().split('\n').mid(0, 400))
            if (!line.simplified().isEmpty()) samples.push_back(line.simplified().toStdString());
        int compared = 0;
        for (const std::string& s : samples) {
            std::vector<int> expected;
            QVERIFY(reference.Encode(s, &expected).ok());
            const auto got = tok->encode(s, false);
            QVERIFY2(got == std::vector<int32_t>(expected.begin(), expected.end()),
                     qPrintable(QString::fromStdString(s) + "\n expected " +
                                idList(std::vector<int32_t>(expected.begin(), expected.end())) + "\n got " +
                                idList(got)));
            ++compared;
        }
        QVERIFY(compared > 200);
    }

    // Long texts are encoded line by line (no Llama piece contains a newline, so no merge can
    // cross one): the ids must equal one sentencepiece call over the whole text.
    void lineByLineEqualsWholeText() {
        SOSOIK_REQUIRE_SHARED(gguf, "tokenizer-suite/ggml-vocab-llama-spm.gguf");
        SOSOIK_REQUIRE_SHARED(english, "corpus/en/war-and-peace.txt");
        SOSOIK_REQUIRE_SHARED(korean, "corpus/ko/ChatbotData.csv");
        const auto vocab = sosoik::tok::readVocab(*sosoik::gguf::File::open(gguf.toStdString()));
        sentencepiece::SentencePieceProcessor whole;
        QVERIFY(whole.LoadFromSerializedProto(sosoik::tok::buildSentencePieceModel(vocab, false)).ok());
        sosoik::tok::SpmTokenizer tok(vocab);
        for (const QString& path : {english, korean}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray head = f.read(40000);
            head.truncate(head.lastIndexOf('\n') + 1); // whole lines: never cut a character in two
            const std::string text = head.toStdString() + "\n\n  indented\n\ttab\n";
            std::vector<int> expected;
            QVERIFY(whole.Encode(" " + text, &expected).ok());
            QVERIFY(tok.encode(text, false) == std::vector<int32_t>(expected.begin(), expected.end()));
        }
    }

    void bosFollowsMetadataAndSpecialTokensNeedParseSpecial() {
        SOSOIK_REQUIRE_SHARED(gguf, "tokenizer-suite/ggml-vocab-llama-spm.gguf");
        auto tok = loadTokenizer(gguf);
        QCOMPARE(tok->encode("Hello world", true), (std::vector<int32_t>{1, 15043, 3186}));
        QCOMPARE(tok->encode("Hello world", false), (std::vector<int32_t>{15043, 3186}));
        // "</s>" typed by a user is text; in chat markup it is the EOS token.
        const auto typed = tok->encode("a</s>b", false, false);
        QVERIFY(std::find(typed.begin(), typed.end(), 2) == typed.end());
        QCOMPARE(tok->decode(typed), std::string("a</s>b"));
        const auto markup = tok->encode("a</s>b", false, true);
        QVERIFY2(std::find(markup.begin(), markup.end(), 2) != markup.end(), qPrintable(idList(markup)));
        QVERIFY(tok->isEndOfGeneration(2));
        QCOMPARE(tok->decode({2}), std::string());             // control tokens are not text...
        QCOMPARE(tok->decode({2}, true), std::string("</s>")); // ...unless asked for
        QCOMPARE(tok->piece(29871), std::string("\xE2\x96\x81"));
        QCOMPARE(tok->tokenBytes(13), std::string("\n")); // <0x0A> byte token
        QVERIFY_THROWS_EXCEPTION(sosoik::Error, tok->piece(32000));
    }

    void phi3ChatTokensAndEndOfTurn() {
        SOSOIK_REQUIRE_SHARED(gguf, "tokenizer-suite/ggml-vocab-phi-3.gguf");
        auto tok = loadTokenizer(gguf);
        const auto ids = tok->encode("<|user|>\nHi<|end|>\n<|assistant|>\n", true, true);
        QCOMPARE(ids.front(), 1);
        QCOMPARE(ids[1], 32010);                                   // <|user|>
        const auto end = std::find(ids.begin(), ids.end(), 32007); // <|end|>
        QVERIFY(end != ids.end());
        QVERIFY(std::find(end, ids.end(), 32001) != ids.end()); // then <|assistant|>
        QVERIFY(tok->isEndOfGeneration(32007));
        QVERIFY(tok->isEndOfGeneration(32000));
        const auto typed = tok->encode("<|user|>", false, false);
        QVERIFY(std::find(typed.begin(), typed.end(), 32010) == typed.end());
    }
};

QTEST_GUILESS_MAIN(TestSpmTokenizer)
#include "tst_spm_tokenizer.moc"
