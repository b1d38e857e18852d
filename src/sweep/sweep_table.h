// The sweep as text on stdout: per trace a row per cell (recommended `*`, runner-up `+`), the
// recommendation and why; then minimum heaps and the gate's failures when there are any. It fits
// the style's width: the tables drop their lesser columns (text/text_table.h), prose folds; the
// safe column, MemoryErrors and the gate's verdict are coloured where the style may colour.
//
//   trace classes (data/classes.jsonl, 23 events, k210)
//                                  MemoryErrors       peak  est. GC
//      threshold   heap  ...            (c/f/d)  mem_alloc       ms  safe
//   *  off        8,192  ...          2 (1/1/0)      3,168    0.153  fails
#pragma once

#include <ostream>

#include "sweep/sweep_report.h"
#include "text/terminal_style.h"

namespace gcsim::sweep {

void print_sweep_table(std::ostream& out, const SweepReport& report,
                       const TerminalStyle& style = {});

}  // namespace gcsim::sweep
