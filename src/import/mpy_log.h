// `gcsim import mpy-log`: turns a MicroPython debug log (MICROPY_DEBUG_VERBOSE=1, v1.11 line
// shapes, see mpy_log_line.h) into trace events that, replayed on the log's heap (MpyLogHeap),
// give the log's collections and every OBSERVE value (docs/collector.md §11, "Turning a debug
// log into a trace"). The rules, by log excerpt:
//
//   gc_alloc(48 bytes -> 2 blocks)       a header opens an allocation
//   gc_alloc(7ffff7c70800)               success: `alloc` with a new id (ids count from 1), held;
//   malloc 48 : 7ffff7c70800               the address now names that id
//   gc_alloc(19200 bytes -> 600 blocks)
//   gc_alloc(19200): no free mem, …      an OOM collection follows: no event (the replay makes
//   gc_mark(…) … gc_sweep(P) …             it itself), but each swept P is `drop`ped before the
//   gc_alloc(7ffff7c78b80)                 `alloc`; a header that gets no gc_alloc(P) is a
//                                          failed `alloc` (an id too)
//   gc_alloc(1280 bytes -> 40 blocks)    a move: the header's pointer is followed by
//   gc_alloc(NEW)                          gc_realloc(OLD -> NEW): `realloc` of OLD's id to the
//   gc_realloc(OLD -> NEW)                 header's size; the id now lives at NEW; the gc_free(OLD)
//   gc_free(OLD)                           that belongs to the move is no `free`
//   realloc OLD, 1024, 1280 : NEW
//   realloc P, 512, 528 : P              in place (gc.c prints nothing): `realloc` to 528
//   realloc P, 528, 552 : 0              refused non-moving realloc: nothing
//   gc_free(P) / free P, 16              `free` of P's id; gc_free(0) and malloc.c's free lines
//                                          change nothing
//   gc_mark(…) … gc_sweep(P) …           a collection with no header open (gc.collect()):
//                                          `drop`s, then `collect`; inside a header with no
//                                          `no free mem` line (the threshold): `drop`s, `collect`,
//                                          then the `alloc`
//   OBSERVE frame100 16896 501248        `mark` frame100, then `observe` {16896, 501248} (the
//                                          replay's observe report takes the last mark's label)
//   HEAPMAP frame300                     `mark` frame300
//
// A collection is a run of gc_mark/gc_sweep lines. Another core file's line ends it when a
// gc_mark follows (two gc.collect() calls), not when a gc_sweep does (a finaliser printed
// inside the sweep); a gc_mark right after a gc_sweep starts a new one. A failed allocation
// with no OOM collection (after a threshold collection, or with gc.disable() in effect) is
// wrapped in `disable`/`enable`, so the replay makes no collection there either. Objects never
// swept stay held to the end. Lines of other core files are ignored by shape and counted;
// gc/malloc-looking lines that fit no shape, and lines that contradict the log so far (a free
// of an address never allocated, a gc_alloc(P) with no header), become ImportWarnings with
// their line numbers.
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "import/mpy_log_heap.h"
#include "import/mpy_log_line.h"
#include "trace/event.h"
#include "trace/format.h"

namespace gcsim {

// The warnings an import keeps (the rest are counted).
inline constexpr std::size_t kKeptImportWarnings = 20;

struct ImportWarning {
  std::uint64_t line = 0;  // 1-based
  std::string text;        // the line as read, cut short and printable (printable_excerpt)
  std::string reason;      // "unknown line shape", "gc_free of an address not allocated", …
};

struct MpyLogStats {
  std::uint64_t lines = 0;
  std::array<std::uint64_t, kLineShapeCount> shape_lines{};  // by LineShape
  std::uint64_t ignored_lines = 0;  // other core files' lines and other text (is_ignored_shape)

  // What the events hold.
  std::uint64_t allocations = 0;  // alloc events, failed and size 0 included
  std::uint64_t failed_allocations = 0;
  std::uint64_t frees = 0;
  std::uint64_t reallocs_in_place = 0;
  std::uint64_t reallocs_moved = 0;
  std::uint64_t drops = 0;
  std::uint64_t collections_oom = 0;        // after `no free mem`: no event
  std::uint64_t collections_threshold = 0;  // inside an allocation: a `collect` event
  std::uint64_t collections_explicit = 0;   // outside any allocation: a `collect` event
  std::uint64_t observes = 0;
  std::uint64_t marks = 0;  // OBSERVE and HEAPMAP marks

  std::uint64_t collections() const {
    return collections_oom + collections_threshold + collections_explicit;
  }
};

struct MpyLogImport {
  // Name from the log's file name; geometry = heap.preset; `recorded` the log's heap and the
  // threshold its collections show (see threshold_blocks).
  TraceHeader header;
  std::vector<Event> events;
  MpyLogHeap heap;  // replay with ReplaySettings{.geometry = heap.geometry}
  MpyLogStats stats;
  std::vector<ImportWarning> warnings;  // the first kKeptImportWarnings
  std::uint64_t warnings_total = 0;
  // The gc.threshold() in blocks that explains every threshold collection, if one does: then
  // those collections are not `collect` events (the replay's trigger makes them at the
  // recorded threshold). 0: a collection before every allocation (gc.threshold(0)).
  std::optional<std::uint64_t> threshold_blocks;
};

// Reads `log` to the end. `log_name` names the trace and errors. Throws TraceError for a log
// without a usable heap layout (see MpyLogHeapReader), a size over kMaxTraceSize
// ("out-of-range"), more than `max_events` events ("too-many-events") or a second
// `Initializing GC heap` for another heap ("heap-changed"; one for the same heap is a soft
// reset: the objects still held are freed).
MpyLogImport import_mpy_log(std::istream& log, const std::string& log_name,
                            std::uint64_t max_events = UINT64_MAX);
// The same for a file, plain or gzipped; also throws TraceError "missing-file",
// "unreadable-file", "truncated-gzip".
MpyLogImport import_mpy_log(const std::string& path, std::uint64_t max_events = UINT64_MAX);

// At most 100 bytes of `text`, control characters (ESC, BEL) as '?': a log line fit to print.
std::string printable_excerpt(std::string_view text);

// The trace name for a log file: its base name without `.gz` and `.log`.
std::string trace_name_for_log(const std::string& log_name);

}  // namespace gcsim
