// `sosoik-cli serve -m MODEL`: the OpenAI-compatible server without the GUI (app/server/), for scripts,
// editors and web UIs on this PC, or for a team's machine. stdout says where it listens (one line,
// "listening on http://HOST:PORT"); stderr logs one line per request (never keys or message text).
#include "command.h"

#include "inference/engine_worker.h"
#include "inference/sosoik_backend.h"
#include "server/api_server.h"

#include "sosoik/error.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace sosoik::cli {
namespace {

std::atomic<bool> gStop{false};
void onSignal(int) {
    gStop.store(true);
}

QString readKeyFile(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::InvalidArgument, "cannot read the API key file '" + path + "'");
    const QString key = QString::fromUtf8(file.readAll()).trimmed();
    if (key.isEmpty()) throw Error(Error::Kind::InvalidArgument, "the API key file '" + path + "' is empty");
    return key;
}

int runServe(Args& args) {
    auto model = args.take({"-m", "--model"});
    if (!model) throw Error(Error::Kind::InvalidArgument, "missing -m MODEL (a .gguf file)");
    const std::string host = args.take({"--host"}).value_or("127.0.0.1");
    const int port = args.takeInt({"--port"}, 8080);
    auto key = args.take({"--api-key"});
    const auto keyFile = args.take({"--api-key-file"});
    const int ctx = args.takeInt({"--ctx", "-c"}, 0);
    const int maxTokens = args.takeInt({"--max-tokens"}, 1024);
    const int maxWaiting = args.takeInt({"--max-waiting"}, 32);
    const std::string backend = args.take({"--backend"}).value_or("auto");
    const int device = args.takeInt({"--device"}, -1);
    const int threads = args.takeInt({"--threads", "-t"}, 0);
    const bool fastPrompts = args.flag({"--fast-prompts"});
    const bool quiet = args.flag({"--quiet", "-q"});
    if (!args.positionals().empty())
        throw Error(Error::Kind::InvalidArgument, "unexpected argument '" + args.positionals()[0] + "'");
    if (port < 0 || port > 65535) throw Error(Error::Kind::InvalidArgument, "--port must be 0..65535");
    if (maxTokens < 1) throw Error(Error::Kind::InvalidArgument, "--max-tokens must be at least 1");
    if (maxWaiting < 1) throw Error(Error::Kind::InvalidArgument, "--max-waiting must be at least 1");
    if (threads < 0) throw Error(Error::Kind::InvalidArgument, "-t must be at least 1 (0: the default)");

    app::server::ServerOptions options;
    if (!options.address.setAddress(QString::fromStdString(host == "localhost" ? "127.0.0.1" : host)))
        throw Error(Error::Kind::InvalidArgument,
                    "--host expects an IP address (e.g. 127.0.0.1 or 0.0.0.0), got '" + host + "'");
    options.port = quint16(port);
    if (keyFile)
        options.apiKey = readKeyFile(*keyFile);
    else if (key)
        options.apiKey = QString::fromStdString(*key);
    else
        options.apiKey = qEnvironmentVariable("SOSOIK_API_KEY");
    options.defaults.maxNewTokens = maxTokens;
    options.defaults.contextLength = ctx;
    options.defaults.temperature = 0.8;
    options.maxWaiting = maxWaiting;
    if (!app::server::isLoopback(options.address) && options.apiKey.isEmpty())
        throw Error(Error::Kind::InvalidArgument,
                    "listening on " + host +
                        " lets other computers use the model: give --api-key-file FILE "
                        "(or --api-key KEY, or SOSOIK_API_KEY), or listen on 127.0.0.1");

    int argc = 1;
    char name[] = "sosoik-cli";
    char* argv[] = {name, nullptr};
    QCoreApplication application(argc, argv);
    app::EngineWorker worker(std::make_unique<app::SosoikBackend>());

    // Load first: a server without its model would only answer 503.
    QString loadError;
    app::ModelDetails details;
    {
        QEventLoop loop;
        QObject::connect(&worker, &app::EngineWorker::modelLoaded, &loop,
                         [&](int, const app::ModelDetails& d) {
                             details = d;
                             loop.quit();
                         });
        QObject::connect(&worker, &app::EngineWorker::modelLoadFailed, &loop,
                         [&](int, const QString&, const QString& message) {
                             loadError = message;
                             loop.quit();
                         });
        app::LoadRequest load;
        load.path = QString::fromStdString(*model);
        load.backend = QString::fromStdString(backend);
        load.device = device;
        load.threads = threads;
        load.cpuFastPrompts = fastPrompts;
        worker.loadModel(load);
        loop.exec();
    }
    if (!loadError.isEmpty()) throw Error(Error::Kind::InvalidModel, loadError.toStdString());

    app::server::ApiServer server(&worker, options);
    // The context every request runs in (EngineWorker::prepareSession: the asked one, else 4096, at most the
    // trained).
    int context = ctx > 0 ? ctx : 4096;
    if (details.trainedContext > 0) context = std::min(context, details.trainedContext);
    server.setModel(QFileInfo(QString::fromStdString(*model)).completeBaseName(), context);
    if (!quiet)
        QObject::connect(&server, &app::server::ApiServer::logLine, [](const QString& line) {
            std::fprintf(stderr, "%s\n", line.toUtf8().constData());
        });
    QString error;
    if (!server.start(&error)) throw Error(Error::Kind::Io, error.toStdString());
    std::fprintf(stderr, "model %s (%s) on %s\n", server.modelId().toUtf8().constData(),
                 details.architecture.toUtf8().constData(), details.backendName.toUtf8().constData());
    std::printf("listening on %s\n", server.url().toUtf8().constData());
    std::fflush(stdout);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!gStop.load()) return;
        poll.stop();
        std::fprintf(stderr, "stopping\n");
        server.stop();
        // Let the cancelled requests say so (503) before leaving.
        QTimer::singleShot(200, &application, &QCoreApplication::quit);
    });
    poll.start(100);
    application.exec();
    return 0;
}

const RegisterCommand reg{
    {"serve", "serve a model over OpenAI's HTTP API (for scripts, editors, web UIs)",
     "usage: sosoik-cli serve -m MODEL [--host 127.0.0.1] [--port 8080] [--api-key-file FILE | --api-key "
     "KEY]\n"
     "                        [--ctx N] [--max-tokens N] [--max-waiting N] [--backend "
     "auto|vulkan|cpu|reference]\n"
     "                        [--device N] [-t N] [--fast-prompts] [--quiet]\n\n"
     "Answers GET /health, GET /v1/models, POST /v1/chat/completions and POST /v1/completions (streaming\n"
     "as server-sent events with \"stream\": true) until Ctrl-C. Prints `listening on http://HOST:PORT` to\n"
     "stdout once ready (--port 0 picks a free port); stderr logs one line per request.\n"
     "Listening on anything but loopback requires a key, which clients send as `Authorization: Bearer KEY`;\n"
     "prefer --api-key-file or the SOSOIK_API_KEY variable (a --api-key on the command line is visible to\n"
     "other users in `ps`). Requests from web pages (with an Origin header) are refused.\n"
     "Defaults: --ctx the model's (at most 4096), --max-tokens 1024 when a request gives no max_tokens,\n"
     "--max-waiting 32 requests queued before 503.",
     runServe}};

} // namespace
} // namespace sosoik::cli
