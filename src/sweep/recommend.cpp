#include "sweep/recommend.h"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

#include "text/number_format.h"

namespace gcsim::sweep {
namespace {

struct Ranked {
  bool safe;
  std::uint64_t failures, cycles, lowest_max_free, heap_bytes;
  std::size_t index;
};

// The keys of `prefer`'s rule after safety and failures, in order; smaller is better.
enum class Key : std::uint8_t { heap, gc_time, free_run };
std::vector<Key> keys_of(Prefer prefer) {
  switch (prefer) {
    case Prefer::gc_time:
      return {Key::gc_time, Key::heap};
    case Prefer::free_run:
      return {Key::free_run, Key::gc_time, Key::heap};
    case Prefer::heap:
      break;
  }
  return {Key::heap, Key::gc_time};
}

std::uint64_t value(const Ranked& r, Key k) {
  switch (k) {
    case Key::gc_time:
      return r.cycles;
    case Key::free_run:
      return ~r.lowest_max_free;  // larger is better
    case Key::heap:
      break;
  }
  return r.heap_bytes;
}

DecidedBy decided_by_key(Key k) {
  switch (k) {
    case Key::gc_time:
      return DecidedBy::gc_time;
    case Key::free_run:
      return DecidedBy::free_run;
    case Key::heap:
      break;
  }
  return DecidedBy::heap;
}

bool before(const Ranked& a, const Ranked& b, const std::vector<Key>& keys) {
  if (a.safe != b.safe) return a.safe;
  if (a.failures != b.failures) return a.failures < b.failures;
  for (Key k : keys) {
    if (value(a, k) != value(b, k)) return value(a, k) < value(b, k);
  }
  return a.index < b.index;
}

DecidedBy decided_by(const Ranked& a, const Ranked& b, const std::vector<Key>& keys) {
  if (a.safe != b.safe) return DecidedBy::safety;
  if (a.failures != b.failures) return DecidedBy::failures;
  for (Key k : keys) {
    if (value(a, k) != value(b, k)) return decided_by_key(k);
  }
  return DecidedBy::grid_order;
}

std::string margin_text(const SweepSpec& spec, const CellResult& c) {
  if (!c.margin) return "";
  return fmt::format(", on any heap down to {} bytes (margin {})", grouped(c.margin->from_bytes),
                     spec.safety_margin.label());
}

class Reasons {
 public:
  Reasons(const SweepResult& r, const std::vector<CellSafety>& safety) : r_(r), safety_(safety) {}

  std::string safety_clause(const Ranked& a) const {
    const CellResult& c = cell(a);
    if (a.safe) {
      return "safe: no MemoryError on it" + margin_text(r_.spec, c) +
             " or on any larger heap of the grid at this threshold";
    }
    if (a.failures > 0) {
      return fmt::format("no setting is safe; this one has {}, the fewest",
                         plural(a.failures, "MemoryError", "MemoryErrors"));
    }
    return "no setting is safe; no MemoryError on it, but " + why(a);
  }

  std::string deciding_clause(DecidedBy by, const Ranked& a, const Ranked& b) const {
    const auto ms = [&](std::uint64_t cycles) {
      return grouped_decimal(r_.spec.cost.milliseconds(cycles), 3);
    };
    switch (by) {
      case DecidedBy::only_setting:
        return "the only setting swept";
      case DecidedBy::safety:
        return "the runner-up is not safe: " + why(b);
      case DecidedBy::failures:
        return "the runner-up has " + plural(b.failures, "MemoryError", "MemoryErrors");
      case DecidedBy::heap:
        return fmt::format("the smallest heap: {} vs {} bytes", grouped(a.heap_bytes),
                           grouped(b.heap_bytes));
      case DecidedBy::gc_time:
        return fmt::format("{}the least est. GC time: {} vs {} ms",
                           r_.spec.prefer != Prefer::heap || a.heap_bytes != b.heap_bytes ? ""
                           : a.safe ? "on the smallest safe heap, "
                                    : "on the same heap, ",
                           ms(a.cycles), ms(b.cycles));
      case DecidedBy::free_run:
        return fmt::format("the largest lowest free run: {} vs {} bytes",
                           grouped(a.lowest_max_free), grouped(b.lowest_max_free));
      case DecidedBy::grid_order:
        break;
    }
    return "tied with the runner-up on every rule; first in the grid";
  }

  std::string why(const Ranked& a) const {
    const std::size_t pos = position(a);
    return safety_[pos].why;
  }

 private:
  std::size_t position(const Ranked& a) const {
    return static_cast<std::size_t>(&cell(a) - r_.cells.data());
  }
  const CellResult& cell(const Ranked& a) const { return cell_with_index(r_, a.index); }

  const SweepResult& r_;
  const std::vector<CellSafety>& safety_;
};

// What --min-heap found at the best's threshold, if it ran.
std::string min_heap_clause(const SweepResult& r, const CellResult& best) {
  for (const MinHeapResult& m : r.min_heaps) {
    if (m.trace != best.coord.trace || m.threshold != best.coord.threshold) continue;
    if (!m.heap_bytes) {
      return fmt::format("; --min-heap: no heap up to {} bytes holds at this threshold",
                         grouped(m.searched_to_bytes));
    }
    return fmt::format("; --min-heap: every heap from {} to {} bytes passes at this threshold",
                       grouped(*m.heap_bytes), grouped(m.searched_to_bytes));
  }
  return "";
}

RunnerUpCost cost_of(const SweepSpec& spec, const CellResult& best, const CellResult& runner_up) {
  RunnerUpCost cost;
  cost.heap_bytes =
      static_cast<std::int64_t>(runner_up.heap_bytes) - static_cast<std::int64_t>(best.heap_bytes);
  if (spec.traces[best.coord.trace].preset == "k210") {
    cost.kpu_bytes =
        spec.k210.kpu_bytes_left(runner_up.heap_bytes) - spec.k210.kpu_bytes_left(best.heap_bytes);
  }
  cost.gc_ms = spec.cost.milliseconds(gc_cycles(spec, runner_up)) -
               spec.cost.milliseconds(gc_cycles(spec, best));
  return cost;
}

std::string cost_text(const RunnerUpCost& c) {
  std::string memory;
  if (c.kpu_bytes) {
    memory = *c.kpu_bytes == 0  ? "the same KPU memory"
             : *c.kpu_bytes < 0 ? grouped(-*c.kpu_bytes) + " fewer bytes for the KPU"
                                : grouped(*c.kpu_bytes) + " more bytes for the KPU";
  } else {
    memory = c.heap_bytes == 0 ? "the same heap" : fmt::format("{:+} heap bytes", c.heap_bytes);
  }
  return fmt::format("{}, {:+.3f} ms est. GC", memory, c.gc_ms);
}

}  // namespace

std::string_view safety_name(Safety s) {
  switch (s) {
    case Safety::fails:
      return "fails";
    case Safety::larger_heap_fails:
      return "larger_heap_fails";
    case Safety::margin_fails:
      return "margin_fails";
    case Safety::safe:
      break;
  }
  return "safe";
}

std::string_view decided_by_name(DecidedBy by) {
  switch (by) {
    case DecidedBy::only_setting:
      return "only_setting";
    case DecidedBy::safety:
      return "safety";
    case DecidedBy::failures:
      return "failures";
    case DecidedBy::heap:
      return "heap";
    case DecidedBy::gc_time:
      return "gc_time";
    case DecidedBy::free_run:
      return "free_run";
    case DecidedBy::grid_order:
      break;
  }
  return "grid_order";
}

namespace {

// With --min-heap: the smallest heap above the cell's, up to the search bound, that fails at
// its threshold.
std::optional<std::uint64_t> failing_heap_above(const SweepResult& r, const CellResult& c) {
  for (const MinHeapResult& m : r.min_heaps) {
    if (m.trace != c.coord.trace || m.threshold != c.coord.threshold) continue;
    if (c.heap_bytes >= m.searched_to_bytes) return std::nullopt;
    if (m.heap_bytes && c.heap_bytes >= *m.heap_bytes) return std::nullopt;
    for (const HeapRun& run : m.islands) {
      if (!run.passes && run.to_bytes > c.heap_bytes)
        return std::max(run.from_bytes, c.heap_bytes + 1);
    }
    return m.searched_to_bytes;  // no heap holds up to the bound: the bound fails
  }
  return std::nullopt;
}

}  // namespace

std::vector<CellSafety> cell_safety(const SweepResult& r) {
  std::vector<CellSafety> out;
  if (r.shard) return out;
  for (const CellResult& c : r.cells) {
    CellSafety s;
    const std::uint64_t failures = count_of(c, "failures.total");
    if (failures > 0) {
      s.safety = Safety::fails;
      s.why = plural(failures, "MemoryError", "MemoryErrors");
      out.push_back(std::move(s));
      continue;
    }
    const CellResult* larger = nullptr;  // the smallest larger heap that fails
    for (const CellResult& o : r.cells) {
      if (o.coord.trace != c.coord.trace || o.coord.threshold != c.coord.threshold ||
          o.heap_bytes <= c.heap_bytes || count_of(o, "failures.total") == 0) {
        continue;
      }
      if (!larger || o.heap_bytes < larger->heap_bytes) larger = &o;
    }
    const std::optional<std::uint64_t> scanned = failing_heap_above(r, c);
    if (scanned && (!larger || *scanned < larger->heap_bytes)) {
      s.safety = Safety::larger_heap_fails;
      s.why =
          fmt::format("the larger heap {} fails at this threshold (--min-heap)", grouped(*scanned));
    } else if (larger) {
      s.safety = Safety::larger_heap_fails;
      s.failing_cell = larger->index;
      s.why = fmt::format(
          "the larger heap {} fails at this threshold ({})", grouped(larger->heap_bytes),
          plural(count_of(*larger, "failures.total"), "MemoryError", "MemoryErrors"));
    } else if (c.margin && !c.margin->holds) {
      s.safety = Safety::margin_fails;
      s.why = c.margin->fails_at_bytes
                  ? fmt::format("the heap {} within the safety margin ({}) fails",
                                grouped(*c.margin->fails_at_bytes), r.spec.safety_margin.label())
                  : "a heap within the safety margin fails";
    } else {
      s.why = "no MemoryError here or on a larger heap";
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string recommendation_rule(const SweepSpec& spec) {
  std::string keys;
  for (Key k : keys_of(spec.prefer)) {
    keys += k == Key::heap      ? " > smallest heap"
            : k == Key::gc_time ? " > least est. GC time"
                                : " > largest lowest free run";
  }
  const std::string margin =
      spec.safety_margin == SafetyMargin{}
          ? ""
          : fmt::format(" and on any heap down to {} below it", spec.safety_margin.label());
  return fmt::format(
      "goal {}: safe{} > grid order (safe: no MemoryError on the heap{} or on any larger grid "
      "heap at its threshold{}; else fewest MemoryErrors)",
      prefer_name(spec.prefer), keys, margin,
      spec.min_heap ? ", nor on any heap up to the --min-heap bound" : "");
}

std::vector<Recommendation> recommend(const SweepResult& result,
                                      const std::vector<CellSafety>& safety) {
  std::vector<Recommendation> out;
  if (result.shard) return out;
  const std::vector<Key> keys = keys_of(result.spec.prefer);
  const Reasons reasons(result, safety);
  for (std::size_t t = 0; t < result.spec.traces.size(); ++t) {
    std::vector<Ranked> ranked;
    for (std::size_t i = 0; i < result.cells.size(); ++i) {
      const CellResult& c = result.cells[i];
      if (c.coord.trace != t) continue;
      ranked.push_back({safety.at(i).safety == Safety::safe, count_of(c, "failures.total"),
                        gc_cycles(result.spec, c), count_of(c, "lowest_max_free"), c.heap_bytes,
                        c.index});
    }
    if (ranked.empty()) continue;
    const auto by_rule = [&](const Ranked& a, const Ranked& b) { return before(a, b, keys); };
    std::partial_sort(ranked.begin(), ranked.begin() + std::min<std::size_t>(2, ranked.size()),
                      ranked.end(), by_rule);
    Recommendation rec;
    rec.trace = t;
    rec.best = ranked[0].index;
    rec.safe = ranked[0].safe;
    if (ranked.size() > 1) {
      rec.runner_up = ranked[1].index;
      rec.decided_by = decided_by(ranked[0], ranked[1], keys);
      const CellResult& best = cell_with_index(result, rec.best);
      const CellResult& runner_up = cell_with_index(result, *rec.runner_up);
      rec.runner_up_cost = cost_of(result.spec, best, runner_up);
      rec.runner_up_text = cost_text(*rec.runner_up_cost);
    }
    rec.reason = reasons.safety_clause(ranked[0]) + "; " +
                 reasons.deciding_clause(rec.decided_by, ranked[0],
                                         ranked.size() > 1 ? ranked[1] : ranked[0]) +
                 min_heap_clause(result, cell_with_index(result, rec.best));
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<Recommendation> recommend(const SweepResult& result) {
  return recommend(result, cell_safety(result));
}

}  // namespace gcsim::sweep
