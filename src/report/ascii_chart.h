// A small terminal chart of mem_alloc over events, in the manner of valgrind's ms_print: one
// column per slice of events, as tall as the slice's highest mem_alloc; the peak's column is
// drawn with '@', and a '!' under the axis marks a slice with a MemoryError. The chart takes the
// style's whole width (fewer columns than that for fewer events); the '!'s are red where the
// style may colour.
//
//     KiB  mem_alloc over events (KiB; '@' peak, '!' MemoryError)
//   506.0 |                 @
//         |           #     @#
//         |  #   #   ###   ###
//       0 +--------------------
//                           !
//          0     events   1,999
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "report/curve.h"
#include "text/terminal_style.h"

namespace gcsim {

struct ChartMarks {
  std::uint64_t peak_event = 0;
  std::vector<std::uint64_t> failure_events;
  std::uint64_t pool_bytes = 0;  // the top of the y axis
};

void print_ascii_chart(std::ostream& out, const Curve& curve, const ChartMarks& marks,
                       const TerminalStyle& style, std::size_t height = 10);

}  // namespace gcsim
