// `sosoik-cli summarize -m MODEL FILE`: the document summary pipeline without the GUI.
// The summary streams to stdout; progress and diagnostics go to stderr.
#include "command.h"
#include "engine_options.h"

#include "documents/chunk_spool.h"
#include "documents/document_error.h"
#include "summarize/engine_backend.h"
#include "summarize/summary_pipeline.h"

#include <QFileInfo>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace sosoik::cli {
namespace {

std::atomic<bool> gCancel{false};
summarize::SummarizerBackend* gBackend = nullptr;

void onInterrupt(int) {
    // Ctrl-C stops generation within a token; what is done so far is still printed.
    gCancel.store(true);
    if (gBackend) gBackend->interrupt();
}

QString clock(double seconds) {
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int runSummarize(Args& args) {
    const std::string model = takeModelPath(args);
    const std::string lang = args.take({"--lang"}).value_or("auto");
    const int words = args.takeInt({"--words"}, 200);
    const int context = args.takeInt({"--ctx", "-c"}, 0);
    const LoadOptions load = takeLoadOptions(args);
    const bool quiet = args.flag({"--quiet", "-q"});
    const auto files = args.positionals();
    if (files.size() != 1) throw Error(Error::Kind::InvalidArgument, "summarize needs exactly one FILE");
    if (lang != "auto" && lang != "ko" && lang != "en")
        throw Error(Error::Kind::InvalidArgument, "--lang must be auto, ko or en");
    if (words < 10 || words > 5000)
        throw Error(Error::Kind::InvalidArgument, "--words must be between 10 and 5000");
    const QString file = QString::fromStdString(files.front());
    if (!QFileInfo::exists(file)) { // before the (slow) model load
        std::fprintf(stderr, "error: the file %s does not exist\n", files.front().c_str());
        return 1;
    }
    auto progress = [&](const QString& line) {
        if (!quiet) std::fprintf(stderr, "%s\n", line.toUtf8().constData());
    };

    auto loaded = Model::load(model, load);
    summarize::EngineSummarizerBackend backend(*loaded, context);
    gBackend = &backend;
    std::signal(SIGINT, onInterrupt);

    summarize::SummaryOptions options{QString::fromStdString(lang), words, QFileInfo(file).fileName()};
    summarize::SummaryPipeline pipeline(backend, options);
    documents::ChunkSpool spool;
    documents::ExtractInfo info;
    try {
        info = pipeline.prepare(file, spool);
    } catch (const documents::DocumentError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    } catch (const summarize::SummaryError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    const auto budget = pipeline.budgetFor(pipeline.language());
    progress(
        QStringLiteral("%1: %2%3, %4 characters, %5 tokens in %6 chunk(s) of up to %7 tokens, summary in %8")
            .arg(QFileInfo(file).fileName(), info.format,
                 info.pages ? QStringLiteral(", %1 pages").arg(info.pages) : QString())
            .arg(info.characters)
            .arg(spool.totalTokens())
            .arg(spool.count())
            .arg(budget.chunkTokens)
            .arg(pipeline.language()));

    pipeline.onProgress = [&](const summarize::SummaryProgress& p) {
        QString line = QStringLiteral("[%1/%2] %3 — %4 elapsed")
                           .arg(p.call)
                           .arg(p.totalCalls)
                           .arg(p.text(), clock(p.elapsedSeconds));
        if (p.etaSeconds >= 0) line += QStringLiteral(", about %1 left").arg(clock(p.etaSeconds));
        progress(line);
    };
    bool streamed = false;
    pipeline.onSummaryText = [&](const QString& piece) {
        streamed = true;
        printOut(piece);
    };
    summarize::SummaryResult result;
    try {
        result = pipeline.run(spool, gCancel);
    } catch (const summarize::SummaryError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    gBackend = nullptr;
    if (!streamed) printOut(result.summary);
    printOut(QStringLiteral("\n"));
    if (result.cancelled) {
        std::fprintf(stderr, "cancelled after %d model call(s); printed what was done\n", result.llmCalls);
        return 130;
    }
    progress(QStringLiteral("done: %1 model call(s)").arg(result.llmCalls));
    return 0;
}

const RegisterCommand reg{
    {"summarize", "summarize a document (pdf, docx, hwpx, html, txt) with a model",
     "usage: sosoik-cli summarize -m MODEL.gguf FILE [--lang auto|ko|en] [--words N] [--ctx N]\n"
     "                            [--backend auto|vulkan|cpu|reference] [--device N] [-t N] [--quiet]\n\n"
     "Extracts the text of FILE, cuts it into chunks that fit the model's context, summarizes\n"
     "each chunk and combines the partial summaries into one (map-reduce), streaming the final\n"
     "summary to stdout. Progress goes to stderr. --lang picks the summary's language (default:\n"
     "the document's), --words its approximate length (default 200). Ctrl-C stops within a token\n"
     "and prints what is done.",
     runSummarize}};

} // namespace
} // namespace sosoik::cli
