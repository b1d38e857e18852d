#include "report/event_columns.h"

#include <algorithm>
#include <map>
#include <utility>

namespace gcsim {
namespace {

template <class Item, class EventOf, class KindOf>
std::vector<ColumnCount> count_columns(const std::vector<Item>& items, std::uint64_t events,
                                       std::uint32_t columns, EventOf event_of, KindOf kind_of) {
  std::map<std::pair<std::uint32_t, std::uint8_t>, ColumnCount> counts;
  const double span = static_cast<double>(std::max<std::uint64_t>(1, events));
  for (const Item& item : items) {
    const std::uint64_t event = event_of(item);
    const auto column = std::min(
        columns - 1, static_cast<std::uint32_t>(static_cast<double>(event) / span * columns));
    const auto kind = static_cast<std::uint8_t>(kind_of(item));
    ColumnCount& c = counts[{column, kind}];
    if (c.count++ == 0) c = {column, kind, 1, event, event};
    c.last_event = event;
  }
  std::vector<ColumnCount> out;
  out.reserve(counts.size());
  for (const auto& [key, c] : counts) out.push_back(c);
  return out;
}

}  // namespace

EventColumns::EventColumns(const ReplayResult& result, std::uint32_t columns)
    : columns_(std::max<std::uint32_t>(1, columns)) {
  const std::uint64_t events = result.summary.events;
  collections_ = count_columns(
      result.collections, events, columns_, [](const CollectionEntry& c) { return c.event; },
      [](const CollectionEntry& c) { return c.record.cause; });
  failures_ = count_columns(
      result.failures, events, columns_, [](const FailureRecord& f) { return f.event; },
      [](const FailureRecord& f) { return f.failure_class; });
}

}  // namespace gcsim
