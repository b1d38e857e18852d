#include "sweep/sweep_junit.h"

#include <fmt/ostream.h>

#include "sweep/sweep_report.h"
#include "text/xml_escape.h"

namespace gcsim::sweep {
namespace {

struct Case {
  std::optional<std::size_t> trace;  // none: the gate itself
  std::string name;
  CheckStatus status;
  std::string message;
};

std::vector<Case> cases_of(const SweepReport& report) {
  const SweepResult& r = report.result;
  std::vector<Case> cases;
  if (!report.gate) {
    // No gate: a case per cell, failing when the cell has MemoryErrors.
    for (const CellResult& c : r.cells) {
      const std::uint64_t failures = count_of(c, "failures.total");
      cases.push_back({c.coord.trace, setting_name(r.spec, c) + ": replay",
                       failures ? CheckStatus::failed : CheckStatus::passed,
                       failures ? fmt::format("{} MemoryErrors (capacity/fragmentation/disabled "
                                              "{})",
                                              failures, failures_by_class(c))
                                : ""});
    }
    return cases;
  }
  for (const std::string& e : report.gate->errors) {
    cases.push_back({std::nullopt, "gate", CheckStatus::failed, e});
  }
  for (const Check& check : report.gate->checks) {
    const std::string name =
        check.cell ? fmt::format("{}: {}", setting_name(r.spec, cell_with_index(r, *check.cell)),
                                 check.name)
                   : fmt::format("trace: {}", check.name);
    cases.push_back({check.trace, name, check.status, check.message});
  }
  return cases;
}

// Cases of one suite (`all`: every case).
struct Suite {
  bool all = false;
  std::optional<std::size_t> trace;
  bool holds(const Case& c) const { return all || c.trace == trace; }
};

std::size_t count(const std::vector<Case>& cases, Suite suite, CheckStatus status) {
  std::size_t n = 0;
  for (const Case& c : cases) n += suite.holds(c) && c.status == status;
  return n;
}

std::size_t count_all(const std::vector<Case>& cases, Suite suite) {
  std::size_t n = 0;
  for (const Case& c : cases) n += suite.holds(c);
  return n;
}

void write_suite(std::ostream& out, const std::vector<Case>& cases, Suite suite,
                 const std::string& name) {
  fmt::print(out, "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n", name,
             count_all(cases, suite), count(cases, suite, CheckStatus::failed),
             count(cases, suite, CheckStatus::skipped));
  for (const Case& c : cases) {
    if (!suite.holds(c)) continue;
    fmt::print(out, "    <testcase classname=\"gcsim.sweep.{}\" name=\"{}\"", name,
               xml_escape(c.name));
    if (c.status == CheckStatus::passed) {
      out << "/>\n";
    } else if (c.status == CheckStatus::failed) {
      fmt::print(out, ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                 xml_escape(c.message), xml_escape(c.message));
    } else {
      fmt::print(out, ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                 xml_escape(c.message));
    }
  }
  out << "  </testsuite>\n";
}

}  // namespace

void write_sweep_junit(std::ostream& out, const SweepReport& report) {
  const SweepResult& r = report.result;
  const std::vector<Case> cases = cases_of(report);
  const Suite all{true, std::nullopt};
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  fmt::print(out, "<testsuites name=\"gcsim sweep\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
             count_all(cases, all), count(cases, all, CheckStatus::failed),
             count(cases, all, CheckStatus::skipped));
  if (report.gate && !report.gate->errors.empty()) write_suite(out, cases, {}, "gate");
  for (std::size_t t = 0; t < r.spec.traces.size(); ++t) {
    write_suite(out, cases, {false, t}, xml_escape(r.spec.traces[t].name));
  }
  out << "</testsuites>\n";
}

}  // namespace gcsim::sweep
