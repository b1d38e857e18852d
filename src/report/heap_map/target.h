// Where `gcsim heapmap --at` takes the heap map:
//
//   EVENT          right after event EVENT (0-based, as in every report)
//   peak           right after the event of the highest mem_alloc (the first, if several)
//   end            right after the last event
//   fail:K         right after the K-th MemoryError (1-based), when the collector has given up
//   mark:LABEL     right after the one `mark` event labelled LABEL; of several, the one no
//                  `observe` follows (an imported log marks its OBSERVE and HEAPMAP lines with
//                  the same label: this is the HEAPMAP one), else an error listing them
//   mark:LABEL#K   right after the K-th `mark` event labelled LABEL
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gcsim {

struct HeapMapTarget {
  enum class Kind : std::uint8_t { event, peak, end, failure, mark };
  Kind kind = Kind::end;
  std::uint64_t number = 0;  // event: the event; failure, mark: K (1-based)
  std::string label;         // mark
  bool numbered = false;     // mark: `#K` given, so K counts; else the label must decide

  bool operator==(const HeapMapTarget&) const = default;
};

// Throws std::invalid_argument naming the text and the accepted forms.
HeapMapTarget parse_heap_map_target(std::string_view text);

}  // namespace gcsim
