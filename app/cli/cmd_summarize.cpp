// `sosoik-cli summarize -m MODEL FILE`: the document summary pipeline without the GUI.
// The summary streams to stdout; progress and diagnostics go to stderr.
#include "command.h"
#include "engine_options.h"
#include "interrupt.h"

#include "documents/chunk_spool.h"
#include "documents/document_error.h"
#include "summarize/engine_backend.h"
#include "summarize/summary_pipeline.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <atomic>
#include <cstdio>
#include <unistd.h>

namespace sosoik::cli {
namespace {

std::atomic<summarize::SummarizerBackend*> gBackend{nullptr};

void onInterrupt() {
    // Ctrl-C stops generation within a token, and reading the document within a chunk; what is done so
    // far is still printed.
    if (auto* backend = gBackend.load()) backend->interrupt();
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

// Qt cannot name a file whose name is not valid in the locale's encoding (non-UTF-8 bytes become U+FFFD
// and "the file does not exist", issue #19 item 9): such a file is reached through a symlink with a
// plain name (keeping its suffix, which picks the format) in a private temporary folder.
QString usablePath(const std::string& raw, QTemporaryDir& linkDir) {
    const QString decoded = QFile::decodeName(QByteArray::fromStdString(raw));
    if (QFile::encodeName(decoded) == QByteArray::fromStdString(raw) || !linkDir.isValid()) return decoded;
    const QString link = linkDir.filePath(QStringLiteral("document.") + QFileInfo(decoded).suffix());
    if (::symlink(raw.c_str(), QFile::encodeName(link).constData()) != 0) return decoded;
    return link;
}

int runSummarize(Args& args) {
    const std::string model = takeModelPath(args);
    const std::string lang = args.take({"--lang"}).value_or("auto");
    const int words = args.takeInt({"--words"}, 200);
    const int context = args.takeInt({"--ctx", "-c"}, 0);
    const double maxTextMillions = args.takeDouble({"--max-text"}, 0);
    const LoadOptions load = takeLoadOptions(args);
    const bool quiet = args.flag({"--quiet", "-q"});
    const auto files = args.positionals();
    if (files.size() != 1) throw Error(Error::Kind::InvalidArgument, "summarize needs exactly one FILE");
    if (lang != "auto" && lang != "ko" && lang != "en")
        throw Error(Error::Kind::InvalidArgument, "--lang must be auto, ko or en");
    if (context < 0)
        throw Error(Error::Kind::InvalidArgument, "--ctx must be 0 (the model's) or a positive size");
    if (maxTextMillions < 0) throw Error(Error::Kind::InvalidArgument, "--max-text must be positive");
    if (words < 10 || words > 5000)
        throw Error(Error::Kind::InvalidArgument, "--words must be between 10 and 5000");
    QTemporaryDir linkDir;
    const QString file = usablePath(files.front(), linkDir);
    if (!QFileInfo::exists(file)) { // before the (slow) model load
        std::fprintf(stderr, "error: the file %s does not exist\n", files.front().c_str());
        return 1;
    }
    auto progress = [&](const QString& line) {
        if (!quiet) std::fprintf(stderr, "%s\n", line.toUtf8().constData());
    };

    const interrupt::Cooperate cooperate;
    auto loaded = Model::load(model, load);
    if (interrupt::requested()) {
        std::fprintf(stderr, "cancelled while loading the model\n");
        return interrupt::kInterruptedExit;
    }
    summarize::EngineSummarizerBackend backend(*loaded, context);
    gBackend = &backend;
    const interrupt::OnInterrupt cancelBackend(onInterrupt);

    summarize::SummaryOptions options{QString::fromStdString(lang), words, QFileInfo(file).fileName()};
    summarize::SummaryPipeline pipeline(backend, options);
    documents::ChunkSpool spool;
    documents::ExtractInfo info;
    documents::ExtractOptions extract;
    extract.cancel = &interrupt::flag();
    if (maxTextMillions > 0) extract.maxTextChars = qint64(maxTextMillions * 1e6);
    try {
        info = pipeline.prepare(file, spool, extract);
    } catch (const documents::DocumentError& e) {
        if (e.kind() == documents::DocumentError::Kind::Cancelled) {
            std::fprintf(stderr, "cancelled while reading the document (%d chunk(s) read)\n", spool.count());
            return interrupt::kInterruptedExit;
        }
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
        result = pipeline.run(spool, interrupt::flag());
    } catch (const summarize::SummaryError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    gBackend = nullptr;
    if (!streamed) printOut(result.summary);
    printOut(QStringLiteral("\n"));
    if (result.cancelled) {
        std::fprintf(stderr, "cancelled after %d model call(s); printed what was done\n", result.llmCalls);
        return interrupt::kInterruptedExit;
    }
    progress(QStringLiteral("done: %1 model call(s)").arg(result.llmCalls));
    return 0;
}

const RegisterCommand reg{
    {"summarize", "summarize a document (pdf, docx, pptx, xlsx, odt, hwpx, html, txt) with a model",
     "usage: sosoik-cli summarize -m MODEL.gguf FILE [--lang auto|ko|en] [--words N] [--ctx N]\n"
     "                            [--max-text MILLIONS] [--backend auto|vulkan|cpu|reference]\n"
     "                            [--device N] [-t N] [--fast-prompts] [--quiet]\n\n"
     "Extracts the text of FILE, cuts it into chunks that fit the model's context, summarizes\n"
     "each chunk and combines the partial summaries into one (map-reduce), streaming the final\n"
     "summary to stdout. Progress goes to stderr. --lang picks the summary's language (default:\n"
     "the document's), --words its approximate length (default 200), --max-text the most text read\n"
     "from the document in millions of characters (default 50). Ctrl-C stops within a token (or\n"
     "while the document is read) and prints what is done; the exit code is then 130.",
     runSummarize}};

} // namespace
} // namespace sosoik::cli
