#include "import/mpy_log_line.h"

#include <fmt/format.h>
#include <array>
#include <charconv>
#include <istream>
#include <optional>
#include <utility>

#include "import/log_line_reader.h"
#include "trace/reader.h"
#include "trace/trace_error.h"

namespace gcsim {
namespace {

// Reads a line left to right; every step fails (returns false) without consuming on a mismatch.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : rest_(text) {}

  bool literal(std::string_view s) {
    if (!rest_.starts_with(s)) return false;
    rest_.remove_prefix(s.size());
    return true;
  }
  // %p: hex digits, optionally after `0x`.
  bool pointer(std::uint64_t& value) {
    std::string_view digits = rest_;
    if (digits.starts_with("0x")) digits.remove_prefix(2);
    return number(digits, value, 16);
  }
  bool decimal(std::uint64_t& value) { return number(rest_, value, 10); }
  bool signed_decimal(std::int64_t& value) {
    const auto [end, error] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), value);
    if (error != std::errc{}) return false;
    rest_.remove_prefix(static_cast<std::size_t>(end - rest_.data()));
    return true;
  }
  // A label: the rest of the line but its last `n_words_after` space-separated words, so it may
  // hold spaces (`OBSERVE frame 1 16896 501248`, as gcsim synth labels frames); not empty.
  bool label(std::string_view& value, int n_words_after) {
    std::size_t end = rest_.size();
    for (int i = 0; i < n_words_after; ++i) {
      if (end == 0) return false;
      end = rest_.rfind(' ', end - 1);
      if (end == std::string_view::npos) return false;
    }
    if (end == 0) return false;
    value = rest_.substr(0, end);
    rest_.remove_prefix(end);
    return true;
  }
  bool at_end() const { return rest_.empty(); }

 private:
  bool number(std::string_view digits, std::uint64_t& value, int base) {
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    const auto [end, error] = std::from_chars(first, last, value, base);
    if (error != std::errc{}) return false;
    rest_ = std::string_view(end, static_cast<std::size_t>(last - end));
    return true;
  }

  std::string_view rest_;
};

// Each parser fills a fresh LogLine and says whether the whole line has its shape.
using Parser = bool (*)(std::string_view, LogLine&);

// `<name> at P, length N bytes, N blocks` after the two-space indent.
bool table_line(std::string_view line, std::string_view name, LogLine& out) {
  Scanner s(line);
  return s.literal("  ") && s.literal(name) && s.literal(" at ") && s.pointer(out.ptr) &&
         s.literal(", length ") && s.decimal(out.n_bytes) && s.literal(" bytes, ") &&
         s.decimal(out.n_blocks) && s.literal(" blocks") && s.at_end();
}

// `NAME(P)` exactly.
bool pointer_call(std::string_view line, std::string_view name, LogLine& out) {
  Scanner s(line);
  return s.literal(name) && s.literal("(") && s.pointer(out.ptr) && s.literal(")") && s.at_end();
}

constexpr std::array<std::pair<LineShape, Parser>, 17> kParsers = {{
    {LineShape::heap_init,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("Initializing GC heap: ") && s.pointer(out.ptr) && s.literal("..") &&
              s.pointer(out.new_ptr) && s.literal(" = ") && s.decimal(out.n_bytes) &&
              s.literal(" bytes") && s.at_end();
     }},
    {LineShape::gc_layout, [](std::string_view line, LogLine&) { return line == "GC layout:"; }},
    {LineShape::alloc_table,
     [](std::string_view line, LogLine& out) { return table_line(line, "alloc table", out); }},
    {LineShape::finaliser_table,
     [](std::string_view line, LogLine& out) { return table_line(line, "finaliser table", out); }},
    {LineShape::pool,
     [](std::string_view line, LogLine& out) { return table_line(line, "pool", out); }},
    {LineShape::alloc_header,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("gc_alloc(") && s.decimal(out.n_bytes) && s.literal(" bytes -> ") &&
              s.decimal(out.n_blocks) && s.literal(" blocks)") && s.at_end();
     }},
    {LineShape::alloc_no_free_mem,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("gc_alloc(") && s.decimal(out.n_bytes) &&
              s.literal("): no free mem, triggering GC") && s.at_end();
     }},
    {LineShape::alloc_ptr,
     [](std::string_view line, LogLine& out) { return pointer_call(line, "gc_alloc", out); }},
    {LineShape::gc_free,
     [](std::string_view line, LogLine& out) { return pointer_call(line, "gc_free", out); }},
    {LineShape::gc_realloc_move,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("gc_realloc(") && s.pointer(out.ptr) && s.literal(" -> ") &&
              s.pointer(out.new_ptr) && s.literal(")") && s.at_end();
     }},
    {LineShape::gc_mark,
     [](std::string_view line, LogLine& out) { return pointer_call(line, "gc_mark", out); }},
    {LineShape::gc_sweep,
     [](std::string_view line, LogLine& out) { return pointer_call(line, "gc_sweep", out); }},
    {LineShape::malloc,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("malloc ") && s.decimal(out.n_bytes) && s.literal(" : ") &&
              s.pointer(out.new_ptr) && s.at_end();
     }},
    {LineShape::realloc,
     [](std::string_view line, LogLine& out) {
       // `realloc P, old, new : P` with MICROPY_MALLOC_USES_ALLOCATED_SIZE, else `realloc P, new :
       // P`.
       Scanner s(line);
       if (!s.literal("realloc ") || !s.pointer(out.ptr) || !s.literal(", ")) return false;
       if (Scanner r = s; r.decimal(out.old_bytes) && r.literal(", ") && r.decimal(out.n_bytes) &&
                          r.literal(" : ") && r.pointer(out.new_ptr) && r.at_end()) {
         return true;
       }
       out.old_bytes = 0;
       return s.decimal(out.n_bytes) && s.literal(" : ") && s.pointer(out.new_ptr) && s.at_end();
     }},
    {LineShape::free,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       if (!s.literal("free ") || !s.pointer(out.ptr)) return false;
       return s.at_end() || (s.literal(", ") && s.decimal(out.n_bytes) && s.at_end());
     }},
    {LineShape::observe,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("OBSERVE ") && s.label(out.label, 2) && s.literal(" ") &&
              s.signed_decimal(out.mem_alloc) && s.literal(" ") && s.signed_decimal(out.mem_free) &&
              s.at_end();
     }},
    {LineShape::heapmap,
     [](std::string_view line, LogLine& out) {
       Scanner s(line);
       return s.literal("HEAPMAP ") && s.label(out.label, 0) && s.at_end();
     }},
}};

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// bc.c's argument and state dumps: `P: ` then values.
bool is_bc_dump(std::string_view line) {
  const std::size_t colon = line.find(": ");
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    if (!is_hex_digit(line[i])) return false;
  }
  return true;
}

constexpr std::array<std::pair<std::string_view, LineShape>, 27> kIgnoredPrefixes = {{
    {"load name ", LineShape::runtime_c},
    {"load global ", LineShape::runtime_c},
    {"load attr ", LineShape::runtime_c},
    {"load method ", LineShape::runtime_c},
    {"load_build_class", LineShape::runtime_c},
    {"store name ", LineShape::runtime_c},
    {"store global ", LineShape::runtime_c},
    {"store attr ", LineShape::runtime_c},
    {"delete name ", LineShape::runtime_c},
    {"delete global ", LineShape::runtime_c},
    {"unary ", LineShape::runtime_c},
    {"binary ", LineShape::runtime_c},
    {"calling function ", LineShape::runtime_c},
    {"call method ", LineShape::runtime_c},
    {"import name ", LineShape::runtime_c},
    {"import from ", LineShape::runtime_c},
    {"import all ", LineShape::runtime_c},
    {"memory allocation failed", LineShape::runtime_c},
    {"Input n_args: ", LineShape::objfun_c},
    {"Input pos args: ", LineShape::objfun_c},
    {"Input kw args: ", LineShape::objfun_c},
    {"Calling: ", LineShape::bc_c},
    {"make_function_from_raw_code ", LineShape::emitglue_c},
    {"assign byte code: ", LineShape::emitglue_c},
    {"mp_map_rehash(", LineShape::map_c},
    {"QSTR: ", LineShape::qstr_c},
    {"Module ", LineShape::builtinimport_c},
}};

std::optional<LineShape> ignored_shape(std::string_view line) {
  for (const auto& [prefix, shape] : kIgnoredPrefixes) {
    if (line.starts_with(prefix)) return shape;
  }
  if (line == "__import__:" || line == "  ") {
    return LineShape::builtinimport_c;
  }
  if (is_bc_dump(line)) return LineShape::bc_c;
  return std::nullopt;
}

bool starts_with_word(std::string_view line, std::string_view word) {
  return line.starts_with(word) && (line.size() == word.size() || line[word.size()] == ' ');
}

bool looks_like_gc_output(std::string_view line) {
  if (line.find("gc_") != std::string_view::npos) return true;
  for (std::string_view w : {"malloc", "realloc", "free", "OBSERVE", "HEAPMAP"}) {
    if (starts_with_word(line, w)) return true;
  }
  for (std::string_view p :
       {"Initializing GC", "GC layout", "  alloc table", "  finaliser table", "  pool at"}) {
    if (line.starts_with(p)) return true;
  }
  return false;
}

}  // namespace

std::string_view line_shape_name(LineShape shape) {
  static constexpr std::array<std::string_view, kLineShapeCount> kNames = {
      "Initializing GC heap",
      "GC layout",
      "alloc table",
      "finaliser table",
      "pool",
      "gc_alloc(N bytes -> K blocks)",
      "gc_alloc(N): no free mem",
      "gc_alloc(P)",
      "gc_free(P)",
      "gc_realloc(P -> P)",
      "gc_mark(P)",
      "gc_sweep(P)",
      "malloc N : P",
      "realloc P, N, N : P",
      "free P, N",
      "OBSERVE",
      "HEAPMAP",
      "py/runtime.c",
      "py/objfun.c",
      "py/bc.c",
      "py/emitglue.c",
      "py/map.c",
      "py/qstr.c",
      "py/builtinimport.c",
      "other text",
      "unknown",
  };
  return kNames[static_cast<std::size_t>(shape)];
}

bool is_ignored_shape(LineShape shape) {
  return shape >= LineShape::runtime_c && shape <= LineShape::other;
}

bool read_log_line(std::istream& in, std::string& text, const std::string& name,
                   std::uint64_t line) {
  struct StreamBytes {
    std::istream& in;
    int peek() { return in.peek(); }  // EOF is negative
    void advance() { in.get(); }
  } bytes{in};
  const LogLineEnd end = read_log_line_from(bytes, text, kMaxLineBytes);
  if (end == LogLineEnd::too_long) {
    throw TraceError({.file = name,
                      .line = line,
                      .rule = "line-too-long",
                      .detail = fmt::format("a line over {} bytes", kMaxLineBytes)});
  }
  if (in.bad()) {
    throw TraceError(
        {.file = name, .line = line, .rule = "unreadable-file", .detail = "reading it failed"});
  }
  return end == LogLineEnd::line;
}

LogLine parse_log_line(std::string_view line) {
  if (line.ends_with('\r')) line.remove_suffix(1);
  for (const auto& [shape, parse] : kParsers) {
    LogLine out;
    if (parse(line, out)) {
      out.shape = shape;
      return out;
    }
  }
  LogLine out;
  if (const auto ignored = ignored_shape(line)) {
    out.shape = *ignored;
  } else {
    out.shape = looks_like_gc_output(line) ? LineShape::unknown : LineShape::other;
  }
  return out;
}

}  // namespace gcsim
