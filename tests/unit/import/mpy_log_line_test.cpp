// Log line shapes: does every gc.c, malloc.c and script line give its shape and fields, are other
// core files' lines recognised and ignored, and is a garbled gc/malloc line `unknown` rather
// than text to ignore?
#include "import/mpy_log_line.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(MpyLogLine, ReadsTheHeapLayoutLines) {
  LogLine l = parse_log_line("Initializing GC heap: 7ffff7c6f010..7ffff7cef000 = 524272 bytes");
  EXPECT_EQ(l.shape, LineShape::heap_init);
  EXPECT_EQ(l.ptr, 0x7ffff7c6f010u);
  EXPECT_EQ(l.new_ptr, 0x7ffff7cef000u);
  EXPECT_EQ(l.n_bytes, 524272u);
  EXPECT_EQ(parse_log_line("GC layout:").shape, LineShape::gc_layout);
  l = parse_log_line("  alloc table at 7ffff7c6f010, length 4048 bytes, 16192 blocks");
  EXPECT_EQ(l.shape, LineShape::alloc_table);
  EXPECT_EQ(l.ptr, 0x7ffff7c6f010u);
  EXPECT_EQ(l.n_bytes, 4048u);
  EXPECT_EQ(l.n_blocks, 16192u);
  l = parse_log_line("  finaliser table at 7ffff7c6ffe0, length 2024 bytes, 16192 blocks");
  EXPECT_EQ(l.shape, LineShape::finaliser_table);
  EXPECT_EQ(l.n_bytes, 2024u);
  l = parse_log_line("  pool at 7ffff7c70800, length 518144 bytes, 16192 blocks");
  EXPECT_EQ(l.shape, LineShape::pool);
  EXPECT_EQ(l.ptr, 0x7ffff7c70800u);
  EXPECT_EQ(l.n_bytes, 518144u);
  EXPECT_EQ(l.n_blocks, 16192u);
}

TEST(MpyLogLine, ReadsTheGcLines) {
  LogLine l = parse_log_line("gc_alloc(19200 bytes -> 600 blocks)");
  EXPECT_EQ(l.shape, LineShape::alloc_header);
  EXPECT_EQ(l.n_bytes, 19200u);
  EXPECT_EQ(l.n_blocks, 600u);
  l = parse_log_line("gc_alloc(0 bytes -> 0 blocks)");
  EXPECT_EQ(l.shape, LineShape::alloc_header);
  EXPECT_EQ(l.n_blocks, 0u);
  l = parse_log_line("gc_alloc(19200): no free mem, triggering GC");
  EXPECT_EQ(l.shape, LineShape::alloc_no_free_mem);
  EXPECT_EQ(l.n_bytes, 19200u);
  l = parse_log_line("gc_alloc(7ffff7c78b80)");
  EXPECT_EQ(l.shape, LineShape::alloc_ptr);
  EXPECT_EQ(l.ptr, 0x7ffff7c78b80u);
  // A pointer of decimal digits only is still a pointer, in hex.
  l = parse_log_line("gc_alloc(10400)");
  EXPECT_EQ(l.shape, LineShape::alloc_ptr);
  EXPECT_EQ(l.ptr, 0x10400u);
  l = parse_log_line("gc_free(0)");
  EXPECT_EQ(l.shape, LineShape::gc_free);
  EXPECT_EQ(l.ptr, 0u);
  l = parse_log_line("gc_realloc(7ffff7c70b60 -> 7ffff7c72080)");
  EXPECT_EQ(l.shape, LineShape::gc_realloc_move);
  EXPECT_EQ(l.ptr, 0x7ffff7c70b60u);
  EXPECT_EQ(l.new_ptr, 0x7ffff7c72080u);
  l = parse_log_line("gc_mark(5555555c01e0)");
  EXPECT_EQ(l.shape, LineShape::gc_mark);
  EXPECT_EQ(l.ptr, 0x5555555c01e0u);
  l = parse_log_line("gc_sweep(7ffff7cdbb80)");
  EXPECT_EQ(l.shape, LineShape::gc_sweep);
  EXPECT_EQ(l.ptr, 0x7ffff7cdbb80u);
}

TEST(MpyLogLine, ReadsTheMallocLinesWithAndWithoutTheOldSize) {
  LogLine l = parse_log_line("malloc 32 : 7ffff7c715e0");
  EXPECT_EQ(l.shape, LineShape::malloc);
  EXPECT_EQ(l.n_bytes, 32u);
  EXPECT_EQ(l.new_ptr, 0x7ffff7c715e0u);
  l = parse_log_line("realloc 7ffff7c70b60, 1024, 1280 : 7ffff7c72080");
  EXPECT_EQ(l.shape, LineShape::realloc);
  EXPECT_EQ(l.ptr, 0x7ffff7c70b60u);
  EXPECT_EQ(l.old_bytes, 1024u);
  EXPECT_EQ(l.n_bytes, 1280u);
  EXPECT_EQ(l.new_ptr, 0x7ffff7c72080u);
  l = parse_log_line("realloc 7ffff7c71e60, 1280 : 0");  // MICROPY_MALLOC_USES_ALLOCATED_SIZE off
  EXPECT_EQ(l.shape, LineShape::realloc);
  EXPECT_EQ(l.old_bytes, 0u);
  EXPECT_EQ(l.n_bytes, 1280u);
  EXPECT_EQ(l.new_ptr, 0u);
  l = parse_log_line("free 7ffff7c71300, 16");
  EXPECT_EQ(l.shape, LineShape::free);
  EXPECT_EQ(l.ptr, 0x7ffff7c71300u);
  EXPECT_EQ(l.n_bytes, 16u);
  EXPECT_EQ(parse_log_line("free 7ffff7c71300").shape, LineShape::free);
}

TEST(MpyLogLine, ReadsObserveAndHeapmapLines) {
  LogLine l = parse_log_line("OBSERVE frame100 16896 501248");
  EXPECT_EQ(l.shape, LineShape::observe);
  EXPECT_EQ(l.label, "frame100");
  EXPECT_EQ(l.mem_alloc, 16896);
  EXPECT_EQ(l.mem_free, 501248);
  l = parse_log_line("HEAPMAP frame300");
  EXPECT_EQ(l.shape, LineShape::heapmap);
  EXPECT_EQ(l.label, "frame300");
}

// A label runs to the numbers (OBSERVE) or the end (HEAPMAP), spaces and all: gcsim synth
// labels frames `frame 1`.
TEST(MpyLogLine, ReadsLabelsWithSpaces) {
  LogLine l = parse_log_line("OBSERVE frame 1 16896 501248");
  EXPECT_EQ(l.shape, LineShape::observe);
  EXPECT_EQ(l.label, "frame 1");
  EXPECT_EQ(l.mem_alloc, 16896);
  EXPECT_EQ(l.mem_free, 501248);
  l = parse_log_line("HEAPMAP frame 1");
  EXPECT_EQ(l.shape, LineShape::heapmap);
  EXPECT_EQ(l.label, "frame 1");
}

TEST(MpyLogLine, AcceptsACarriageReturnAnOxPrefixAndUpperCaseHex) {
  LogLine l = parse_log_line("gc_alloc(0x8005C000)\r");
  EXPECT_EQ(l.shape, LineShape::alloc_ptr);
  EXPECT_EQ(l.ptr, 0x8005c000u);
  EXPECT_EQ(parse_log_line("OBSERVE start 64 64576\r").mem_free, 64576);
}

TEST(MpyLogLine, NamesTheCoreFileOfIgnoredLines) {
  const std::pair<const char*, LineShape> cases[] = {
      {"load name bytearray", LineShape::runtime_c},
      {"load method 5555555b9b70.stderr", LineShape::runtime_c},
      {"store name big <- 7ffff7c715e0", LineShape::runtime_c},
      {"binary 31 __mod__ 7ffff7c71aa0 b06", LineShape::runtime_c},
      {"calling function 5555555b4ba0(n_args=1, n_kw=0, args=7fffffffe400)", LineShape::runtime_c},
      {"call method (fun=5555555b8500, self=5555555b44a0, n_args=1, n_kw=0, args=7fffffffe268)",
       LineShape::runtime_c},
      {"import name 'gc' level=0", LineShape::runtime_c},
      {"memory allocation failed, allocating 19200 bytes", LineShape::runtime_c},
      {"Input n_args: 1, n_kw: 0", LineShape::objfun_c},
      {"Input pos args: 7fffffffe420: 24a ", LineShape::objfun_c},
      {"Calling: n_pos_args=1, n_kwonly_args=0", LineShape::bc_c},
      {"7ffff7c70cc8: 0 0 0 0 24a ", LineShape::bc_c},
      {"7fffffffe440: ", LineShape::bc_c},
      {"make_function_from_raw_code 7ffff7c70a80", LineShape::emitglue_c},
      {"assign byte code: code=7ffff7c70ea0 len=286 flags=30", LineShape::emitglue_c},
      {"mp_map_rehash(5555555bd5c8): 1 -> 2", LineShape::map_c},
      {"QSTR: add hash=7735 len=20 data=/usr/lib/micropython", LineShape::qstr_c},
      {"QSTR: add hash=1 len=7 data=gc_info", LineShape::qstr_c},
      {"__import__:", LineShape::builtinimport_c},
      {"  ", LineShape::builtinimport_c},
      {"Module already loaded", LineShape::builtinimport_c},
      {"MEMORYERROR frame15", LineShape::other},
      {"freed 3 buffers", LineShape::other},
      {"", LineShape::other},
  };
  for (const auto& [text, shape] : cases) {
    EXPECT_EQ(parse_log_line(text).shape, shape) << text;
    EXPECT_TRUE(is_ignored_shape(shape)) << text;
  }
}

TEST(MpyLogLine, CallsGarbledGcAndMallocLinesUnknown) {
  for (const char* text :
       {"gc_allc(7ffff7c70800)", "gc_alloc(7ffff7c7", "gc_alloc(48 bytes -> 2",
        "gc_sweep(7ffff7c70800) gc_mark(7ffff7c70800)", "gc_free()",
        "malloc 48 :", "realloc 7ffff7c70800, 48", "free", "free zz", "OBSERVE start 64",
        "OBSERVE start x 1", "OBSERVE 1 2", "HEAPMAP ", "Initializing GC heap: 10010..20000",
        "  pool at 10380", "load attrgc_alloc(10380)"}) {
    EXPECT_EQ(parse_log_line(text).shape, LineShape::unknown) << text;
  }
  EXPECT_FALSE(is_ignored_shape(LineShape::unknown));
  EXPECT_FALSE(is_ignored_shape(LineShape::gc_sweep));
}

TEST(MpyLogLine, NamesEveryShape) {
  EXPECT_EQ(line_shape_name(LineShape::alloc_header), "gc_alloc(N bytes -> K blocks)");
  EXPECT_EQ(line_shape_name(LineShape::runtime_c), "py/runtime.c");
  EXPECT_EQ(line_shape_name(LineShape::unknown), "unknown");
}

}  // namespace
}  // namespace gcsim
