#pragma once
// Ctrl-C (SIGINT) in every sosoik-cli command (issue #19 items 6 and 9). main() installs the handler.
// A command that does not cooperate is ended at once with exit code 130 and a note on stderr. A command
// that cooperates (run, summarize, bench) gets a flag instead, and the session it registered is
// cancelled from the handler: it stops within a token or a chunk, prints what it did and returns
// kInterruptedExit. A second Ctrl-C always ends the process at once.
#include <atomic>

namespace sosoik {
class Session;
}

namespace sosoik::cli::interrupt {

constexpr int kInterruptedExit = 130; // 128 + SIGINT, what shells expect

void install();
// Ctrl-C sets the flag instead of ending the process, until the returned guard goes out of scope.
class Cooperate {
public:
    Cooperate();
    ~Cooperate();
    Cooperate(const Cooperate&) = delete;
    Cooperate& operator=(const Cooperate&) = delete;
};
// While registered, Ctrl-C cancels this session (Session::cancel only stores an atomic).
class CancelSession {
public:
    explicit CancelSession(Session& session);
    ~CancelSession();
    CancelSession(const CancelSession&) = delete;
    CancelSession& operator=(const CancelSession&) = delete;
};

// While registered, Ctrl-C calls this (a captureless function that only stores atomics).
class OnInterrupt {
public:
    explicit OnInterrupt(void (*hook)());
    ~OnInterrupt();
    OnInterrupt(const OnInterrupt&) = delete;
    OnInterrupt& operator=(const OnInterrupt&) = delete;
};

bool requested();
const std::atomic<bool>& flag();

} // namespace sosoik::cli::interrupt
