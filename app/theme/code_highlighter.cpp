#include "theme/code_highlighter.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace sosoik::app {
namespace {

struct LanguageSpec {
    QSet<QString> keywords;
    QSet<QString> types;
    QStringList lineComments;   // "//", "#", "--"
    bool blockComments = false; // /* … */
    QString quotes;             // characters that open a string
    bool tripleQuotes = false;  // Python's """ and '''
    bool preprocessor = false;  // C's #include, #define at the start of a line
    bool caseInsensitive = false;
    bool shortCharLiterals = false; // ' only as 'x' or '\n' (Rust lifetimes are not strings)
    bool hashNeedsSpace = false;    // shell: # starts a comment only at the start of a word
};

QSet<QString> words(const char* list) {
    QSet<QString> set;
    for (const QString& w : QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        set.insert(w);
    return set;
}

const QHash<QString, LanguageSpec>& specs() {
    static const QHash<QString, LanguageSpec> table = [] {
        QHash<QString, LanguageSpec> t;
        const auto add = [&t](const char* names, const LanguageSpec& spec) {
            for (const QString& name : QString::fromLatin1(names).split(QLatin1Char(' ')))
                t.insert(name, spec);
        };
        const QString cQuotes = QStringLiteral("\"'");
        add("c h cpp c++ cc cxx hpp hxx cuda objc",
            {words(
                 "auto break case catch class const consteval constexpr continue co_await co_return co_yield "
                 "default delete do else enum explicit export extern false final for friend goto if inline "
                 "namespace new noexcept nullptr operator override private protected public return sizeof "
                 "static static_cast dynamic_cast reinterpret_cast const_cast struct switch template this "
                 "throw true try typedef typename union using virtual volatile while concept requires"),
             words("bool char char8_t char16_t char32_t double float int long short signed unsigned void "
                   "wchar_t size_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t std "
                   "string "
                   "vector map"),
             {QStringLiteral("//")},
             true,
             cQuotes,
             false,
             true});
        add("python py python3 py3",
            {words(
                 "False None True and as assert async await break class continue def del elif else except "
                 "finally for from global if import in is lambda nonlocal not or pass raise return try while "
                 "with yield match case self"),
             words("int float str bool list dict set tuple bytes object type complex range"),
             {QStringLiteral("#")},
             false,
             cQuotes,
             true});
        add("javascript js jsx mjs node typescript ts tsx",
            {words("async await break case catch class const continue debugger default delete do else export "
                   "extends false finally for from function if import in instanceof let new null of return "
                   "static super switch this throw true try typeof undefined var void while yield interface "
                   "type enum implements readonly as"),
             words("string number boolean any unknown never object bigint Array Promise Map Set Object"),
             {QStringLiteral("//")},
             true,
             QStringLiteral("\"'`")});
        add("java",
            {words("abstract assert break case catch class continue default do else enum extends final "
                   "finally for if implements import instanceof interface native new package private "
                   "protected public record return static super switch synchronized this throw throws "
                   "transient try var volatile while true false null"),
             words("boolean byte char double float int long short void String Object Integer List Map"),
             {QStringLiteral("//")},
             true,
             cQuotes});
        add("csharp cs c#",
            {words(
                 "abstract as async await base break case catch class const continue default delegate do "
                 "else "
                 "enum event explicit extern false finally fixed for foreach goto if implicit in interface "
                 "internal is lock namespace new null operator out override params private protected public "
                 "readonly record ref return sealed static struct switch this throw true try typeof using "
                 "var "
                 "virtual volatile while"),
             words("bool byte char decimal double float int long object sbyte short string uint ulong ushort "
                   "void"),
             {QStringLiteral("//")},
             true,
             cQuotes});
        add("go golang",
            {words("break case chan const continue default defer else fallthrough for func go goto if import "
                   "interface map package range return select struct switch type var true false nil"),
             words("any bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune "
                   "string uint uint8 uint16 uint32 uint64 uintptr"),
             {QStringLiteral("//")},
             true,
             QStringLiteral("\"'`")});
        add("rust rs",
            {words("as async await break const continue crate dyn else enum extern false fn for if impl "
                   "in let loop match mod move mut pub ref return self Self static struct super trait "
                   "true type unsafe use where while"),
             words("bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize String "
                   "Vec Option Result Box Some None Ok Err"),
             {QStringLiteral("//")},
             true,
             cQuotes,
             false,
             false,
             false,
             true});
        add("kotlin kt", {words("as break class continue data do else false for fun if import in interface "
                                "internal is null object override package private public return super this "
                                "throw true try typealias val var when while"),
                          words("Int Long Double Float Boolean String Char Unit Any List Map"),
                          {QStringLiteral("//")},
                          true,
                          cQuotes});
        add("bash sh shell zsh console shellsession",
            {words("if then else elif fi case esac for while until do done in function return local export "
                   "readonly select time"),
             words("echo cd exit set unset read printf source test sudo"),
             {QStringLiteral("#")},
             false,
             cQuotes,
             false,
             false,
             false,
             false,
             true});
        add("sql sqlite mysql postgresql postgres",
            {words(
                 "select from where and or not insert into values update set delete create table drop alter "
                 "index join left right inner outer on group by order having limit offset as distinct union "
                 "all null is in like between primary key foreign references default exists case when then "
                 "else end begin commit rollback with asc desc if"),
             words("int integer bigint text varchar char real float double boolean date timestamp blob "
                   "numeric"),
             {QStringLiteral("--")},
             true,
             cQuotes,
             false,
             false,
             true});
        add("json jsonc", {words("true false null"), {}, {}, false, QStringLiteral("\"")});
        return t;
    }();
    return table;
}

const LanguageSpec* specFor(const QString& language) {
    const auto& table = specs();
    const auto it = table.constFind(language.trimmed().toLower());
    return it == table.constEnd() ? nullptr : &*it;
}

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

qsizetype endOfLine(QStringView code, qsizetype i) {
    const qsizetype nl = code.indexOf(QLatin1Char('\n'), i);
    return nl < 0 ? code.size() : nl;
}

// The end of a string opened by code[i] (a quote character); unclosed strings end at the line's end
// (or at the text's end for backtick strings, which may span lines).
qsizetype endOfString(QStringView code, qsizetype i, bool triple) {
    const QChar quote = code[i];
    if (triple) {
        const QStringView delimiter = code.mid(i, 3);
        const qsizetype close = code.indexOf(delimiter, i + 3);
        return close < 0 ? code.size() : close + 3;
    }
    for (qsizetype j = i + 1; j < code.size(); ++j) {
        if (code[j] == QLatin1Char('\\')) {
            ++j;
            continue;
        }
        if (code[j] == quote) return j + 1;
        if (code[j] == QLatin1Char('\n') && quote != QLatin1Char('`')) return j;
    }
    return code.size();
}

qsizetype endOfNumber(QStringView code, qsizetype i) {
    qsizetype j = i;
    while (j < code.size()) {
        const QChar c = code[j];
        const bool exponentSign = (c == QLatin1Char('+') || c == QLatin1Char('-')) && j > i &&
                                  (code[j - 1] == QLatin1Char('e') || code[j - 1] == QLatin1Char('E')) &&
                                  !code.mid(i, 2).startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
        const bool decimalPoint = c == QLatin1Char('.') && j + 1 < code.size() && code[j + 1].isDigit();
        if (isWordChar(c) || exponentSign || decimalPoint || c == QLatin1Char('\''))
            ++j;
        else
            break;
    }
    return j;
}

} // namespace

bool isHighlightedLanguage(const QString& language) {
    return specFor(language) != nullptr;
}

QList<CodeToken> tokenizeCode(QStringView code, const QString& language) {
    QList<CodeToken> tokens;
    const LanguageSpec* spec = specFor(language);
    if (!spec) return tokens;
    const auto push = [&tokens](qsizetype start, qsizetype end, CodeTokenKind kind) {
        if (end > start) tokens.append({start, end - start, kind});
    };
    bool lineStart = true; // only blanks since the last newline
    qsizetype i = 0;
    while (i < code.size()) {
        const QChar c = code[i];
        const QStringView rest = code.mid(i);
        const bool wordStart = i == 0 || !isWordChar(code[i - 1]);
        if (spec->blockComments && rest.startsWith(QLatin1String("/*"))) {
            const qsizetype close = code.indexOf(QLatin1String("*/"), i + 2);
            const qsizetype end = close < 0 ? code.size() : close + 2;
            push(i, end, CodeTokenKind::Comment);
            i = end;
            lineStart = false;
            continue;
        }
        bool comment = false;
        for (const QString& prefix : spec->lineComments)
            comment = comment ||
                      (rest.startsWith(prefix) && (!spec->hashNeedsSpace || i == 0 || code[i - 1].isSpace()));
        if (comment) {
            const qsizetype end = endOfLine(code, i);
            push(i, end, CodeTokenKind::Comment);
            i = end;
            continue;
        }
        if (spec->preprocessor && lineStart && c == QLatin1Char('#')) {
            qsizetype end = i + 1; // "#", blanks, the directive's name
            while (end < code.size() && code[end] == QLatin1Char(' '))
                ++end;
            while (end < code.size() && isWordChar(code[end]))
                ++end;
            push(i, end, CodeTokenKind::Keyword);
            i = end;
            lineStart = false;
            continue;
        }
        if (spec->quotes.contains(c)) {
            const bool triple = spec->tripleQuotes && rest.startsWith(QString(3, c));
            qsizetype end = endOfString(code, i, triple);
            // Rust: 'a is a lifetime; only 'x' and '\n' are character literals.
            const bool lifetime = spec->shortCharLiterals && c == QLatin1Char('\'') && end - i > 4;
            if (!lifetime) {
                push(i, end, CodeTokenKind::String);
                i = end;
                lineStart = false;
                continue;
            }
        }
        if (c.isDigit() && wordStart) {
            const qsizetype end = endOfNumber(code, i);
            push(i, end, CodeTokenKind::Number);
            i = end;
            lineStart = false;
            continue;
        }
        if (isWordChar(c) && wordStart) {
            qsizetype end = i;
            while (end < code.size() && isWordChar(code[end]))
                ++end;
            QString word = code.mid(i, end - i).toString();
            if (spec->caseInsensitive) word = word.toLower();
            if (spec->keywords.contains(word))
                push(i, end, CodeTokenKind::Keyword);
            else if (spec->types.contains(word))
                push(i, end, CodeTokenKind::Type);
            i = end;
            lineStart = false;
            continue;
        }
        if (c == QLatin1Char('\n'))
            lineStart = true;
        else if (!c.isSpace())
            lineStart = false;
        ++i;
    }
    return tokens;
}

QString highlightedCodeHtml(const QString& code, const QString& language, const ThemeColors& colors) {
    const auto color = [&colors](CodeTokenKind kind) {
        switch (kind) {
        case CodeTokenKind::Keyword:
            return colors.syntaxKeyword;
        case CodeTokenKind::Type:
            return colors.syntaxType;
        case CodeTokenKind::String:
            return colors.syntaxString;
        case CodeTokenKind::Comment:
            return colors.syntaxComment;
        case CodeTokenKind::Number:
            return colors.syntaxNumber;
        }
        return colors.codeText;
    };
    // Escaped text, newlines as <br> (the importer folds them otherwise), spaces kept by pre-wrap.
    const auto escaped = [](QStringView text) {
        return text.toString().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
    };
    QString html =
        QStringLiteral("<div style=\"white-space: pre-wrap; color: %1\">").arg(colors.codeText.name());
    qsizetype at = 0;
    for (const CodeToken& t : tokenizeCode(code, language)) {
        html += escaped(QStringView(code).mid(at, t.start - at));
        html += QStringLiteral("<span style=\"color: %1\">").arg(color(t.kind).name());
        html += escaped(QStringView(code).mid(t.start, t.length));
        html += QLatin1String("</span>");
        at = t.start + t.length;
    }
    html += escaped(QStringView(code).mid(at));
    html += QLatin1String("</div>");
    return html;
}

} // namespace sosoik::app
