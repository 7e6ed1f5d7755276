#include "CommandLine.h"
#include "GuiMain.h"

#include <string>
#include <vector>

// Subcommands run headless (no display needed); no subcommand, or `open`, starts the
// window.
int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool window = args.empty() || args[0] == "open" || args[0] == "--screenshot";
    // Anything else is a subcommand, or a mistake the command line explains without
    // needing a display.
    return window ? rs::runGui(argc, argv) : rs::runCommandLine(args);
}
