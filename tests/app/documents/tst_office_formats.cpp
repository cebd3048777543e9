// Issue #21: DOCX headings by outline level (a Korean-named style), PowerPoint slides and notes in slide
// order, Excel sheets with shared strings and bounded rows, OpenDocument text, and progress that moves
// for every zipped format. Fixtures are written here with libzip.
#include "documents/document_fixtures.h"

#include <QTemporaryDir>

using namespace sosoik::documents;
using namespace sosoik::documents::fixtures;

namespace {

const QByteArray kW = "xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'";
const QByteArray kRels = "xmlns='http://schemas.openxmlformats.org/package/2006/relationships'";
const QByteArray kRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

QByteArray wordParagraph(const QByteArray& properties, const QString& text) {
    return "<w:p><w:pPr>" + properties + "</w:pPr><w:r><w:t>" + text.toUtf8() + "</w:t></w:r></w:p>";
}

QByteArray relationship(const QByteArray& id, const QByteArray& type, const QByteArray& target) {
    return "<Relationship Id='" + id + "' Type='" + kRelType + type + "' Target='" + target + "'/>";
}

QByteArray slide(const QString& title, const QString& body) {
    return "<p:sld xmlns:a='urn:a' xmlns:p='urn:p'><p:cSld><p:spTree>"
           "<p:sp><p:nvSpPr><p:nvPr><p:ph type='title'/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>" +
           title.toUtf8() +
           "</a:t></a:r></a:p></p:txBody></p:sp>"
           "<p:sp><p:nvSpPr><p:nvPr><p:ph idx='1'/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>" +
           body.toUtf8() + "</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>";
}

// True when the callback saw at least three steps strictly between 0 and 1, never went back, and ended at 1.
bool progressMoves(const QList<double>& progress) {
    QList<double> inside;
    for (double p : progress)
        if (p > 0 && p < 1 && (inside.isEmpty() || p > inside.back())) inside << p;
    for (qsizetype i = 1; i < progress.size(); ++i)
        if (progress[i] < progress[i - 1]) return false;
    return inside.size() >= 3 && !progress.isEmpty() && progress.back() == 1.0;
}

QString describe(const QList<double>& progress) {
    QStringList s;
    for (double p : progress.mid(0, 40))
        s << QString::number(p, 'f', 3);
    return s.join(QLatin1Char(' '));
}

} // namespace

class TestOfficeFormats : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString path(const QString& name) const { return dir.filePath(name); }

private slots:
    void docxHeadingsByOutlineLevelNotStyleName() {
        // Korean Word names its heading styles "제목 1" with ids like "a3"; only outline levels say
        // "heading".
        const QByteArray styles = "<w:styles " + kW +
                                  ">"
                                  "<w:style w:type='paragraph' w:styleId='a3'><w:name w:val='제목 1'/>"
                                  "<w:pPr><w:outlineLvl w:val='0'/></w:pPr></w:style>"
                                  "<w:style w:type='paragraph' w:styleId='a4'><w:name w:val='내 "
                                  "제목'/><w:basedOn w:val='a3'/></w:style>"
                                  "<w:style w:type='paragraph' w:styleId='Heading1'><w:name w:val='인용'/>"
                                  "<w:pPr><w:outlineLvl w:val='9'/></w:pPr></w:style>"
                                  "</w:styles>";
        const QByteArray body =
            "<w:document " + kW + "><w:body>" + wordParagraph("<w:pStyle w:val='a3'/>", "1장 개요") +
            wordParagraph("", "본문입니다.") + wordParagraph("<w:pStyle w:val='a4'/>", "1.1 배경") +
            wordParagraph("", "배경 설명.") + wordParagraph("<w:outlineLvl w:val='1'/>", "직접 지정한 제목") +
            wordParagraph("", "셋째 본문.") +
            wordParagraph("<w:pStyle w:val='Heading1'/>", "본문 수준 인용") + wordParagraph("", "마지막.") +
            "</w:body></w:document>";
        writeZip(path("korean.docx"), {{"word/styles.xml", styles}, {"word/document.xml", body}});
        const auto e = extract(path("korean.docx"));
        QCOMPARE(e.info.format, QStringLiteral("docx"));
        QCOMPARE(e.texts(), QStringList({"1장 개요", "본문입니다.", "1.1 배경", "배경 설명.",
                                         "직접 지정한 제목", "셋째 본문.", "본문 수준 인용", "마지막."}));
        QStringList sections;
        for (const auto& b : e.blocks)
            sections << b.section;
        QCOMPARE(sections, QStringList({"1장 개요", "1장 개요", "1.1 배경", "1.1 배경", "직접 지정한 제목",
                                        "직접 지정한 제목", "직접 지정한 제목", "직접 지정한 제목"}));
    }

    void pptxSlidesInPresentationOrderWithNotes() {
        // The slide list puts slide2.xml first: the part names' order is not the deck's order.
        const QByteArray presentation = "<p:presentation xmlns:p='urn:p' xmlns:r='urn:r'><p:sldIdLst>"
                                        "<p:sldId id='256' r:id='rId7'/><p:sldId id='257' r:id='rId2'/>"
                                        "</p:sldIdLst></p:presentation>";
        const QByteArray presentationRels =
            "<Relationships " + kRels + ">" + relationship("rId2", "slide", "slides/slide1.xml") +
            relationship("rId7", "slide", "slides/slide2.xml") + "</Relationships>";
        const QByteArray notes =
            "<p:notes xmlns:a='urn:a' xmlns:p='urn:p'><p:cSld><p:spTree>"
            "<p:sp><p:nvSpPr><p:nvPr><p:ph type='sldNum'/></p:nvPr></p:nvSpPr><p:txBody>"
            "<a:p><a:fld><a:t>2</a:t></a:fld></a:p></p:txBody></p:sp>"
            "<p:sp><p:nvSpPr><p:nvPr><p:ph type='body' idx='1'/></p:nvPr></p:nvSpPr><p:txBody>"
            "<a:p><a:r><a:t>발표자 메모: 천천히 말하기.</a:t></a:r></a:p></p:txBody></p:sp>"
            "</p:spTree></p:cSld></p:notes>";
        writeZip(
            path("deck.pptx"),
            {{"ppt/presentation.xml", presentation},
             {"ppt/_rels/presentation.xml.rels", presentationRels},
             {"ppt/slides/slide1.xml", slide("둘째 슬라이드", "Second body")},
             {"ppt/slides/slide2.xml", slide("첫 슬라이드", "첫 본문")},
             {"ppt/slides/_rels/slide2.xml.rels",
              "<Relationships " + kRels + ">" +
                  relationship("rId1", "notesSlide", "../notesSlides/notesSlide1.xml") + "</Relationships>"},
             {"ppt/notesSlides/notesSlide1.xml", notes}});
        const auto e = extract(path("deck.pptx"));
        QCOMPARE(e.info.format, QStringLiteral("pptx"));
        QCOMPARE(e.info.pages, 2);
        QCOMPARE(e.texts(), QStringList({"첫 슬라이드", "첫 본문", "발표자 메모: 천천히 말하기.",
                                         "둘째 슬라이드", "Second body"}));
        QCOMPARE(e.blocks[1].page, 1);
        QCOMPARE(e.blocks[1].section, QStringLiteral("첫 슬라이드"));
        QCOMPARE(e.blocks[4].page, 2);
        QCOMPARE(e.blocks[4].section, QStringLiteral("둘째 슬라이드"));
    }

    void xlsxSheetsSharedStringsAndBoundedRows() {
        const QByteArray workbook =
            "<workbook xmlns:r='urn:r'><sheets><sheet name='매출' sheetId='1' r:id='rId1'/>"
            "<sheet name='Big' sheetId='2' r:id='rId2'/></sheets></workbook>";
        const QByteArray rels =
            "<Relationships " + kRels + ">" + relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
            relationship("rId2", "worksheet", "/xl/worksheets/sheet2.xml") +
            relationship("rId3", "sharedStrings", "sharedStrings.xml") + "</Relationships>";
        const QByteArray shared =
            "<sst><si><t>지역</t></si><si><t>금액</t></si>"
            "<si><r><t>서울</t></r><r><t> 본사</t></r><rPh><t>ソウル</t></rPh></si></sst>";
        const QByteArray sheet1 =
            "<worksheet><sheetData>"
            "<row r='1'><c r='A1' t='s'><v>0</v></c><c r='B1' t='s'><v>1</v></c></row>"
            "<row r='2'><c r='A2' t='s'><v>2</v></c><c r='B2'><f>SUM(X1)</f><v>1200</v></c>"
            "<c r='C2' t='inlineStr'><is><t>메모</t></is></c><c r='D2' t='b'><v>1</v></c></row>"
            "</sheetData></worksheet>";
        QByteArray sheet2 = "<worksheet><sheetData>";
        for (int r = 1; r <= 100'005; ++r)
            sheet2 += "<row><c><v>" + QByteArray::number(r) + "</v></c></row>";
        sheet2 += "</sheetData></worksheet>";
        writeZip(path("book.xlsx"), {{"xl/workbook.xml", workbook},
                                     {"xl/_rels/workbook.xml.rels", rels},
                                     {"xl/sharedStrings.xml", shared},
                                     {"xl/worksheets/sheet1.xml", sheet1},
                                     {"xl/worksheets/sheet2.xml", sheet2}});
        const auto e = extract(path("book.xlsx"));
        QCOMPARE(e.info.format, QStringLiteral("xlsx"));
        const QStringList texts = e.texts();
        QCOMPARE(texts.mid(0, 4),
                 QStringList({"매출", "지역 | 금액", "서울 본사 | 1200 | 메모 | TRUE", "Big"}));
        QCOMPARE(e.blocks[2].section, QStringLiteral("매출"));
        QCOMPARE(texts[4], QStringLiteral("1"));
        QCOMPARE(texts[texts.size() - 2], QStringLiteral("100000"));
        QVERIFY2(texts.back().contains("5") && texts.back().contains("Big"), qPrintable(texts.back()));
        QCOMPARE(e.blocks.back().section, QStringLiteral("Big"));
        QVERIFY2(progressMoves(e.progress), qPrintable(describe(e.progress)));
    }

    void odtParagraphsHeadingsAndTables() {
        const QByteArray content =
            "<office:document-content xmlns:office='urn:o' xmlns:text='urn:t' xmlns:table='urn:tb'>"
            "<office:body><office:text>"
            "<text:h text:outline-level='1'>보고서 <text:span>제목</text:span></text:h>"
            "<text:p>첫째<text:s text:c='2'/>문단,\n   줄바꿈 없이<text:tab/>탭."
            "<office:annotation><text:p>검토 의견은 빼기</text:p></office:annotation></text:p>"
            "<table:table><table:table-row><table:table-cell><text:p>항목</text:p></table:table-cell>"
            "<table:table-cell><text:p>값</text:p></table:table-cell></table:table-row></table:table>"
            "<text:p>끝<text:line-break/>다음 줄</text:p>"
            "</office:text></office:body></office:document-content>";
        writeZip(path("note.odt"),
                 {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
        const auto e = extract(path("note.odt"));
        QCOMPARE(e.info.format, QStringLiteral("odt"));
        QCOMPARE(e.texts(),
                 QStringList({"보고서 제목", "첫째 문단, 줄바꿈 없이 탭.", "항목 | 값", "끝 다음 줄"}));
        QCOMPARE(e.blocks[1].section, QStringLiteral("보고서 제목"));
    }

    void progressMovesForEveryZippedFormat() {
        QByteArray paragraphs, odtParagraphs, slideText;
        for (int i = 0; i < 4000; ++i) {
            paragraphs +=
                wordParagraph("", QStringLiteral("문단 %1: 진행률이 움직이는지 확인합니다.").arg(i));
            odtParagraphs += QStringLiteral("<text:p>문단 %1: 진행률을 확인합니다.</text:p>").arg(i).toUtf8();
        }
        writeZip(path("long.docx"), {{"word/document.xml", "<w:document " + kW + "><w:body>" + paragraphs +
                                                               "</w:body></w:document>"}});
        writeZip(path("long.odt"), {{"content.xml", "<office:document-content xmlns:office='urn:o' "
                                                    "xmlns:text='urn:t'><office:body><office:text>" +
                                                        odtParagraphs +
                                                        "</office:text></office:body>"
                                                        "</office:document-content>"}});
        // HWPX (issue #21: its progress stayed at 50%): three sections of unequal size.
        QList<QPair<QString, QByteArray>> hwpx = {{"mimetype", "application/hwp+zip"}};
        for (int s = 0; s < 3; ++s) {
            QByteArray section = "<hs:sec xmlns:hs='urn:hs' xmlns:hp='urn:hp'>";
            for (int i = 0; i < 1500 * (s + 1); ++i)
                section += QStringLiteral("<hp:p><hp:run><hp:t>구역 %1 문단 %2</hp:t></hp:run></hp:p>")
                               .arg(s)
                               .arg(i)
                               .toUtf8();
            hwpx.append({QStringLiteral("Contents/section%1.xml").arg(s), section + "</hs:sec>"});
        }
        writeZip(path("long.hwpx"), hwpx);
        QList<QPair<QString, QByteArray>> deck = {
            {"ppt/presentation.xml", "<p:presentation xmlns:p='urn:p'/>"}};
        for (int s = 1; s <= 40; ++s)
            deck.append({QStringLiteral("ppt/slides/slide%1.xml").arg(s),
                         slide(QStringLiteral("슬라이드 %1").arg(s),
                               QStringLiteral("본문 %1 ").repeated(800).arg(s))});
        writeZip(path("long.pptx"), deck);
        for (const char* name : {"long.docx", "long.odt", "long.hwpx", "long.pptx"}) {
            const auto e = extract(path(name));
            QVERIFY2(e.blocks.size() >= 40, name);
            QVERIFY2(progressMoves(e.progress), qPrintable(QString(name) + ": " + describe(e.progress)));
        }
    }
};

QTEST_MAIN(TestOfficeFormats)
#include "tst_office_formats.moc"
