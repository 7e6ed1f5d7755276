#include "GateCommand.h"

#include "CompareCommand.h"
#include "ComparisonText.h"
#include "FindingKinds.h"
#include "HtmlReportWriter.h"
#include "RunComparison.h"

#include <cstdio>
#include <iostream>
#include <sstream>

namespace rs {

namespace {

constexpr const char* kGateUsage =
    R"(Usage: reasonscope gate --project FILE --run RUN [--base RUN] [--max-rate CLASS=X ...]
                        [--max-regressions N] [--min-accuracy X] [--junit FILE]
  A release gate for CI: checks each rule on run RUN, prints it with its value and PASS or
  FAIL, and with --junit writes JUnit XML (one test case per rule).
    --max-rate CLASS=X    at most a share X (0..1) of RUN's analysed cases has a finding
                          of CLASS, a finding type (relation, branch, missing, grounding,
                          reading) or sub-kind (e.g. wrong_relation); repeatable
    --max-regressions N   at most N questions right in --base are wrong in RUN (needs --base)
    --min-accuracy X      RUN's accuracy over its scored cases is at least X (0..1)
  A run that was cut short (its analysis did not finish) fails the gate.
Exit status: 0 every rule holds, 3 a rule fails, 1 the project could not be read or the
XML not written, 2 bad usage (a run or class that does not exist included).
)";

int usage(const std::string& message) {
    std::cerr << "reasonscope gate: " << message << "\n\n" << kGateUsage;
    return 2;
}

struct RateRule {
    std::string className;
    double limit = 0;
};

struct GateOptions {
    std::string project, run, base, junit;
    std::vector<RateRule> rates;
    std::optional<std::int64_t> maxRegressions;
    std::optional<double> minAccuracy;
};

struct RuleResult {
    std::string name;  // "max-rate relation"
    std::string value; // "0.123"
    std::string limit; // "<= 0.200"
    bool holds = false;
    std::string detail;
};

bool parseShare(const std::string& s, double& out) {
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size() || !(v >= 0 && v <= 1))
            return false;
        out = v;
        return true;
    } catch (...) {
        return false;
    }
}

bool parseCount(const std::string& s, std::int64_t& out) {
    try {
        std::size_t used = 0;
        const long long v = std::stoll(s, &used);
        if (used != s.size() || v < 0 || s.find_first_not_of("0123456789") != std::string::npos)
            return false;
        out = v;
        return true;
    } catch (...) {
        return false;
    }
}

bool knownClass(const std::string& name) {
    return findingTypeFromName(name) || findingSubtypeFromName(name);
}

// Empty on success, else the usage message.
std::string parseOptions(const std::vector<std::string>& args, GateOptions& o) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (i + 1 >= args.size())
            return a.starts_with("--") ? a + " needs a value" : "unknown argument: " + a;
        const std::string& v = args[++i];
        if (a == "--project")
            o.project = v;
        else if (a == "--run")
            o.run = v;
        else if (a == "--base")
            o.base = v;
        else if (a == "--junit")
            o.junit = v;
        else if (a == "--max-rate") {
            const std::size_t eq = v.find('=');
            RateRule r;
            if (eq == std::string::npos || eq == 0 || !parseShare(v.substr(eq + 1), r.limit))
                return "--max-rate takes CLASS=X with X from 0 to 1, not '" + v + "'";
            r.className = v.substr(0, eq);
            if (!knownClass(r.className))
                return "--max-rate: no finding class '" + r.className +
                       "' (types: " + findingTypeNameList() +
                       ", or a sub-kind such as wrong_relation)";
            o.rates.push_back(r);
        } else if (a == "--max-regressions") {
            std::int64_t n = 0;
            if (!parseCount(v, n))
                return "--max-regressions takes a whole number, not '" + v + "'";
            o.maxRegressions = n;
        } else if (a == "--min-accuracy") {
            double x = 0;
            if (!parseShare(v, x))
                return "--min-accuracy takes a number from 0 to 1, not '" + v + "'";
            o.minAccuracy = x;
        } else
            return "unknown argument: " + a;
    }
    if (o.project.empty() || o.run.empty())
        return "--project and --run are required";
    if (o.rates.empty() && !o.maxRegressions && !o.minAccuracy)
        return "no rule given (--max-rate, --max-regressions or --min-accuracy)";
    if (o.maxRegressions && o.base.empty())
        return "--max-regressions needs --base RUN";
    if (!o.base.empty() && o.base == o.run)
        return "--base and --run name the same run";
    return {};
}

std::string share(double v) {
    return formatRate(v);
}

RuleResult rateRule(const ProjectStore& store, const ProjectStore::RunInfo& run,
                    const RateRule& r) {
    std::int64_t analysed = 0, flagged = 0;
    const int typeIndex = findingTypeIndex(r.className);
    for (const auto& c : store.runCases(run.id)) {
        analysed += c.analysed;
        if (typeIndex >= 0)
            flagged += c.findingsByType[std::size_t(typeIndex)] > 0;
    }
    if (typeIndex < 0) {
        CaseQuery q;
        q.runId = run.id;
        q.findingSubtypes = {r.className};
        flagged = store.countCases(q);
    }
    RuleResult out;
    out.name = "max-rate " + r.className;
    out.limit = "<= " + share(r.limit);
    if (analysed == 0) {
        out.value = "n/a";
        out.detail = "no analysed case in the run";
        return out;
    }
    const double rate = double(flagged) / double(analysed);
    out.value = share(rate);
    out.holds = rate <= r.limit;
    out.detail = std::to_string(flagged) + " of " + std::to_string(analysed) +
                 " analysed cases have a " + r.className + " finding";
    return out;
}

std::vector<RuleResult> evaluate(const ProjectStore& store, const GateOptions& o,
                                 const ProjectStore::RunInfo& run,
                                 const std::optional<ProjectStore::RunInfo>& base) {
    std::vector<RuleResult> out;
    out.push_back({"run-complete", run.complete ? "yes" : "no", "", run.complete,
                   run.complete ? "the run's analysis finished"
                                : "the run's analysis was cut short; re-run analyze"});
    for (const auto& r : o.rates)
        out.push_back(rateRule(store, run, r));
    if (o.maxRegressions) {
        const RunComparison c = compareRuns(store, base->id, run.id);
        const std::int64_t n = c.regressions();
        out.push_back({"max-regressions", std::to_string(n),
                       "<= " + std::to_string(*o.maxRegressions), n <= *o.maxRegressions,
                       std::to_string(n) + " of " + std::to_string(c.accuracy.scoredPairs) +
                           " paired questions right in " + base->label + " are wrong (" +
                           std::to_string(c.fixes()) + " fixed)"});
    }
    if (o.minAccuracy) {
        const auto acc = run.accuracy();
        RuleResult r{"min-accuracy", acc ? share(*acc) : "n/a", ">= " + share(*o.minAccuracy),
                     acc && *acc >= *o.minAccuracy,
                     std::to_string(run.correct) + " of " +
                         std::to_string(run.correct + run.incorrect) + " scored cases right"};
        out.push_back(std::move(r));
    }
    return out;
}

std::string junitXml(const std::string& runLabel, const std::vector<RuleResult>& rules) {
    int failures = 0;
    for (const auto& r : rules)
        failures += !r.holds;
    const std::string suite = htmlEscape("reasonscope gate " + runLabel);
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"reasonscope gate\" tests=\"" << rules.size() << "\" failures=\""
      << failures << "\" errors=\"0\">\n"
      << "  <testsuite name=\"" << suite << "\" tests=\"" << rules.size() << "\" failures=\""
      << failures << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
    for (const auto& r : rules) {
        x << "    <testcase classname=\"reasonscope.gate\" name=\""
          << htmlEscape(r.limit.empty() ? r.name : r.name + " " + r.limit) << "\" time=\"0\">";
        const std::string text = r.name + " = " + r.value +
                                 (r.limit.empty() ? "" : " (" + r.limit + ")") + ": " + r.detail;
        if (!r.holds)
            x << "\n      <failure type=\"gate\" message=\"" << htmlEscape(text) << "\">"
              << htmlEscape(text) << "</failure>\n    ";
        else
            x << "<system-out>" << htmlEscape(text) << "</system-out>";
        x << "</testcase>\n";
    }
    x << "  </testsuite>\n</testsuites>\n";
    return x.str();
}

} // namespace

int runGateCommand(const std::vector<std::string>& args) {
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            std::cout << kGateUsage;
            return 0;
        }
    GateOptions o;
    if (const std::string error = parseOptions(args, o); !error.empty())
        return usage(error);
    auto store = openProjectForReading(o.project);
    if (!store)
        return 1;
    const auto run = runByLabelOrComplain(*store, o.run);
    if (!run)
        return 2;
    std::optional<ProjectStore::RunInfo> base;
    if (!o.base.empty() && !(base = runByLabelOrComplain(*store, o.base)))
        return 2;
    ProjectStore::ReadSnapshot snapshot(*store);
    const std::vector<RuleResult> rules = evaluate(*store, o, *run, base);
    int failures = 0;
    std::cout << "Gate on " << run->label << (base ? " against " + base->label : "") << "\n";
    for (const auto& r : rules) {
        failures += !r.holds;
        char line[256];
        std::snprintf(line, sizeof line, "  %s  %-28s %-8s %-10s ", r.holds ? "PASS" : "FAIL",
                      r.name.c_str(), r.value.c_str(), r.limit.c_str());
        std::cout << line << r.detail << "\n";
    }
    std::cout << (failures ? "FAILED: " + std::to_string(failures) + " of " +
                                 std::to_string(rules.size()) + " rules do not hold"
                           : "PASSED: all " + std::to_string(rules.size()) + " rules hold")
              << "\n";
    if (!o.junit.empty()) {
        if (!writeTextFile(o.junit, junitXml(run->label, rules)))
            return 1;
        std::cout << "JUnit XML written to " << o.junit << "\n";
    }
    return failures ? kGateFailed : 0;
}

} // namespace rs
