// The report's colours, in one place so the charts, the tile view and the tables agree.
#pragma once

#include <string_view>

#include "collector/collection.h"

namespace gcsim::palette {

inline constexpr std::string_view kMemAlloc = "#1f77b4";
inline constexpr std::string_view kMemFree = "#2ca02c";
inline constexpr std::string_view kLargestFree = "#9467bd";
inline constexpr std::string_view kFailure = "#d62728";
inline constexpr std::string_view kPeak = "#000000";
inline constexpr std::string_view kMark = "#8c8c8c";
inline constexpr std::string_view kObserve = "#000000";
inline constexpr std::string_view kFreeBlock = "#e6e6e6";
inline constexpr std::string_view kMarkBlock = "#d62728";
inline constexpr std::string_view kUnknownTail = "#9e9e9e", kUnknownHead = "#616161";

inline std::string_view cause(CollectionCause c) {
  switch (c) {
    case CollectionCause::threshold:
      return "#17becf";
    case CollectionCause::oom:
      return "#ff7f0e";
    case CollectionCause::explicit_:
      return "#8c564b";  // brown: the marks' grey is beside it on the chart
  }
  return "#8c564b";
}

// Object age classes for the tile view, newest first (viridis, reversed); heads a shade darker
// than their tails so each allocation's start shows.
struct AgeColours {
  std::string_view tail, head;
  std::string_view label;
};
inline constexpr AgeColours kAges[] = {
    {"#fde725", "#c9b61c", "newest 1%"},  {"#7ad151", "#5ea43e", "1–5%"},
    {"#22a884", "#1a8066", "5–20%"},      {"#2a788e", "#1f5a6b", "20–50%"},
    {"#414487", "#2f3163", "oldest 50%"},
};

}  // namespace gcsim::palette
