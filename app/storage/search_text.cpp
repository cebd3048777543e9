#include "storage/search_text.h"

#include <QList>
#include <QRegularExpression>
#include <algorithm>

namespace sosoik::storage::searchtext {

QStringList terms(const QString& query) {
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QStringList result;
    // NFC: the form Korean input methods produce, so a decomposed query (e.g. pasted from macOS) matches.
    const QString composed = query.normalized(QString::NormalizationForm_C);
    for (const QString& term : composed.split(whitespace, Qt::SkipEmptyParts)) {
        bool seen = false;
        for (const QString& kept : result)
            seen = seen || kept.compare(term, Qt::CaseInsensitive) == 0;
        if (!seen) result.append(term);
    }
    return result;
}

bool isIndexable(const QString& term) {
    return term.toUcs4().size() >= 3;
}

QString ftsMatchExpression(const QStringList& terms) {
    QStringList quoted;
    for (const QString& term : terms) {
        if (!isIndexable(term)) continue;
        QString escaped = term;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        quoted.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
    }
    return quoted.join(QLatin1Char(' '));
}

QString likePattern(const QString& term) {
    QString escaped = term;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

namespace {

struct Range {
    qsizetype start;
    qsizetype end;
};

// Moves an index off the low half of a surrogate pair so a cut never splits a character.
qsizetype snap(const QString& text, qsizetype i) {
    if (i > 0 && i < text.size() && text.at(i).isLowSurrogate()) --i;
    return i;
}

} // namespace

QString snippetHtml(const QString& text, const QStringList& terms, int before, int after) {
    QString flat = text;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    qsizetype first = -1;
    for (const QString& term : terms) {
        const qsizetype at = flat.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    const qsizetype from = snap(flat, std::max<qsizetype>(0, (first < 0 ? 0 : first) - before));
    const qsizetype to = snap(flat, std::min<qsizetype>(flat.size(), (first < 0 ? 0 : first) + after));
    const QString window = flat.mid(from, to - from);

    QList<Range> ranges;
    for (const QString& term : terms) {
        if (term.isEmpty()) continue;
        for (qsizetype at = window.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = window.indexOf(term, at + term.size(), Qt::CaseInsensitive))
            ranges.append({at, at + term.size()});
    }
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
    QList<Range> merged;
    for (const Range& r : ranges) {
        if (!merged.isEmpty() && r.start <= merged.last().end)
            merged.last().end = std::max(merged.last().end, r.end);
        else
            merged.append(r);
    }

    QString html;
    if (from > 0) html += QChar(0x2026);
    qsizetype pos = 0;
    for (const Range& r : merged) {
        html += window.mid(pos, r.start - pos).toHtmlEscaped();
        html += QStringLiteral("<b>") + window.mid(r.start, r.end - r.start).toHtmlEscaped() +
                QStringLiteral("</b>");
        pos = r.end;
    }
    html += window.mid(pos).toHtmlEscaped();
    if (to < flat.size()) html += QChar(0x2026);
    return html;
}

} // namespace sosoik::storage::searchtext
