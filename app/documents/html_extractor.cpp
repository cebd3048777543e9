// Visible text of an HTML page. HTML is not XML, so a small streaming state machine strips
// tags, skips script/style/comments, decodes entities and breaks paragraphs at block tags.
#include "documents/extractors.h"

#include <QHash>
#include <QSet>

namespace sosoik::documents::detail {
namespace {

const QSet<QString> kSkippedElements = {"script", "style", "noscript", "template", "svg"};
const QSet<QString> kBlockElements = {
    "p",          "div",    "br",         "li",    "ul",   "ol",    "h1",      "h2",
    "h3",         "h4",     "h5",         "h6",    "tr",   "table", "section", "article",
    "header",     "footer", "blockquote", "pre",   "hr",   "title", "dt",      "dd",
    "figcaption", "main",   "nav",        "aside", "form", "body",  "caption"};
const QHash<QString, QString> kNamedEntities = {
    {"amp", "&"},    {"lt", "<"},    {"gt", ">"},    {"quot", "\""},  {"apos", "'"},
    {"nbsp", " "},   {"copy", "©"},  {"reg", "®"},   {"hellip", "…"}, {"mdash", "—"},
    {"ndash", "–"},  {"lsquo", "‘"}, {"rsquo", "’"}, {"ldquo", "“"},  {"rdquo", "”"},
    {"middot", "·"}, {"trade", "™"}, {"deg", "°"},   {"times", "×"},  {"bull", "•"}};

class HtmlText {
public:
    explicit HtmlText(BlockEmitter& out) : out_(out) {}

    void feed(QStringView chunk) {
        for (QChar c : chunk)
            step(c);
    }
    void finish() {
        if (state_ == State::Entity) text_ += QLatin1Char('&') + entity_;
        flush(true);
    }

private:
    enum class State { Text, Tag, Comment, Skipping, Entity };

    void step(QChar c) {
        switch (state_) {
        case State::Text:
            if (c == u'<') {
                state_ = State::Tag;
                tag_.clear();
                quote_ = QChar();
                tagHasEquals_ = false;
            } else if (c == u'&') {
                state_ = State::Entity;
                entity_.clear();
            } else {
                appendText(c);
            }
            break;
        case State::Entity:
            if ((c.isLetterOrNumber() || c == u'#') && entity_.size() < 10) {
                entity_ += c;
            } else {
                state_ = State::Text;
                if (c == u';') {
                    appendText(decodeEntity(entity_));
                } else {
                    appendText(QLatin1Char('&') + entity_);
                    step(c);
                }
            }
            break;
        case State::Tag:
            // Linear in the tag's length (issue #19 item 5: re-scanning the tag for '=' at every quote
            // made a tag of N quote characters quadratic: 34 h at 50 MB). Only the name matters, so a
            // tag's text is kept up to kMaxTagChars and the rest is only scanned.
            if (!quote_.isNull()) {
                if (c == quote_) quote_ = QChar();
                appendTag(c);
            } else if (c == u'>') {
                state_ = State::Text;
                closeTag();
            } else {
                if ((c == u'"' || c == u'\'') && tagHasEquals_) quote_ = c;
                if (c == u'=') tagHasEquals_ = true;
                appendTag(c);
                if (tag_ == QLatin1String("!--")) {
                    state_ = State::Comment;
                    window_.clear();
                }
            }
            break;
        case State::Comment:
            window_ = (window_ + c).right(3);
            if (window_ == QLatin1String("-->")) state_ = State::Text;
            break;
        case State::Skipping:
            // Raw text until "</name": no tags, entities or comments count inside script/style.
            window_ = (window_ + c.toLower()).right(skipEnd_.size());
            if (window_ == skipEnd_) {
                state_ = State::Tag;
                tag_ = QLatin1Char('/') + skipEnd_.mid(2);
                quote_ = QChar();
            }
            break;
        }
    }

    void appendTag(QChar c) {
        if (tag_.size() < kMaxTagChars) tag_ += c;
    }

    void closeTag() {
        QString t = tag_.trimmed();
        if (t.startsWith(u'!') || t.startsWith(u'?')) return; // doctype, processing instruction
        const bool closing = t.startsWith(u'/');
        if (closing) t.remove(0, 1);
        const bool selfClosing = t.endsWith(u'/');
        qsizetype end = 0;
        while (end < t.size() && (t.at(end).isLetterOrNumber() || t.at(end) == u'-'))
            ++end;
        const QString name = t.left(end).toLower();
        if (!closing && !selfClosing && kSkippedElements.contains(name)) {
            state_ = State::Skipping;
            skipEnd_ = QStringLiteral("</") + name;
            window_.clear();
            return;
        }
        if (name == u"td" || name == u"th") {
            if (closing) appendText(QStringLiteral(" | "));
            return;
        }
        if (!kBlockElements.contains(name)) return;
        const bool heading = name.size() == 2 && name.at(0) == u'h' && name.at(1).isDigit();
        if (heading && closing) section_ = text_.trimmed();
        flush(true);
    }

    QString decodeEntity(const QString& entity) const {
        if (entity.startsWith(u'#')) {
            bool ok = false;
            const uint code = entity.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                                  ? entity.mid(2).toUInt(&ok, 16)
                                  : entity.mid(1).toUInt(&ok);
            if (ok && code > 0 && code <= 0x10FFFF) {
                const char32_t cp = code;
                return QString::fromUcs4(&cp, 1);
            }
        }
        return kNamedEntities.value(entity, QLatin1Char('&') + entity + QLatin1Char(';'));
    }

    void appendText(QChar c) {
        // Whitespace collapses as a browser renders it.
        if (c.isSpace()) {
            if (!text_.isEmpty() && !text_.back().isSpace()) text_ += QLatin1Char(' ');
            return;
        }
        text_ += c;
        if (text_.size() >= kMaxBlockChars && !c.isHighSurrogate()) flush(false);
    }
    void appendText(const QString& s) {
        for (QChar c : s)
            appendText(c);
    }

    void flush(bool paragraphEnd) {
        if (!text_.trimmed().isEmpty() || !paragraphEnd)
            out_.emitBlock({paragraphEnd ? text_.trimmed() : text_, 0, section_, paragraphEnd});
        text_.clear();
    }

    BlockEmitter& out_;
    State state_ = State::Text;
    QString text_, tag_, entity_, window_, skipEnd_, section_;
    QChar quote_;
    bool tagHasEquals_ = false;
    static constexpr qsizetype kMaxTagChars = 1024;
};

} // namespace

void extractHtml(QFile& file, const EncodingGuess& guess, BlockEmitter& out) {
    StreamingTextDecoder decoder(guess.encoding);
    HtmlText html(out);
    file.seek(guess.bomBytes);
    const qint64 total = qMax<qint64>(1, file.size());
    while (!file.atEnd()) {
        out.checkCancel();
        const QByteArray bytes = file.read(256 * 1024);
        if (bytes.isEmpty()) break;
        html.feed(decoder.decode(bytes));
        out.progress(double(file.pos()) / double(total));
    }
    html.feed(decoder.flush());
    html.finish();
}

} // namespace sosoik::documents::detail
