#pragma once
// The window's entry: `reasonscope` (the demo project, analysed first if needed) and
// `reasonscope open PROJECT [--case ID] [--run RUN]`. `--compare BASE HEAD` opens in compare
// mode on the runs of those labels (`--changed KIND` sets its filter; `--case` then names a
// question id or the key of one of its cases). `--screenshot FILE` saves the window once it
// has settled and quits (tests and documentation use it).
namespace rs {

int runGui(int argc, char** argv);

} // namespace rs
