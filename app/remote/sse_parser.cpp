#include "remote/sse_parser.h"

namespace sosoik::app::remote {

QList<QByteArray> SseParser::feed(const QByteArray& bytes) {
    QList<QByteArray> events;
    for (const char c : bytes) {
        if (afterCr_ && c == '\n') { // "\r\n" is one line end
            afterCr_ = false;
            continue;
        }
        afterCr_ = c == '\r';
        if (c != '\r' && c != '\n') {
            line_ += c;
            continue;
        }
        if (line_.isEmpty()) { // a blank line dispatches the event
            if (hasData_) events.append(data_);
            data_.clear();
            hasData_ = false;
            continue;
        }
        const qsizetype colon = line_.indexOf(':');
        const QByteArray field = colon < 0 ? line_ : line_.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line_.mid(colon + 1);
        if (value.startsWith(' ')) value.remove(0, 1);
        if (field == "data") {
            if (hasData_) data_ += '\n';
            data_ += value;
            hasData_ = true;
        }
        line_.clear();
    }
    return events;
}

} // namespace sosoik::app::remote
