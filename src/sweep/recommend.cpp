#include "sweep/recommend.h"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

#include "text/number_format.h"

namespace gcsim::sweep {
namespace {

struct Ranked {
  std::uint64_t failures, cycles, lowest_max_free, heap_bytes;
  std::size_t index;

  // Smaller is better; the order of the rule.
  auto key() const { return std::tuple(failures, cycles, ~lowest_max_free, heap_bytes, index); }
};

Ranked rank(const SweepSpec& spec, const CellResult& c) {
  return {count_of(c, "failures.total"), gc_cycles(spec, c), count_of(c, "lowest_max_free"),
          c.heap_bytes, c.index};
}

DecidedBy decided_by(const Ranked& a, const Ranked& b) {
  if (a.failures != b.failures) return DecidedBy::failures;
  if (a.cycles != b.cycles) return DecidedBy::gc_work;
  if (a.lowest_max_free != b.lowest_max_free) return DecidedBy::lowest_max_free;
  if (a.heap_bytes != b.heap_bytes) return DecidedBy::heap;
  return DecidedBy::grid_order;
}

std::string reason(const SweepSpec& spec, DecidedBy by, const Ranked& a, const Ranked& b) {
  const std::string failures =
      a.failures == 0 ? "no MemoryError"
                      : fmt::format("{} MemoryErrors, the fewest", grouped(a.failures));
  const auto ms = [&](std::uint64_t cycles) {
    return fmt::format("{:.3f} ms", spec.cost.milliseconds(cycles));
  };
  switch (by) {
    case DecidedBy::only_setting:
      return (a.failures == 0 ? std::string("no MemoryError")
                              : fmt::format("{} MemoryErrors", grouped(a.failures))) +
             "; the only setting swept";
    case DecidedBy::failures:
      return fmt::format("{}; the runner-up has {}", failures, grouped(b.failures));
    case DecidedBy::gc_work:
      return fmt::format("{}; least GC work: {} vs {} estimated", failures, ms(a.cycles),
                         ms(b.cycles));
    case DecidedBy::lowest_max_free:
      return fmt::format("{}; GC work tied at {}; larger lowest free run: {} vs {} bytes", failures,
                         ms(a.cycles), grouped(a.lowest_max_free), grouped(b.lowest_max_free));
    case DecidedBy::heap:
      return fmt::format("{}; GC work and lowest free run tied; smaller heap: {} vs {} bytes",
                         failures, grouped(a.heap_bytes), grouped(b.heap_bytes));
    case DecidedBy::grid_order:
      break;
  }
  return failures + "; tied with the runner-up on every rule; first in the grid";
}

}  // namespace

std::vector<Recommendation> recommend(const SweepResult& result) {
  std::vector<Recommendation> out;
  if (result.shard) return out;
  for (std::size_t t = 0; t < result.spec.traces.size(); ++t) {
    std::vector<Ranked> ranked;
    for (const CellResult& c : result.cells) {
      if (c.coord.trace == t) ranked.push_back(rank(result.spec, c));
    }
    if (ranked.empty()) continue;
    const auto by_rule = [](const Ranked& a, const Ranked& b) { return a.key() < b.key(); };
    std::partial_sort(ranked.begin(), ranked.begin() + std::min<std::size_t>(2, ranked.size()),
                      ranked.end(), by_rule);
    Recommendation r;
    r.trace = t;
    r.best = ranked[0].index;
    if (ranked.size() > 1) {
      r.runner_up = ranked[1].index;
      r.decided_by = decided_by(ranked[0], ranked[1]);
    }
    r.reason =
        reason(result.spec, r.decided_by, ranked[0], ranked.size() > 1 ? ranked[1] : ranked[0]);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace gcsim::sweep
