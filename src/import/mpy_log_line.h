// One line of a MicroPython debug log (MICROPY_DEBUG_VERBOSE=1), recognised by its shape
// (docs/collector.md §11; tests/oracle/mpy-logs/README.md "Line shapes"). P is a pointer as
// `%p` prints it (hex, lower case, no `0x`; `0x` and upper case are accepted too), N a decimal.
//
//   heap_init         Initializing GC heap: P..P = N bytes              py/gc.c gc_init
//   gc_layout         GC layout:
//   alloc_table         alloc table at P, length N bytes, N blocks
//   finaliser_table     finaliser table at P, length N bytes, N blocks
//   pool                pool at P, length N bytes, N blocks
//   alloc_header      gc_alloc(N bytes -> N blocks)                      py/gc.c gc_alloc
//   alloc_no_free_mem gc_alloc(N): no free mem, triggering GC
//   alloc_ptr         gc_alloc(P)
//   gc_free           gc_free(P)
//   gc_realloc_move   gc_realloc(P -> P)                                 moves only
//   gc_mark           gc_mark(P)
//   gc_sweep          gc_sweep(P)
//   malloc            malloc N : P                                       py/malloc.c
//   realloc           realloc P, N, N : P   (or realloc P, N : P)
//   free              free P, N             (or free P)
//   observe           OBSERVE LABEL N N     (mem_alloc, mem_free)        tools/gcsim_probe.py
//   heapmap           HEAPMAP LABEL         (a script's mem_info(1) dump point)
//
// Lines of other core files are recognised by their start and ignored: runtime.c (`load name`,
// `binary`, `calling function`, `memory allocation failed`, …), objfun.c (`Input …`), bc.c
// (`Calling: …` and `P: …` argument dumps), emitglue.c, map.c (`mp_map_rehash`), qstr.c
// (`QSTR: …`), builtinimport.c (`__import__:`, two-space lines, `Module …`). A line that fits
// no shape is `unknown` when it looks like gc/malloc output (it holds `gc_`, or starts with the
// word malloc, realloc, free, OBSERVE or HEAPMAP, or a heap-layout line's start): a garbled line
// the importer must report. Anything else (the script's own output) is `other`.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace gcsim {

enum class LineShape : std::uint8_t {
  heap_init,
  gc_layout,
  alloc_table,
  finaliser_table,
  pool,
  alloc_header,
  alloc_no_free_mem,
  alloc_ptr,
  gc_free,
  gc_realloc_move,
  gc_mark,
  gc_sweep,
  malloc,
  realloc,
  free,
  observe,
  heapmap,
  // ignored by shape, named for the core file that prints them
  runtime_c,
  objfun_c,
  bc_c,
  emitglue_c,
  map_c,
  qstr_c,
  builtinimport_c,
  other,
  unknown,
};

inline constexpr std::size_t kLineShapeCount = static_cast<std::size_t>(LineShape::unknown) + 1;

// A short name for reports: "gc_alloc(N bytes -> K blocks)", "py/runtime.c", …
std::string_view line_shape_name(LineShape shape);
// True for the shapes the importer ignores (other core files, other text).
bool is_ignored_shape(LineShape shape);

// The fields a shape carries; the others stay 0 / empty. `label` points into the parsed line.
struct LogLine {
  LineShape shape = LineShape::other;
  std::uint64_t ptr = 0;        // the (first) pointer: heap start, table/pool address, the
                                // gc_* pointer, gc_realloc's old, realloc's old, free's
  std::uint64_t new_ptr = 0;    // heap_init: end; gc_realloc: new; malloc/realloc: result
  std::uint64_t n_bytes = 0;    // heap_init: T; tables/pool: length; gc_alloc: n_bytes;
                                // malloc: size; realloc: new size; free: size (when printed)
  std::uint64_t n_blocks = 0;   // tables/pool, alloc_header
  std::uint64_t old_bytes = 0;  // realloc: old size (when printed)
  std::int64_t mem_alloc = 0;   // observe
  std::int64_t mem_free = 0;    // observe
  std::string_view label;       // observe, heapmap
};

// `line` without its line end (a trailing '\r' is ignored).
LogLine parse_log_line(std::string_view line);

// std::getline for a log or capture read as a stream (stdin): the next line, without its '\n',
// into `text`; false at the end. Throws TraceError "line-too-long" past kMaxLineBytes and
// "unreadable-file" on a read error (which getline would take for the end). `line` (1-based)
// and `name` place the error.
bool read_log_line(std::istream& in, std::string& text, const std::string& name,
                   std::uint64_t line);

}  // namespace gcsim
