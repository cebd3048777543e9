// PowerPoint (.pptx, PresentationML): each slide's text in the order presentation.xml lists the
// slides (not the order of the part names), then the slide's speaker notes. A slide is a "page" for
// citations; its title (the title placeholder) names the section.
#include "documents/zip_parts.h"

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

// DrawingML text: paragraphs <a:p> of runs <a:t>, inside shapes <p:sp> that may be placeholders.
class SlideText {
public:
    enum class Part { Slide, Notes };
    SlideText(Part part, int slide, BlockEmitter& out) : part_(part), slide_(slide), out_(out) {
        section_ = part == Part::Slide ? QObject::tr("Slide %1").arg(slide)
                                       : QObject::tr("Notes on slide %1").arg(slide);
    }

    void handle(QXmlStreamReader& xml) {
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"ph") {
                const auto type = xml.attributes().value(QLatin1String("type"));
                title_ = type == u"title" || type == u"ctrTitle";
                // On a notes page only the notes body is the speaker's text (not the slide image or number).
                skipShape_ = part_ == Part::Notes && type != u"body";
            } else if (name == u"t") {
                inText_ = true;
            } else if (name == u"br") {
                paragraph_ += QLatin1Char('\n');
            }
        } else if (xml.isCharacters() && inText_ && !skipShape_) {
            if (paragraph_.size() < kMaxBlockChars) paragraph_ += xml.text().left(kMaxBlockChars);
        } else if (xml.isEndElement()) {
            if (name == u"t") {
                inText_ = false;
            } else if (name == u"p") {
                flushParagraph();
            } else if (name == u"sp") {
                if (title_ && !titleText_.isEmpty() && part_ == Part::Slide)
                    section_ = titleText_.simplified();
                title_ = skipShape_ = false;
            }
        }
    }

private:
    void flushParagraph() {
        const QString t = paragraph_.trimmed();
        paragraph_.clear();
        if (t.isEmpty()) return;
        if (title_) {
            titleText_ += (titleText_.isEmpty() ? QString() : QStringLiteral(" ")) + t;
            section_ = titleText_.simplified();
        }
        out_.emitBlock({t, slide_, section_, true});
    }

    Part part_;
    int slide_;
    BlockEmitter& out_;
    QString paragraph_, section_, titleText_;
    bool inText_ = false, title_ = false, skipShape_ = false;
};

} // namespace

int extractPptx(const QString& path, BlockEmitter& out) {
    ZipParts parts(path, out);
    const QString presentation = QStringLiteral("ppt/presentation.xml");
    if (!parts.has(presentation))
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is not a PowerPoint presentation (ppt/presentation.xml is missing).")
                .arg(out.fileName()));
    const auto relations = readRelationships(parts, presentation);
    QStringList slides;
    parts.readXml(presentation, [&](QXmlStreamReader& xml) {
        if (!xml.isStartElement() || xml.name() != u"sldId") return;
        const auto relation = relations.value(xml.attributes().value(QLatin1String("r:id")).toString());
        if (relation.type == u"slide" && parts.has(relation.target) && !slides.contains(relation.target))
            slides << relation.target;
    });
    if (slides.isEmpty()) // no usable slide list: the conventional part names, in number order
        for (int i = 1; i <= 100000 && parts.has(QStringLiteral("ppt/slides/slide%1.xml").arg(i)); ++i)
            slides << QStringLiteral("ppt/slides/slide%1.xml").arg(i);

    QStringList notes, toRead;
    for (const QString& slide : slides) {
        out.checkCancel();
        QString note;
        for (const Relationship& relation : readRelationships(parts, slide))
            if (relation.type == u"notesSlide" && parts.has(relation.target)) note = relation.target;
        notes << note;
        toRead << slide << note;
    }
    parts.planReading(toRead);
    for (qsizetype i = 0; i < slides.size(); ++i) {
        SlideText slide(SlideText::Part::Slide, int(i + 1), out);
        parts.readXml(slides[i], [&](QXmlStreamReader& xml) { slide.handle(xml); });
        if (notes[i].isEmpty()) continue;
        SlideText note(SlideText::Part::Notes, int(i + 1), out);
        parts.readXml(notes[i], [&](QXmlStreamReader& xml) { note.handle(xml); });
    }
    return int(slides.size());
}

} // namespace sosoik::documents::detail
