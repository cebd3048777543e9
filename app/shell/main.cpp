// Sosoik desktop app: wiring only. Features live in their folders (chat/, history/, ...).
#include "shell/application.h"

int main(int argc, char* argv[]) {
    return sosoik::app::runApplication(argc, argv);
}
