// Excel (.xlsx, SpreadsheetML): each sheet's name, then its rows as "cell | cell | …", in the order
// workbook.xml lists the sheets. Text cells usually point into the shared-string table, which is read
// first. Sheets are bounded (kMaxRows rows, kMaxCells cells a row): a generated sheet of a million
// rows is data, not a document to summarize; what was left out is said in the text.
#include "documents/zip_parts.h"

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

constexpr int kMaxRows = 100'000;
constexpr int kMaxCells = 1'000;

QStringList readSharedStrings(ZipParts& parts, const QString& entry, BlockEmitter& out) {
    QStringList strings;
    if (entry.isEmpty() || !parts.has(entry)) return strings;
    QString current;
    qint64 total = 0;
    bool inString = false, inText = false, phonetic = false;
    parts.readXml(entry, [&](QXmlStreamReader& xml) {
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"si") {
                inString = true;
                current.clear();
            } else if (name == u"rPh") {
                phonetic = true; // furigana/reading hints repeat the text
            } else if (name == u"t") {
                inText = inString && !phonetic;
            }
        } else if (xml.isCharacters() && inText) {
            if (current.size() < kMaxBlockChars) current += xml.text().left(kMaxBlockChars);
        } else if (xml.isEndElement()) {
            if (name == u"t") {
                inText = false;
            } else if (name == u"rPh") {
                phonetic = false;
            } else if (name == u"si") {
                inString = false;
                total += current.size();
                // The table is held whole (cells refer to it by index), so it counts against the text limit.
                if (total > out.options().maxTextChars)
                    throw DocumentError(
                        Kind::TooLarge,
                        QObject::tr("%1 holds more than %2 million characters of text, the most Sosoik reads "
                                    "from one document (Settings, Summaries).")
                            .arg(out.fileName())
                            .arg(double(out.options().maxTextChars) / 1e6, 0, 'g', 4));
                strings << current;
            }
        }
    });
    return strings;
}

class SheetText {
public:
    SheetText(const QString& sheet, const QStringList& shared, BlockEmitter& out)
        : sheet_(sheet), shared_(shared), out_(out) {}

    void handle(QXmlStreamReader& xml) {
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"row") {
                row_.clear();
                if (++rows_ > kMaxRows) ++skippedRows_;
            } else if (name == u"c") {
                type_ = xml.attributes().value(QLatin1String("t")).toString();
                value_.clear();
            } else if (name == u"v" || (name == u"t" && type_ == u"inlineStr")) {
                inValue_ = true;
            } else if (name == u"rPh") {
                phonetic_ = true;
            }
        } else if (xml.isCharacters() && inValue_ && !phonetic_) {
            if (value_.size() < kMaxBlockChars) value_ += xml.text().left(kMaxBlockChars);
        } else if (xml.isEndElement()) {
            if (name == u"v" || name == u"t") {
                inValue_ = false;
            } else if (name == u"rPh") {
                phonetic_ = false;
            } else if (name == u"c") {
                if (rows_ <= kMaxRows && row_.size() < kMaxCells) row_ << cellText();
            } else if (name == u"row" && rows_ <= kMaxRows) {
                row_.removeAll(QString());
                for (qsizetype from = 0; from < row_.size();) { // a row longer than a block goes in pieces
                    QStringList piece;
                    qsizetype chars = 0;
                    while (from < row_.size() &&
                           (piece.isEmpty() || chars + row_[from].size() < kMaxBlockChars))
                        chars += (piece << row_[from++]).back().size() + 3;
                    out_.emitBlock({piece.join(QStringLiteral(" | ")), 0, sheet_, from == row_.size()});
                }
            }
        }
    }

    int skippedRows() const { return skippedRows_; }

private:
    QString cellText() const {
        const QString v = value_.trimmed();
        if (type_ == u"s") {
            bool ok = false;
            const int index = v.toInt(&ok);
            return ok && index >= 0 && index < shared_.size() ? shared_[index].simplified() : QString();
        }
        if (type_ == u"b") return v == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        return v.simplified(); // numbers as stored (dates are day counts), formula results, inline text
    }

    QString sheet_;
    const QStringList& shared_;
    BlockEmitter& out_;
    QStringList row_;
    QString type_, value_;
    int rows_ = 0, skippedRows_ = 0;
    bool inValue_ = false, phonetic_ = false;
};

} // namespace

void extractXlsx(const QString& path, BlockEmitter& out) {
    ZipParts parts(path, out);
    const QString workbook = QStringLiteral("xl/workbook.xml");
    if (!parts.has(workbook))
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is not an Excel workbook (xl/workbook.xml is missing).").arg(out.fileName()));
    const auto relations = readRelationships(parts, workbook);
    QString sharedStrings = QStringLiteral("xl/sharedStrings.xml");
    for (const Relationship& relation : relations)
        if (relation.type == u"sharedStrings") sharedStrings = relation.target;
    QList<QPair<QString, QString>> sheets; // name, part
    parts.readXml(workbook, [&](QXmlStreamReader& xml) {
        if (!xml.isStartElement() || xml.name() != u"sheet") return;
        const auto a = xml.attributes();
        const auto relation = relations.value(a.value(QLatin1String("r:id")).toString());
        if (relation.type == u"worksheet" && parts.has(relation.target))
            sheets.append({a.value(QLatin1String("name")).toString(), relation.target});
    });
    QStringList toRead = {sharedStrings};
    for (const auto& sheet : sheets)
        toRead << sheet.second;
    parts.planReading(toRead);
    const QStringList shared = readSharedStrings(parts, sharedStrings, out);
    for (const auto& [name, part] : sheets) {
        out.emitBlock({name, 0, name, true});
        SheetText sheet(name, shared, out);
        parts.readXml(part, [&](QXmlStreamReader& xml) { sheet.handle(xml); });
        if (sheet.skippedRows() > 0)
            out.emitBlock(
                {QObject::tr("(%1 more rows of %2 were not read: Sosoik reads the first %3 rows of a "
                             "sheet.)")
                     .arg(sheet.skippedRows())
                     .arg(name)
                     .arg(kMaxRows),
                 0, name, true});
    }
}

} // namespace sosoik::documents::detail
