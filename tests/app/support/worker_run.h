#pragma once
// Runs EngineWorker requests to their end from a test: the streamed pieces, the final stats or the
// failure, optionally cancelling after a number of pieces; and loads a model, returning the failure text.
#include "inference/engine_worker.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>

namespace sosoik::test {

struct WorkerAnswer {
    QStringList pieces;
    app::GenerationStats stats;
    QString error; // empty unless failed()
    bool done = false;
    QString text() const { return pieces.join(QString()); }
};

// Collects a job's signals into answer (which must outlive the job's signals).
inline void collect(const app::GenerationJobPtr& job, WorkerAnswer* answer, int cancelAfter = -1) {
    app::GenerationJob* j = job.get();
    QObject::connect(j, &app::GenerationJob::textGenerated, j,
                     [answer, j, cancelAfter](const QString& t, const app::GenerationStats&) {
                         answer->pieces << t;
                         if (int(answer->pieces.size()) == cancelAfter) j->cancel();
                     });
    QObject::connect(j, &app::GenerationJob::finished, j, [answer](const app::GenerationStats& s) {
        answer->stats = s;
        answer->done = true;
    });
    QObject::connect(j, &app::GenerationJob::failed, j, [answer](const QString& m) {
        answer->error = m;
        answer->done = true;
    });
}

inline WorkerAnswer runToEnd(app::EngineWorker& worker, const app::GenerationRequest& request,
                             int cancelAfter = -1, int timeoutMs = 180000) {
    WorkerAnswer answer;
    app::GenerationJobPtr job = worker.generate(request);
    collect(job, &answer, cancelAfter);
    if (!QTest::qWaitFor([&] { return answer.done; }, timeoutMs)) answer.error = QStringLiteral("timeout");
    return answer;
}

// Empty on success (details filled), else the worker's message.
inline QString loadModel(app::EngineWorker& worker, const app::LoadRequest& request,
                         app::ModelDetails* details = nullptr, int timeoutMs = 120000) {
    QSignalSpy loaded(&worker, &app::EngineWorker::modelLoaded);
    QSignalSpy failed(&worker, &app::EngineWorker::modelLoadFailed);
    worker.loadModel(request);
    if (!QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, timeoutMs))
        return QStringLiteral("timeout");
    if (!failed.isEmpty()) return failed.first().at(2).toString();
    if (details) *details = loaded.first().at(1).value<app::ModelDetails>();
    return {};
}

inline app::LoadRequest remoteRequest(const QString& url, const QString& model = {},
                                      const QString& key = {}) {
    app::LoadRequest r;
    r.remoteUrl = url;
    r.remoteModel = model;
    r.remoteKey = key;
    r.path = url;
    return r;
}

inline app::GenerationRequest chatRequest(const QString& question, int maxTokens, double temperature = 0) {
    app::GenerationRequest r;
    r.messages = {{QStringLiteral("user"), question}};
    r.settings.temperature = temperature;
    r.settings.maxNewTokens = maxTokens;
    r.settings.contextLength = 512;
    return r;
}

} // namespace sosoik::test
