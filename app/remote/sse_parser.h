#pragma once
// Server-sent events (the WHATWG "text/event-stream" format) as OpenAI-compatible servers stream chat
// completions: bytes in, the data of each complete event out. Only `data:` fields matter for this API;
// comments (": keep-alive", which llama.cpp's server sends) and other fields are skipped.
#include <QByteArray>
#include <QList>

namespace sosoik::app::remote {

class SseParser {
public:
    // Adds bytes (any split, even inside a line or a UTF-8 character) and returns the data of every
    // event they complete: its data lines joined with "\n", one leading space of each removed.
    QList<QByteArray> feed(const QByteArray& bytes);
    // Bytes of an event not yet closed by a blank line (what a connection lost mid-event leaves).
    bool hasPartialEvent() const { return !line_.isEmpty() || hasData_; }

private:
    QByteArray line_;
    QByteArray data_;
    bool hasData_ = false;
    bool afterCr_ = false; // the last byte was '\r': a '\n' right after it ends nothing more
};

} // namespace sosoik::app::remote
