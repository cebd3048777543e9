#pragma once
// The name a model is shown by: its GGUF general.name when a person wrote it, else its file name.
// llama.cpp's converter writes general.name itself when the model card has none, title-casing the repo
// name and its training-run tags: SmolLM2-135M-Instruct's reads "Smollm2 135M 8k Lc100K Mix1 Ep2", while
// its file is "SmolLM2-135M-Instruct.Q4_1.gguf". A name with two or more such tags (a word of letters then
// digits after the first: "Lc100K", "Mix1", "Ep2"; "Mistral 7B Instruct v0.3" has one) is taken for one.
#include <QFileInfo>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace sosoik::app {

// "SmolLM2-135M-Instruct.Q4_1.gguf" -> "SmolLM2 135M Instruct": no extension, no quantization suffix
// (Q4_1, Q4_K_M, IQ4_XS, F16, BF16 after a '.', '-' or '_'), separators as spaces.
inline QString modelNameFromFile(const QString& path) {
    QString stem = QFileInfo(path).fileName();
    if (stem.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive)) stem.chop(5);
    static const QRegularExpression quant(QStringLiteral("[._-](I?Q\\d[A-Z0-9_]*|B?F16|F32)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    stem.remove(quant);
    stem.replace(QLatin1Char('-'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
    return stem.simplified().isEmpty() ? QFileInfo(path).completeBaseName() : stem.simplified();
}

inline bool looksMachineMade(const QString& generalName) {
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]+\\d+[A-Za-z]*$"));
    const QStringList words = generalName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int tags = 0;
    for (qsizetype i = 1; i < words.size(); ++i)
        tags += tag.match(words[i]).hasMatch() ? 1 : 0;
    return tags >= 2;
}

inline QString readableModelName(const QString& generalName, const QString& path) {
    const QString name = generalName.simplified();
    // The engine names a file without general.name by its file name ("qwen2.5-1.5b-q4_0.gguf").
    if (name.isEmpty() || name == QFileInfo(path).fileName() || looksMachineMade(name))
        return modelNameFromFile(path);
    return name;
}

} // namespace sosoik::app
