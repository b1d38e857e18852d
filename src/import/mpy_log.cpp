#include "import/mpy_log.h"

#include <fmt/format.h>
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "import/log_line_reader.h"
#include "trace/gz_source.h"
#include "trace/reader.h"
#include "trace/trace_error.h"

namespace gcsim {
namespace {

enum class CollectionKind { oom, threshold, explicit_ };

// A gc_alloc call from its header line until the log shows how it ended.
struct OpenAlloc {
  std::uint64_t n_bytes = 0;
  std::uint64_t n_blocks = 0;
  std::uint64_t amount_before = 0;             // blocks gc_alloc had counted toward the threshold
  bool no_free_mem = false;                    // `no free mem` seen: the collection is OOM
  std::optional<CollectionKind> collection{};  // the call's one collection, once it ran
  std::optional<std::uint64_t> ptr{};          // gc_alloc(P): it succeeded
};

// The gc.threshold() a log was made with, from where its threshold collections fell. gc_alloc
// (v1.11) checks `amount >= threshold` before searching, where amount is the blocks gc_alloc
// handed out since the last collection: each call that collected there bounds the threshold
// from above, each that did not from below. One value fits, or none does (the script changed
// the threshold, or disabled gc for a while: the log cannot say, and its collections stay
// events).
class ThresholdInference {
 public:
  // A gc_alloc call is over (a 0-block call returns before the check and says nothing).
  void checked(const OpenAlloc& a) {
    if (a.n_blocks == 0) return;
    if (a.collection == CollectionKind::threshold) {
      lowest_trigger_ = std::min(lowest_trigger_.value_or(a.amount_before), a.amount_before);
    } else {
      highest_quiet_ = std::max(highest_quiet_.value_or(a.amount_before), a.amount_before);
    }
  }
  // A move's gc_alloc: checked like any other.
  void allocated(const OpenAlloc& a) { checked(a); }

  // The threshold in blocks, if some threshold collections happened and one value explains
  // them all.
  std::optional<std::uint64_t> value() const {
    if (!lowest_trigger_) return std::nullopt;
    if (highest_quiet_ && *highest_quiet_ >= *lowest_trigger_) return std::nullopt;
    return lowest_trigger_;
  }

 private:
  std::optional<std::uint64_t> lowest_trigger_;
  std::optional<std::uint64_t> highest_quiet_;
};

Event event(Op op, std::uint64_t id = 0, std::uint64_t size = 0) {
  Event e;
  e.op = op;
  e.id = id;
  e.size = size;
  return e;
}

class Importer {
 public:
  Importer(std::string log_name, std::uint64_t max_events)
      : log_name_(std::move(log_name)), max_events_(max_events) {}

  void line(std::string_view text) {
    text_ = text;
    ++line_number_;
    const LogLine l = parse_log_line(text);
    MpyLogStats& s = out_.stats;
    ++s.lines;
    ++s.shape_lines[static_cast<std::size_t>(l.shape)];
    if (is_ignored_shape(l.shape)) {
      ++s.ignored_lines;
      interrupted_ = collection_.has_value();
      return;
    }
    if (l.shape == LineShape::unknown) {
      warn("looks like gc/malloc output but fits no known line shape");
      return;
    }
    if (l.shape == LineShape::gc_mark || l.shape == LineShape::gc_sweep) {
      collection_line(l);
      return;
    }
    if (collection_) end_collection();
    if (move_free_ && !(l.shape == LineShape::gc_free && l.ptr == *move_free_)) {
      warn(fmt::format("the move from {:x} is not followed by gc_free({:x})", *move_free_,
                       *move_free_));
      move_free_.reset();
    }
    gc_line(l);
  }

  MpyLogImport finish() {
    if (collection_) end_collection();
    close_alloc();
    out_.heap = heap_.finish(log_name_);
    out_.header.name = trace_name_for_log(log_name_);
    out_.header.description = fmt::format("imported from {} by gcsim import mpy-log", log_name_);
    out_.header.geometry = out_.heap.preset;
    RecordedSetting recorded{.liveness = std::string(kLivenessCollections),
                             .heap_bytes = out_.heap.geometry.heap_bytes,
                             .start_offset = out_.heap.geometry.start_offset,
                             .threshold = -1};
    out_.threshold_blocks = threshold_.value();
    if (out_.threshold_blocks) {
      // One gc.threshold() explains every threshold collection: the replay's own trigger makes
      // them, so their `collect` events (and the gc.disable() wraps that kept the trigger from
      // firing again) go.
      drop_events(threshold_collects_);
      if (*out_.threshold_blocks == 0) {
        // gc.threshold(0): a collection before every allocation, so the log knows each
        // object's death to within one allocation, as a recording does.
        recorded.liveness = kLivenessEveryAllocation;
        recorded.threshold.reset();
      } else {
        recorded.threshold =
            static_cast<std::int64_t>(*out_.threshold_blocks * out_.heap.geometry.block_bytes);
      }
    }
    out_.header.recorded = recorded;
    return std::move(out_);
  }

 private:
  void gc_line(const LogLine& l) {
    switch (l.shape) {
      case LineShape::heap_init:
        if (heap_init_) soft_reset(l);
        heap_init_ = l;
        heap_.take(l, line_number_);
        return;
      case LineShape::alloc_table:
      case LineShape::finaliser_table:
      case LineShape::pool:
        heap_.take(l, line_number_);
        return;
      case LineShape::alloc_header:
        close_alloc();
        check_size(l.n_bytes);
        open_ = OpenAlloc{
            .n_bytes = l.n_bytes, .n_blocks = l.n_blocks, .amount_before = amount_blocks_};
        // gc_alloc of 0 blocks returns NULL at once: an object of size 0, not a failure.
        if (l.n_blocks == 0) close_zero_size();
        return;
      case LineShape::alloc_no_free_mem:
        if (open_ && !open_->ptr && !open_->collection && !open_->no_free_mem &&
            open_->n_bytes == l.n_bytes) {
          open_->no_free_mem = true;
        } else {
          warn("`no free mem` outside a gc_alloc of that size");
        }
        return;
      case LineShape::alloc_ptr:
        if (!open_ || open_->ptr) {
          warn("gc_alloc(P) with no gc_alloc(N bytes -> K blocks) line open");
          return;
        }
        if (id_at_.contains(l.ptr)) warn("gc_alloc returned an address that is still allocated");
        if (std::string why = heap_.misplaced(l.ptr); !why.empty()) {
          warn("gc_alloc returned an address no heap block has: " + why);
        }
        open_->ptr = l.ptr;
        return;
      case LineShape::gc_realloc_move:
        move(l.ptr, l.new_ptr);
        return;
      case LineShape::gc_free:
        close_alloc();
        if (l.ptr == 0) return;
        if (move_free_ == l.ptr) {
          move_free_.reset();  // the move's own free: the realloc event covers it
          return;
        }
        if (const auto id = take_id(l.ptr, "gc_free")) {
          emit(event(Op::free, *id));
          ++out_.stats.frees;
        }
        return;
      case LineShape::realloc:
        close_alloc();
        malloc_realloc(l);
        return;
      case LineShape::malloc:
      case LineShape::free:
      case LineShape::gc_layout:
        close_alloc();
        return;
      case LineShape::observe:
        close_alloc();
        mark(l.label);
        observe(l.mem_alloc, l.mem_free);
        return;
      case LineShape::heapmap:
        close_alloc();
        mark(l.label);
        return;
      default:
        return;
    }
  }

  // gc_realloc(OLD -> NEW) right after the header's gc_alloc(NEW): the header was the move's.
  void move(std::uint64_t old_ptr, std::uint64_t new_ptr) {
    if (!open_ || open_->ptr != new_ptr) {
      warn(fmt::format("gc_realloc does not follow gc_alloc({:x})", new_ptr));
      return;
    }
    const auto it = id_at_.find(old_ptr);
    if (it == id_at_.end()) {
      warn("gc_realloc of an address not allocated; its new block becomes a new object");
      close_alloc();
      return;
    }
    const std::uint64_t id = it->second;
    emit(event(Op::realloc, id, open_->n_bytes));
    ++out_.stats.reallocs_moved;
    threshold_.allocated(*open_);
    amount_blocks_ += open_->n_blocks;
    open_.reset();
    id_at_.erase(it);
    id_at_[new_ptr] = id;
    move_free_ = old_ptr;
    last_move_ = {old_ptr, new_ptr};
  }

  // A second `Initializing GC heap` (a soft reset, Ctrl-D): the first run's heap is gone, so
  // each object it still held is freed; the new run starts with an empty heap, as on the device.
  // A different heap would make the first run's events replay on the wrong one: refused.
  void soft_reset(const LogLine& l) {
    if (l.ptr != heap_init_->ptr || l.new_ptr != heap_init_->new_ptr ||
        l.n_bytes != heap_init_->n_bytes) {
      fail("heap-changed",
           "a second `Initializing GC heap` with another heap; import each run's log alone");
    }
    if (collection_) end_collection();
    close_alloc();
    std::vector<std::uint64_t> ids;
    for (const auto& [ptr, id] : id_at_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (const std::uint64_t id : ids) {
      emit(event(Op::free, id));
      ++out_.stats.frees;
    }
    id_at_.clear();
    amount_blocks_ = 0;
    move_free_.reset();
    last_move_.reset();
  }

  // The trace format's sizes go up to kMaxTraceSize: a larger one would import, then fail the
  // replay.
  void check_size(std::uint64_t n_bytes) {
    if (n_bytes > kMaxTraceSize) {
      fail("out-of-range",
           fmt::format("{} bytes; a trace's sizes are at most {}", n_bytes, kMaxTraceSize));
    }
  }

  [[noreturn]] void fail(std::string_view rule, std::string detail) {
    throw TraceError({.file = log_name_,
                      .line = line_number_,
                      .rule = std::string(rule),
                      .detail = std::move(detail)});
  }

  // malloc.c's `realloc OLD, oldN, newN : NEW`.
  void malloc_realloc(const LogLine& l) {
    const auto move = std::exchange(last_move_, std::nullopt);
    if (l.ptr == 0 || l.new_ptr == 0) return;  // from NULL (an alloc), refused, or to size 0
    if (l.ptr != l.new_ptr) {
      if (move != std::pair{l.ptr, l.new_ptr}) warn("a moving realloc that gc.c did not log");
      return;
    }
    const auto it = id_at_.find(l.ptr);
    if (it == id_at_.end()) {
      warn("realloc of an address not allocated");
      return;
    }
    check_size(l.n_bytes);
    emit(event(Op::realloc, it->second, l.n_bytes));
    ++out_.stats.reallocs_in_place;
  }

  void collection_line(const LogLine& l) {
    // Marking comes before sweeping and prints nothing else, so a gc_mark after a gc_sweep or
    // after another line starts a new collection; a gc_sweep after other lines (a finaliser's
    // output) goes on with the same one.
    if (collection_ && l.shape == LineShape::gc_mark && (swept_in_run_ || interrupted_)) {
      end_collection();
    }
    if (!collection_) begin_collection();
    interrupted_ = false;
    if (l.shape == LineShape::gc_sweep) {
      swept_in_run_ = true;
      if (const auto id = take_id(l.ptr, "gc_sweep")) {
        emit(event(Op::drop, *id));
        ++out_.stats.drops;
      }
    }
  }

  void begin_collection() {
    // A collection after gc_alloc(P), or after the call's one collection: the call is over.
    if (open_ && (open_->ptr || open_->collection)) close_alloc();
    CollectionKind kind = CollectionKind::explicit_;
    if (open_) {
      kind = open_->no_free_mem ? CollectionKind::oom : CollectionKind::threshold;
      open_->collection = kind;
    }
    collection_ = kind;
    swept_in_run_ = false;
    amount_blocks_ = 0;  // gc_collect_start resets the count
  }

  void end_collection() {
    MpyLogStats& s = out_.stats;
    switch (*collection_) {
      case CollectionKind::oom:
        ++s.collections_oom;
        break;
      case CollectionKind::threshold:
        ++s.collections_threshold;
        break;
      case CollectionKind::explicit_:
        ++s.collections_explicit;
        break;
    }
    if (*collection_ == CollectionKind::threshold)
      threshold_collects_.push_back(out_.events.size());
    if (*collection_ != CollectionKind::oom) emit(event(Op::collect));
    collection_.reset();
  }

  // The open gc_alloc call is over: it succeeded (an `alloc`), or it failed (an `alloc` the
  // replay fails too; with no OOM collection of its own, gc is disabled around it so the replay
  // makes none either).
  void close_alloc() {
    if (!open_) return;
    const OpenAlloc a = *open_;
    open_.reset();
    const std::uint64_t id = next_id_++;
    ++out_.stats.allocations;
    threshold_.checked(a);
    if (a.ptr) {
      emit(event(Op::alloc, id, a.n_bytes));
      id_at_[*a.ptr] = id;
      amount_blocks_ += a.n_blocks;
      return;
    }
    ++out_.stats.failed_allocations;
    const bool wrap = a.collection != CollectionKind::oom;
    // After a threshold collection the wrap is needed only while that collection is an event.
    if (wrap && a.collection) threshold_collects_.push_back(out_.events.size());
    if (wrap) emit(event(Op::disable));
    emit(event(Op::alloc, id, a.n_bytes));
    if (wrap && a.collection) threshold_collects_.push_back(out_.events.size());
    if (wrap) emit(event(Op::enable));
  }

  void close_zero_size() {
    open_.reset();
    ++out_.stats.allocations;
    emit(event(Op::alloc, next_id_++, 0));
  }

  std::optional<std::uint64_t> take_id(std::uint64_t ptr, std::string_view what) {
    const auto it = id_at_.find(ptr);
    if (it == id_at_.end()) {
      warn(fmt::format("{} of an address not allocated", what));
      return std::nullopt;
    }
    const std::uint64_t id = it->second;
    id_at_.erase(it);
    return id;
  }

  void mark(std::string_view label) {
    Event e = event(Op::mark);
    e.text = label;
    emit(std::move(e));
    ++out_.stats.marks;
  }

  void observe(std::int64_t mem_alloc, std::int64_t mem_free) {
    Event e = event(Op::observe);
    e.mem_alloc = mem_alloc;
    e.mem_free = mem_free;
    emit(std::move(e));
    ++out_.stats.observes;
  }

  void emit(Event e) {
    if (out_.events.size() >= max_events_) {
      fail("too-many-events", fmt::format("the limit is {} events (--max-events)", max_events_));
    }
    out_.events.push_back(std::move(e));
  }

  // Removes the events at `indices` (ascending).
  void drop_events(const std::vector<std::size_t>& indices) {
    std::vector<Event>& events = out_.events;
    std::size_t kept = 0, next = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (next < indices.size() && indices[next] == i) {
        ++next;
        continue;
      }
      if (kept != i) events[kept] = std::move(events[i]);
      ++kept;
    }
    events.resize(kept);
  }

  // Only the first warnings are kept (a garbled log may have millions), each line cut short
  // and shown safe for a terminal.
  void warn(std::string reason) {
    ++out_.warnings_total;
    if (out_.warnings.size() >= kKeptImportWarnings) return;
    out_.warnings.push_back({line_number_, printable_excerpt(text_), std::move(reason)});
  }

  std::string log_name_;
  std::uint64_t max_events_;
  MpyLogImport out_;
  MpyLogHeapReader heap_;
  std::uint64_t line_number_ = 0;
  std::string_view text_;  // the current line

  ThresholdInference threshold_;
  std::uint64_t amount_blocks_ = 0;              // gc_alloc's blocks since the last collection
  std::vector<std::size_t> threshold_collects_;  // events that stand for threshold collections
  std::unordered_map<std::uint64_t, std::uint64_t> id_at_;  // address → id of the object there
  std::uint64_t next_id_ = 1;
  std::optional<LogLine> heap_init_;  // the first `Initializing GC heap`
  std::optional<OpenAlloc> open_;
  std::optional<CollectionKind> collection_;  // inside a run of gc_mark/gc_sweep lines
  bool swept_in_run_ = false;
  bool interrupted_ = false;                // another line came since the last gc_mark/sweep
  std::optional<std::uint64_t> move_free_;  // OLD of a move, until its gc_free(OLD)
  std::optional<std::pair<std::uint64_t, std::uint64_t>> last_move_;  // for malloc.c's line
};

}  // namespace

MpyLogImport import_mpy_log(std::istream& log, const std::string& log_name,
                            std::uint64_t max_events) {
  Importer importer(log_name, max_events);
  std::string text;
  for (std::uint64_t line = 1; read_log_line(log, text, log_name, line); ++line) {
    importer.line(text);
  }
  return importer.finish();
}

MpyLogImport import_mpy_log(const std::string& path, std::uint64_t max_events) {
  Importer importer(path, max_events);
  GzSource source(path);
  std::string text;
  for (std::uint64_t line = 1;; ++line) {
    const LogLineEnd end = read_log_line_from(source, text, kMaxLineBytes);
    if (end == LogLineEnd::too_long) {
      throw TraceError({.file = path,
                        .line = line,
                        .rule = "line-too-long",
                        .detail = fmt::format("a line over {} bytes", kMaxLineBytes)});
    }
    if (end == LogLineEnd::end_of_file) break;
    importer.line(text);
  }
  // Half a log would import as a different program.
  if (source.gzip_truncated()) {
    throw TraceError({.file = path,
                      .line = source.line(),
                      .rule = "truncated-gzip",
                      .detail = "the gzip stream ends early (a truncated .gz)"});
  }
  return importer.finish();
}

std::string printable_excerpt(std::string_view text) {
  constexpr std::size_t kMaxBytes = 100;
  std::string out;
  for (const char c : text.substr(0, kMaxBytes)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? '?' : c;
  }
  if (text.size() > kMaxBytes) out += "...";
  return out;
}

std::string trace_name_for_log(const std::string& log_name) {
  std::string name = log_name.substr(log_name.find_last_of('/') + 1);
  for (std::string_view suffix : {".gz", ".log", ".txt"}) {
    if (name.ends_with(suffix) && name.size() > suffix.size()) {
      name.resize(name.size() - suffix.size());
    }
  }
  return name;
}

}  // namespace gcsim
