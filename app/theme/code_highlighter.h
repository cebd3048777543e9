#pragma once
// Syntax highlighting for code blocks in answers. Debian 12 packages KSyntaxHighlighting only for
// Qt 5, and a QSyntaxHighlighter needs a QTextDocument the QML TextEdit does not expose, so this is a
// small tokenizer of our own: per language, its keywords, built-in types, comment and string forms
// and numbers — what a reader needs to scan an answer's code, not a compiler's grammar. Unknown
// languages are shown plain. The result is HTML made only of escaped text and colour spans (nothing
// a QTextDocument could fetch), rendered by the code block's TextEdit.
#include "theme/theme_colors.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace sosoik::app {

enum class CodeTokenKind { Keyword, Type, String, Comment, Number };

struct CodeToken {
    qsizetype start = 0;
    qsizetype length = 0;
    CodeTokenKind kind = CodeTokenKind::Keyword;
    bool operator==(const CodeToken&) const = default;
};

// True when `language` (a fence's info string: "cpp", "Python", "js", ...) is highlighted.
bool isHighlightedLanguage(const QString& language);

// The styled spans of `code`, in order, not overlapping; plain text has none.
QList<CodeToken> tokenizeCode(QStringView code, const QString& language);

// `code` as HTML for a rich-text TextEdit: escaped, whitespace kept, tokens in the theme's colours.
QString highlightedCodeHtml(const QString& code, const QString& language, const ThemeColors& colors);

} // namespace sosoik::app
