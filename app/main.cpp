#include "CommandLine.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && rs::isSubcommand(args[0]))
        return rs::runCommandLine(args);
    if (args.empty()) {
        // The desktop window is not built yet: run the main job headless on the demo.
        std::cout << "reasonscope: no window yet in this build; analysing the bundled demo.\n";
        return rs::runCommandLine({"analyze"});
    }
    return rs::runCommandLine(args);
}
