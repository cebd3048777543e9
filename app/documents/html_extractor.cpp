// Visible text of an HTML page through libxml2's HTML parser (push mode with SAX callbacks, so the page
// is never held whole): its error recovery for real-world markup, every HTML 4 named entity, and "a < b"
// kept as text. The bytes are decoded here (a BOM, else the charset the page declares, else the
// sniffed encoding) and handed to libxml2 as UTF-8, so one decoder serves text and HTML alike.
#include "documents/extractors.h"

#include <QSet>
#include <exception>
#include <libxml/HTMLparser.h>
#include <memory>

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

const QSet<QByteArray> kSkippedElements = {"script", "style", "noscript", "template", "svg"};
const QSet<QByteArray> kBlockElements = {
    "p",          "div",    "br",         "li",    "ul",   "ol",    "h1",      "h2",
    "h3",         "h4",     "h5",         "h6",    "tr",   "table", "section", "article",
    "header",     "footer", "blockquote", "pre",   "hr",   "title", "dt",      "dd",
    "figcaption", "main",   "nav",        "aside", "form", "body",  "caption"};

// The charset a page declares in its first bytes, as a browser's prescan finds it: <meta charset=…>,
// <meta http-equiv="Content-Type" content="…; charset=…"> or an XML declaration's encoding.
QByteArray declaredCharset(QByteArrayView head) {
    const QByteArray text = head.first(qMin<qsizetype>(head.size(), 4096)).toByteArray().toLower();
    const auto valueAfter = [&](qsizetype at) {
        while (at < text.size() &&
               (text[at] == ' ' || text[at] == '=' || text[at] == '"' || text[at] == '\''))
            ++at;
        qsizetype end = at;
        while (end < text.size() && text[end] != 0 &&
               (QChar::isLetterOrNumber(uchar(text[end])) || strchr("-_.:", text[end])))
            ++end;
        return text.mid(at, end - at);
    };
    if (text.startsWith("<?xml")) {
        const qsizetype close = text.indexOf("?>");
        const qsizetype at = text.indexOf("encoding");
        if (at > 0 && (close < 0 || at < close)) return valueAfter(at + 8);
    }
    for (qsizetype meta = text.indexOf("<meta"); meta >= 0; meta = text.indexOf("<meta", meta + 5)) {
        const qsizetype close = text.indexOf('>', meta);
        const qsizetype at = text.indexOf("charset", meta);
        if (at > 0 && (close < 0 || at < close)) return valueAfter(at + 7);
    }
    return {};
}

// The decoder for a declared charset. Labels follow the WHATWG Encoding Standard where it differs from
// the names: "euc-kr" pages are CP949 (its superset), "iso-8859-1" and "ascii" are windows-1252, and a
// page that declares UTF-16 in ASCII bytes is not UTF-16.
std::unique_ptr<StreamingTextDecoder> decoderFor(const QByteArray& charset, QString* name) {
    static const QSet<QByteArray> korean = {"euc-kr",         "cp949",   "windows-949", "x-windows-949",
                                            "ks_c_5601-1987", "ksc5601", "korean",      "iso-ir-149"};
    if (charset.isEmpty()) return nullptr;
    if (charset == "utf-8" || charset == "utf8" || charset.startsWith("utf-16")) {
        *name = QStringLiteral("UTF-8");
        return std::make_unique<StreamingTextDecoder>(TextEncoding::Utf8);
    }
    if (korean.contains(charset)) {
        *name = QStringLiteral("CP949");
        return std::make_unique<StreamingTextDecoder>(TextEncoding::Cp949);
    }
    const QByteArray icu =
        charset == "iso-8859-1" || charset == "us-ascii" || charset == "ascii" || charset == "latin1"
            ? QByteArray("windows-1252")
            : charset;
    auto decoder = StreamingTextDecoder::forCharset(icu);
    if (decoder) *name = QString::fromLatin1(icu).toUpper();
    return decoder;
}

class HtmlText {
public:
    explicit HtmlText(BlockEmitter& out) : out_(out) {
        static const bool initialized = (xmlInitParser(), true); // once, before threads race to it
        Q_UNUSED(initialized);
        htmlSAXHandler sax{};
        sax.startElement = [](void* self, const xmlChar* name, const xmlChar**) {
            static_cast<HtmlText*>(self)->guard([&](HtmlText& t) { t.start(name); });
        };
        sax.endElement = [](void* self, const xmlChar* name) {
            static_cast<HtmlText*>(self)->guard([&](HtmlText& t) { t.end(name); });
        };
        sax.characters = sax.ignorableWhitespace = [](void* self, const xmlChar* text, int size) {
            static_cast<HtmlText*>(self)->guard([&](HtmlText& t) { t.characters(text, size); });
        };
        // script and style contents arrive as CDATA: left out, with comments and processing instructions.
        sax.cdataBlock = [](void*, const xmlChar*, int) {};
        // Markup errors are what the parser recovers from; they are not the user's concern.
        sax.initialized = XML_SAX2_MAGIC;
        sax.serror = [](void*, xmlErrorPtr) {};
        ctxt_ = htmlCreatePushParserCtxt(&sax, this, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
        if (!ctxt_) throw std::bad_alloc();
        // The bytes are UTF-8 already: a <meta charset> must not make libxml2 decode them again.
        htmlCtxtUseOptions(ctxt_, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC |
                                      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    }
    ~HtmlText() { htmlFreeParserCtxt(ctxt_); }
    HtmlText(const HtmlText&) = delete;
    HtmlText& operator=(const HtmlText&) = delete;

    void feed(const QString& chunk) { parse(chunk.toUtf8(), false); }
    void finish() {
        parse({}, true);
        flush(true);
    }

private:
    void parse(const QByteArray& utf8, bool last) {
        htmlParseChunk(ctxt_, utf8.constData(), int(utf8.size()), last ? 1 : 0);
        if (failure_) std::rethrow_exception(failure_);
    }

    // A DocumentError (cancel, text limit) must not unwind through libxml2's C frames: it is kept, the
    // parser stopped, and the error rethrown once htmlParseChunk has returned.
    template <typename F> void guard(F&& f) {
        if (failure_) return;
        try {
            f(*this);
        } catch (...) {
            failure_ = std::current_exception();
            xmlStopParser(ctxt_);
        }
    }

    void start(const xmlChar* tag) {
        const QByteArray name(reinterpret_cast<const char*>(tag));
        if (++depth_ > out_.options().maxXmlDepth)
            throw DocumentError(Kind::Corrupt,
                                QObject::tr("%1 is not a normal document: its XML is nested more "
                                            "than %2 levels deep (the limit).")
                                    .arg(out_.fileName())
                                    .arg(out_.options().maxXmlDepth));
        if (skipDepth_ > 0 || kSkippedElements.contains(name)) {
            ++skipDepth_;
            return;
        }
        if (kBlockElements.contains(name)) flush(true);
    }

    void end(const xmlChar* tag) {
        const QByteArray name(reinterpret_cast<const char*>(tag));
        depth_ = qMax(0, depth_ - 1);
        if (skipDepth_ > 0) {
            --skipDepth_;
            return;
        }
        if (name == "td" || name == "th") {
            appendText(QStringLiteral(" | "));
            return;
        }
        if (!kBlockElements.contains(name)) return;
        const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
        if (heading) section_ = text_.trimmed();
        flush(true);
    }

    void characters(const xmlChar* text, int size) {
        if (skipDepth_ > 0) return;
        appendText(QString::fromUtf8(reinterpret_cast<const char*>(text), size));
    }

    void appendText(const QString& s) {
        for (QChar c : s) {
            // Whitespace collapses as a browser renders it.
            if (c.isSpace()) {
                if (!text_.isEmpty() && !text_.back().isSpace()) text_ += QLatin1Char(' ');
                continue;
            }
            text_ += c;
            if (text_.size() >= kMaxBlockChars && !c.isHighSurrogate()) flush(false);
        }
    }

    void flush(bool paragraphEnd) {
        if (!text_.trimmed().isEmpty() || !paragraphEnd)
            out_.emitBlock({paragraphEnd ? text_.trimmed() : text_, 0, section_, paragraphEnd});
        text_.clear();
    }

    BlockEmitter& out_;
    htmlParserCtxtPtr ctxt_ = nullptr;
    std::exception_ptr failure_;
    QString text_, section_;
    int depth_ = 0, skipDepth_ = 0;
};

} // namespace

QString extractHtml(QFile& file, const EncodingGuess& guess, BlockEmitter& out) {
    QString name = encodingName(guess.encoding);
    std::unique_ptr<StreamingTextDecoder> decoder;
    if (guess.bomBytes == 0) decoder = decoderFor(declaredCharset(file.peek(4096)), &name);
    if (!decoder) decoder = std::make_unique<StreamingTextDecoder>(guess.encoding);
    HtmlText html(out);
    file.seek(guess.bomBytes);
    const qint64 total = qMax<qint64>(1, file.size());
    while (!file.atEnd()) {
        out.checkCancel();
        const QByteArray bytes = file.read(256 * 1024);
        if (bytes.isEmpty()) break;
        html.feed(decoder->decode(bytes));
        out.progress(double(file.pos()) / double(total));
    }
    html.feed(decoder->flush());
    html.finish();
    return name;
}

} // namespace sosoik::documents::detail
