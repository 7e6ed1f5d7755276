#include "CommandLine.h"

#include <string>
#include <vector>

// `reasonscope-cli SUBCOMMAND ...`: the same subcommands as `reasonscope`, in an executable
// that needs no display, no OpenGL and no widget toolkit (servers, CI, containers).
int main(int argc, char** argv)
{
    return rs::runCommandLine(std::vector<std::string>(argv + 1, argv + argc));
}
