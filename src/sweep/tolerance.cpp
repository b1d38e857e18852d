#include "sweep/tolerance.h"

#include <fmt/format.h>
#include <charconv>
#include <stdexcept>

#include "text/quote.h"

namespace gcsim::sweep {
namespace {

bool names(std::string_view name, std::string_view key) {
  if (name == "all") return true;
  if (!key.starts_with(name)) return false;
  return key.size() == name.size() || key[name.size()] == '.' || key[name.size()] == '_';
}

double parse_amount(std::string_view text, std::string_view item, bool& relative) {
  relative = text.ends_with('%');
  if (relative) text.remove_suffix(1);
  double multiplier = 1;
  if (!relative && (text.ends_with('K') || text.ends_with('M'))) {
    multiplier = text.back() == 'K' ? 1024 : 1024 * 1024;
    text.remove_suffix(1);
  }
  double amount = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(amount >= 0)) {
    throw std::invalid_argument(
        fmt::format("{}: a tolerance is a number >= 0, optionally with % (of the baseline) or K/M",
                    quote(item)));
  }
  return amount * multiplier;
}

std::string known_names() {
  std::string out = "all";
  for (const Metric& m : replay_metrics()) {
    if (gated(m) && !is_failure_metric(m)) out += ", " + std::string(m.key);
  }
  return out;
}

}  // namespace

bool gated(const Metric& metric) { return metric.worse != Worse::neither; }

bool is_failure_metric(const Metric& metric) { return metric.key.starts_with("failures."); }

Tolerances Tolerances::parse(std::string_view text) {
  Tolerances out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view item = text.substr(start, comma - start);
    start = comma + 1;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      throw std::invalid_argument(
          fmt::format("{} is not METRIC=AMOUNT (e.g. collections=5%)", quote(item)));
    }
    Tolerance t;
    t.name = std::string(item.substr(0, eq));
    t.amount = parse_amount(item.substr(eq + 1), item, t.relative);
    bool picks_gated = false;
    for (const Metric& m : replay_metrics()) {
      if (!gated(m) || !names(t.name, m.key)) continue;
      if (is_failure_metric(m) && t.name != "all") {
        throw std::invalid_argument(
            fmt::format("{}: MemoryErrors take no tolerance; any new one fails", quote(item)));
      }
      picks_gated = true;
    }
    if (!picks_gated) {
      throw std::invalid_argument(
          fmt::format("{} names no gated metric; known: {}", quote(t.name), known_names()));
    }
    out.items_.push_back(std::move(t));
  }
  return out;
}

const Tolerance* Tolerances::find(const Metric& metric) const {
  if (is_failure_metric(metric)) return nullptr;
  const Tolerance* best = nullptr;
  for (const Tolerance& t : items_) {
    if (!names(t.name, metric.key)) continue;
    const std::size_t length = t.name == "all" ? 0 : t.name.size();
    const std::size_t best_length = !best || best->name == "all" ? 0 : best->name.size();
    if (!best || length >= best_length) best = &t;
  }
  return best;
}

double Tolerances::allowance(const Metric& metric, double baseline) const {
  const Tolerance* t = find(metric);
  if (!t) return 0;
  return t->relative ? baseline * t->amount / 100.0 : t->amount;
}

std::string Tolerances::describe(const Metric& metric) const {
  const Tolerance* t = find(metric);
  if (!t) return "0";
  return fmt::format("{}{}", t->amount, t->relative ? "%" : "");
}

}  // namespace gcsim::sweep
