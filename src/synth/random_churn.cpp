#include "synth/random_churn.h"

#include <random>

namespace gcsim {

std::vector<Event> random_churn(const ChurnParams& p) {
  std::mt19937_64 rng(p.seed);
  std::vector<Event> events;
  events.reserve(p.events);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> held;  // id, size
  std::uint64_t held_bytes = 0, next_id = 0;
  const auto target = static_cast<std::uint64_t>(static_cast<double>(p.pool_bytes) * p.live_share);
  while (events.size() < p.events) {
    const bool grow = held.empty() || (held_bytes < target ? rng() % 4 != 0 : rng() % 4 == 0);
    if (grow) {
      // Sizes as MicroPython objects ask: mostly 1–3 blocks, some hundreds of bytes, rare 4 KiB+.
      const std::uint64_t r = rng() % 100;
      const std::uint64_t size = r < 70   ? 8 + rng() % 88
                                 : r < 97 ? 96 + rng() % 900
                                          : 4096 + rng() % 12288;
      Event e;
      e.op = Op::alloc;
      e.id = next_id++;
      e.size = size;
      events.push_back(e);
      held.emplace_back(e.id, size);
      held_bytes += size;
    } else {
      const std::size_t i = rng() % held.size();
      Event e;
      e.op = Op::drop;
      e.id = held[i].first;
      events.push_back(e);
      held_bytes -= held[i].second;
      held[i] = held.back();
      held.pop_back();
    }
  }
  return events;
}

}  // namespace gcsim
