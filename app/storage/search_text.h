#pragma once
// Query parsing and snippet highlighting for full-text search (pure functions, no database).
#include <QString>
#include <QStringList>

namespace sosoik::storage::searchtext {

// Whitespace-separated, de-duplicated (case-insensitively) terms of a user query.
QStringList terms(const QString& query);
// Trigram FTS5 indexes only substrings of at least 3 characters (code points).
bool isIndexable(const QString& term);
// FTS5 MATCH expression requiring every indexable term as a literal substring, e.g. "반갑습" "서울시".
QString ftsMatchExpression(const QStringList& terms);
// A LIKE pattern (ESCAPE '\') matching the term anywhere.
QString likePattern(const QString& term);
// An HTML-escaped excerpt of text around the first match, every match wrapped in <b>...</b>,
// cut with "…" where text was left out. Newlines become spaces.
QString snippetHtml(const QString& text, const QStringList& terms, int before = 40, int after = 110);

} // namespace sosoik::storage::searchtext
