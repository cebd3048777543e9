#pragma once
// One /v1/chat/completions or /v1/completions request from the moment it is queued on the engine worker
// until its answer is written: the whole JSON at the end, or server-sent events as the tokens come. When
// the client goes away the generation is cancelled (it stops within one token) and the log says how
// many tokens had been sent and where the engine stopped.
#include "inference/generation_job.h"
#include "server/http_connection.h"
#include "server/openai_protocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace sosoik::app::server {

class CompletionResponder : public QObject {
    Q_OBJECT
public:
    CompletionResponder(HttpConnection* connection, const CompletionCall& call, AnswerHeader header,
                        GenerationJobPtr job, QObject* parent = nullptr);
    ~CompletionResponder() override;

    void cancel(); // the server is shutting down

signals:
    // Exactly once, when the request is over (answered, failed or abandoned): the log line.
    void done(const QString& logLine);

private:
    void onStarted(const GenerationStats& stats);
    void onText(const QString& text, const GenerationStats& stats);
    void onFinished(const GenerationStats& stats);
    void onFailed(const QString& message);
    void onClientGone();
    void conclude(int status, const QString& what);

    QPointer<HttpConnection> connection_;
    const bool stream_;
    const bool includeUsage_;
    const AnswerHeader header_;
    GenerationJobPtr job_;
    QString text_;
    int tokensSent_ = 0; // as the engine counted them when their text was written to the client
    bool streaming_ = false;
    bool clientGone_ = false;
    bool concluded_ = false;
    QElapsedTimer timer_;
};

} // namespace sosoik::app::server
