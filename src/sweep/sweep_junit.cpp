#include "sweep/sweep_junit.h"

#include <fmt/ostream.h>

#include "text/xml_escape.h"

namespace gcsim::sweep {
namespace {

struct Case {
  std::size_t trace;
  std::string name;
  CheckStatus status;
  std::string message;
};

std::vector<Case> cases_of(const SweepReport& report) {
  const SweepResult& r = report.result;
  std::vector<Case> cases;
  if (!report.gate) {
    for (const CellResult& c : r.cells) {
      cases.push_back(
          {c.coord.trace, setting_name(r.spec, c) + ": replay", CheckStatus::passed, ""});
    }
    return cases;
  }
  for (const Check& check : report.gate->checks) {
    const CellResult& c = cell_with_index(r, check.cell);
    cases.push_back(
        {c.coord.trace, setting_name(r.spec, c) + ": " + check.name, check.status, check.message});
  }
  return cases;
}

std::size_t count(const std::vector<Case>& cases, std::optional<std::size_t> trace,
                  CheckStatus status) {
  std::size_t n = 0;
  for (const Case& c : cases) n += (!trace || c.trace == *trace) && c.status == status;
  return n;
}

std::size_t count_all(const std::vector<Case>& cases, std::optional<std::size_t> trace) {
  std::size_t n = 0;
  for (const Case& c : cases) n += !trace || c.trace == *trace;
  return n;
}

}  // namespace

void write_sweep_junit(std::ostream& out, const SweepReport& report) {
  const SweepResult& r = report.result;
  const std::vector<Case> cases = cases_of(report);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  fmt::print(out, "<testsuites name=\"gcsim sweep\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
             count_all(cases, std::nullopt), count(cases, std::nullopt, CheckStatus::failed),
             count(cases, std::nullopt, CheckStatus::skipped));
  for (std::size_t t = 0; t < r.spec.traces.size(); ++t) {
    const std::string suite = xml_escape(r.spec.traces[t].name);
    fmt::print(out, "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
               suite, count_all(cases, t), count(cases, t, CheckStatus::failed),
               count(cases, t, CheckStatus::skipped));
    for (const Case& c : cases) {
      if (c.trace != t) continue;
      fmt::print(out, "    <testcase classname=\"gcsim.sweep.{}\" name=\"{}\"", suite,
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
  out << "</testsuites>\n";
}

}  // namespace gcsim::sweep
