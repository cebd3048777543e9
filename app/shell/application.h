#pragma once

namespace sosoik::app {
// Application name, style and fonts; called by main and by GUI tests before building windows.
void configureApplication();
// Parses the command line (--data-dir, ...), builds the window and runs the event loop.
int runApplication(int argc, char* argv[]);
} // namespace sosoik::app
