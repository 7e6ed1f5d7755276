#pragma once
// The window's entry: `reasonscope` (the demo project, analysed first if needed) and
// `reasonscope open PROJECT [--case ID] [--run RUN]`. `--screenshot FILE` saves the window
// once it has settled and quits (tests and documentation use it).
namespace rs {

int runGui(int argc, char** argv);

} // namespace rs
