#include "CommandLine.h"

#include <iostream>
#include <string>
#include <vector>

// `reasonscope-cli SUBCOMMAND ...`: the same subcommands as `reasonscope`, in an executable
// that needs no display, no OpenGL and no widget toolkit (servers, CI, containers).
int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "open" || args[0] == "--screenshot")) {
        std::cerr << "reasonscope-cli has no window; `reasonscope " << args[0]
                  << " ...` opens it.\n";
        return 2;
    }
    return rs::runCommandLine(args);
}
