#include "interrupt.h"

#include "sosoik/session.h"

#include <csignal>
#include <cstring>
#include <unistd.h>

namespace sosoik::cli::interrupt {
namespace {

std::atomic<bool> gRequested{false};
std::atomic<int> gCooperating{0};
std::atomic<Session*> gSession{nullptr};
std::atomic<void (*)()> gHook{nullptr};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<Session*>::is_always_lock_free,
              "the handler may only touch lock-free atomics");

void writeStderr(const char* text) {
    const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
    (void)ignored;
}

// Only async-signal-safe work here: atomics, write(2), _exit(2).
void onSigint(int) {
    if (gRequested.exchange(true) || gCooperating.load() == 0) {
        writeStderr("\ninterrupted\n");
        ::_exit(kInterruptedExit);
    }
    if (Session* session = gSession.load()) session->cancel();
    if (auto hook = gHook.load()) hook();
}

} // namespace

void install() {
    struct sigaction action {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
}

Cooperate::Cooperate() {
    gCooperating.fetch_add(1);
}
Cooperate::~Cooperate() {
    gCooperating.fetch_sub(1);
}

CancelSession::CancelSession(Session& session) {
    gSession.store(&session);
    if (gRequested.load()) session.cancel(); // Ctrl-C came before the session existed
}
CancelSession::~CancelSession() {
    gSession.store(nullptr);
}

OnInterrupt::OnInterrupt(void (*hook)()) {
    gHook.store(hook);
    if (gRequested.load()) hook();
}
OnInterrupt::~OnInterrupt() {
    gHook.store(nullptr);
}

bool requested() {
    return gRequested.load();
}

const std::atomic<bool>& flag() {
    return gRequested;
}

} // namespace sosoik::cli::interrupt
