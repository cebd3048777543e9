// Word (.docx, WordprocessingML), Hangul (.hwpx, OWPML) and OpenDocument text (.odt) are zip archives
// of XML with the same shape: paragraphs holding text, and tables of rows of cells. One streaming reader
// handles all three by local element names; ZipParts does the inflating within the limits.
#include "documents/zip_parts.h"

#include <optional>

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

// Word's outline levels: 0..8 are heading levels, 9 is body text.
constexpr int kBodyTextLevel = 9;

std::optional<int> outlineLevel(QXmlStreamReader& xml) {
    bool ok = false;
    const int level = xml.attributes().value(QLatin1String("w:val")).toInt(&ok);
    if (!ok) return std::nullopt;
    return level;
}

// styles.xml: which paragraph styles are headings. Word marks them with w:outlineLvl in the style or a
// style it is based on; the style id is translated in localized Word ("1" or "제목1" for "heading 1"),
// so ids are never matched, only the built-in name Word keeps in English ("heading 1", "Title").
class DocxStyles {
public:
    void read(ZipParts& parts) {
        const QString entry = QStringLiteral("word/styles.xml");
        if (!parts.has(entry)) return;
        QString id;
        parts.readXml(entry, [&](QXmlStreamReader& xml) {
            if (!xml.isStartElement()) return;
            const QStringView name = xml.name();
            if (name == u"style") {
                id = xml.attributes().value(QLatin1String("w:styleId")).toString();
                styles_.insert(id, {});
            } else if (id.isEmpty()) {
                return;
            } else if (name == u"basedOn") {
                styles_[id].basedOn = xml.attributes().value(QLatin1String("w:val")).toString();
            } else if (name == u"name") {
                const QString styleName = xml.attributes().value(QLatin1String("w:val")).toString().toLower();
                if (styleName == u"title") styles_[id].level = 0;
                if (styleName.startsWith(QLatin1String("heading ")) && !styles_[id].level) {
                    bool ok = false;
                    const int n = styleName.mid(8).toInt(&ok);
                    if (ok && n >= 1 && n <= 9) styles_[id].level = n - 1;
                }
            } else if (name == u"outlineLvl") {
                if (const auto level = outlineLevel(xml)) styles_[id].level = *level;
            }
        });
        read_ = true;
    }

    // Without styles.xml (hand-made files) the English built-in ids are all there is to go by.
    bool isHeading(const QString& styleId) const {
        if (!read_)
            return styleId.startsWith(QLatin1String("Heading"), Qt::CaseInsensitive) ||
                   styleId.compare(QLatin1String("Title"), Qt::CaseInsensitive) == 0;
        QString id = styleId;
        for (int hops = 0; hops < 16 && styles_.contains(id); ++hops) { // basedOn chains may loop
            const Style& style = styles_[id];
            if (style.level) return *style.level < kBodyTextLevel;
            id = style.basedOn;
        }
        return false;
    }

private:
    struct Style {
        std::optional<int> level;
        QString basedOn;
    };
    QHash<QString, Style> styles_;
    bool read_ = false;
};

class OfficeXmlReader {
public:
    OfficeXmlReader(ZipFlavor flavor, BlockEmitter& out, const DocxStyles* styles = nullptr)
        : flavor_(flavor), out_(out), styles_(styles) {}

    void read(ZipParts& parts, const QString& entry) {
        parts.readXml(entry, [this](QXmlStreamReader& xml) { handle(xml); });
        flushParagraph();
    }

private:
    bool isTable(QStringView n) const { return flavor_ == ZipFlavor::Odt ? n == u"table" : n == u"tbl"; }
    bool isRow(QStringView n) const { return flavor_ == ZipFlavor::Odt ? n == u"table-row" : n == u"tr"; }
    bool isCell(QStringView n) const { return flavor_ == ZipFlavor::Odt ? n == u"table-cell" : n == u"tc"; }
    bool isParagraph(QStringView n) const { return n == u"p" || (flavor_ == ZipFlavor::Odt && n == u"h"); }
    // ODF keeps a paragraph's text directly in it (and its spans); OOXML/OWPML in <t> runs.
    bool inText() const { return flavor_ == ZipFlavor::Odt ? paragraphDepth_ > 0 && skipDepth_ == 0 : inT_; }

    void handle(QXmlStreamReader& xml) {
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (skipDepth_ > 0 || (flavor_ == ZipFlavor::Odt && name == u"annotation")) {
                ++skipDepth_; // comments are not the document's text
            } else if (isTable(name)) {
                if (tableDepth_++ == 0) {
                    flushParagraph();
                    row_.clear();
                }
            } else if (isCell(name) && tableDepth_ == 1) {
                cell_.clear();
            } else if (isParagraph(name)) {
                ++paragraphDepth_;
                if (flavor_ == ZipFlavor::Odt && name == u"h" && tableDepth_ == 0) heading_ = true;
                if (flavor_ == ZipFlavor::Hwpx) heading_ = false;
            } else if (name == u"t") {
                inT_ = true;
            } else if (name == u"tab") {
                if (flavor_ != ZipFlavor::Docx || inRun_) text() += QLatin1Char('\t'); // not w:tabs stops
            } else if (name == u"br" || name == u"cr" || name == u"lineBreak" || name == u"line-break") {
                text() += QLatin1Char('\n');
            } else if (name == u"s" && flavor_ == ZipFlavor::Odt) {
                const int count = xml.attributes().value(QLatin1String("text:c")).toInt();
                text() += QString(qBound(1, count, 64), QLatin1Char(' '));
            } else if (name == u"r") {
                inRun_ = true;
            } else if (flavor_ == ZipFlavor::Docx && tableDepth_ == 0) {
                if (name == u"pStyle") {
                    heading_ = styles_ &&
                               styles_->isHeading(xml.attributes().value(QLatin1String("w:val")).toString());
                } else if (name == u"outlineLvl") { // the paragraph's own level overrides its style's
                    if (const auto level = outlineLevel(xml)) heading_ = *level < kBodyTextLevel;
                }
            }
        } else if (xml.isCharacters() && inText()) {
            text() += xml.text();
            boundText();
        } else if (xml.isEndElement()) {
            if (skipDepth_ > 0) {
                --skipDepth_;
            } else if (name == u"t") {
                inT_ = false;
            } else if (name == u"r") {
                inRun_ = false;
            } else if (isParagraph(name)) {
                paragraphDepth_ = qMax(0, paragraphDepth_ - 1);
                if (tableDepth_ > 0)
                    cell_ += QLatin1Char(' ');
                else
                    flushParagraph();
            } else if (isCell(name) && tableDepth_ == 1) {
                row_ << cell_.simplified();
                rowChars_ += row_.back().size();
                cell_.clear();
                if (rowChars_ > kMaxBlockChars) flushRow(false);
            } else if (isRow(name) && tableDepth_ == 1) {
                flushRow(true);
            } else if (isTable(name)) {
                --tableDepth_;
            }
        }
    }

    QString& text() { return tableDepth_ > 0 ? cell_ : paragraph_; }

    // One giant <t>, cell or run of whitespace must not grow memory without bound: a paragraph is sent
    // on in pieces (paragraphEnd = false), a cell's text is cut at kMaxBlockChars, blank text collapses.
    void boundText() {
        QString& t = text();
        if (t.size() <= kMaxBlockChars) return;
        if (t.trimmed().isEmpty()) {
            t = QStringLiteral(" ");
        } else if (tableDepth_ > 0) {
            t.truncate(kMaxBlockChars);
        } else {
            qsizetype from = 0;
            while (t.size() - from > kMaxBlockChars) {
                qsizetype cut = kMaxBlockChars;
                if (t.at(from + cut - 1).isHighSurrogate()) --cut;
                out_.emitBlock({t.mid(from, cut), 0, section_, false});
                from += cut;
            }
            t.remove(0, from);
        }
    }

    void flushRow(bool rowEnd) {
        row_.removeAll(QString());
        if (!row_.isEmpty()) out_.emitBlock({row_.join(QStringLiteral(" | ")), 0, section_, rowEnd});
        row_.clear();
        rowChars_ = 0;
    }

    void flushParagraph() {
        // ODF collapses runs of white space as HTML does (text:s and text:tab carry the deliberate ones).
        const QString t = flavor_ == ZipFlavor::Odt ? paragraph_.simplified() : paragraph_.trimmed();
        paragraph_.clear();
        if (heading_ && !t.isEmpty()) section_ = t;
        heading_ = false;
        if (!t.isEmpty()) out_.emitBlock({t, 0, section_, true});
    }

    ZipFlavor flavor_;
    BlockEmitter& out_;
    const DocxStyles* styles_;
    QString paragraph_, cell_, section_;
    QStringList row_;
    int tableDepth_ = 0, paragraphDepth_ = 0, skipDepth_ = 0;
    qsizetype rowChars_ = 0;
    bool inT_ = false, inRun_ = false, heading_ = false;
};

} // namespace

void extractZipXml(const QString& path, ZipFlavor flavor, BlockEmitter& out) {
    ZipParts parts(path, out);
    const QString& fileName = out.fileName();
    if (flavor == ZipFlavor::Docx) {
        const QString body = QStringLiteral("word/document.xml");
        if (!parts.has(body))
            throw DocumentError(
                Kind::Corrupt,
                QObject::tr("%1 is not a Word document (word/document.xml is missing).").arg(fileName));
        parts.planReading({QStringLiteral("word/styles.xml"), body});
        DocxStyles styles;
        styles.read(parts);
        OfficeXmlReader(flavor, out, &styles).read(parts, body);
        return;
    }
    if (flavor == ZipFlavor::Odt) {
        const QString content = QStringLiteral("content.xml");
        if (!parts.has(content))
            throw DocumentError(
                Kind::Corrupt,
                QObject::tr("%1 is not an OpenDocument text (content.xml is missing).").arg(fileName));
        parts.planReading({content});
        OfficeXmlReader(flavor, out).read(parts, content);
        return;
    }
    // HWPX keeps its body in Contents/section0.xml, section1.xml, … in reading order.
    QStringList sections;
    for (int i = 0;; ++i) {
        const QString entry = QStringLiteral("Contents/section%1.xml").arg(i);
        if (!parts.has(entry)) break;
        sections << entry;
    }
    if (sections.isEmpty())
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is not a Hangul document (Contents/section0.xml is missing).").arg(fileName));
    parts.planReading(sections);
    OfficeXmlReader reader(flavor, out);
    for (const QString& entry : sections)
        reader.read(parts, entry);
}

} // namespace sosoik::documents::detail
