#pragma once

namespace sosoik::app {
// Parses the command line (--data-dir, ...), builds the window and runs the event loop.
int runApplication(int argc, char* argv[]);
} // namespace sosoik::app
