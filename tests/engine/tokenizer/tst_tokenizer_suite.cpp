// llama.cpp's tokenizer conformance data (../shared/tokenizer-suite): every vocab that has a
// .gguf must tokenize each .inp string exactly to the .out ids (no BOS, no special parsing).
#include "support/test_support.h"

#include "gguf/gguf_file.h"
#include "sosoik/error.h"
#include "tokenizer/tokenizer_factory.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

// The .inp file holds the strings, each followed by "\n__ggml_vocab_test__\n"; split exactly as
// llama.cpp's test-tokenizer-0 does (an empty string between two separators is a test too).
std::vector<std::string> readInputs(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const std::string raw = f.readAll().toStdString();
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> out;
    for (size_t pos = 0; pos < raw.size();) {
        const size_t next = raw.find(sep, pos);
        if (next == std::string::npos) {
            out.push_back(raw.substr(pos));
            break;
        }
        out.push_back(raw.substr(pos, next - pos));
        pos = next + sep.size();
    }
    return out;
}

std::vector<std::vector<int32_t>> readOutputs(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    std::vector<std::vector<int32_t>> out;
    for (const QByteArray& line : f.readAll().split('\n')) {
        std::vector<int32_t> ids;
        for (const QByteArray& id : line.trimmed().split(' '))
            if (!id.isEmpty()) ids.push_back(id.toInt());
        out.push_back(ids);
    }
    if (!out.empty() && out.back().empty()) out.pop_back(); // the file's final newline
    return out;
}

QString idsText(const std::vector<int32_t>& ids) {
    QStringList parts;
    for (int32_t id : ids)
        parts << QString::number(id);
    return parts.join(' ');
}

} // namespace

class TestTokenizerSuite : public QObject {
    Q_OBJECT
private slots:
    void conformance_data() {
        QTest::addColumn<QString>("vocab");
        const QString dir = sosoik::test::sharedFile("tokenizer-suite");
        if (dir.isEmpty()) {
            QTest::newRow("absent") << QString();
            return;
        }
        for (const QString& file : QDir(dir).entryList({"ggml-vocab-*.gguf"}, QDir::Files, QDir::Name)) {
            const QString name = file.mid(11, file.size() - 11 - 5);
            if (QFile::exists(dir + "/" + file + ".inp")) QTest::newRow(qPrintable(name)) << name;
        }
    }

    void conformance() {
        QFETCH(QString, vocab);
        SOSOIK_REQUIRE_SHARED(dir, "tokenizer-suite");
        const QString base = dir + "/ggml-vocab-" + vocab + ".gguf";
        const auto inputs = readInputs(base + ".inp");
        const auto expected = readOutputs(base + ".out");
        QCOMPARE(inputs.size(), expected.size());
        QVERIFY(!inputs.empty());

        std::unique_ptr<sosoik::Tokenizer> tokenizer;
        try {
            tokenizer = sosoik::createTokenizer(*sosoik::gguf::File::open(base.toStdString()));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        int passed = 0;
        QStringList failures;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const auto ids = tokenizer->encode(inputs[i], /*addBos=*/false, /*parseSpecial=*/false);
            if (ids == expected[i])
                ++passed;
            else
                failures << QStringLiteral("  #%1 '%2'\n    expected %3\n    got      %4")
                                .arg(i)
                                .arg(QString::fromUtf8(inputs[i]).left(60))
                                .arg(idsText(expected[i]), idsText(ids));
        }
        qInfo("%-16s %2d/%zu", qPrintable(vocab), passed, inputs.size());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestTokenizerSuite)
#include "tst_tokenizer_suite.moc"
