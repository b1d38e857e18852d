#include "record/recording_stream.h"

#include <fmt/format.h>
#include <array>
#include <optional>
#include <stdexcept>

namespace gcsim {
namespace {

// The type codes of 'a' records, by code, as the trace format names them: MicroPython's own
// types, then the MaixPy stand-ins' objects and buffers (maixpy/standin.h names each).
constexpr std::array<std::string_view, 20> kTypeNames = {
    "",        "tuple",    "list",      "dict",           "str",   "bytes",  "bytearray",
    "array",   "float",    "function",  "module",         "Image", "pixels", "pix_ai",
    "kpu_net", "kpu_fmap", "kpu_yolo2", "kpu_yolo2_find", "clock", "file"};

// Reads records' fields; every read is nothing once the bytes run out.
class Fields {
 public:
  Fields(std::string_view in, std::size_t pos) : in_(in), pos_(pos) {}

  std::optional<std::uint64_t> uint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return std::nullopt;
      const auto byte = static_cast<unsigned char>(in_[pos_++]);
      value |= std::uint64_t{byte & 0x7fu} << shift;
      if (byte < 0x80) return value;
    }
    throw std::runtime_error("recording stream: a number longer than 64 bits");
  }
  std::optional<std::int64_t> zigzag() {
    const auto u = uint();
    if (!u) return std::nullopt;
    return static_cast<std::int64_t>(*u >> 1) ^ -static_cast<std::int64_t>(*u & 1);
  }
  std::optional<std::string_view> bytes() {
    const auto n = uint();
    if (!n || in_.size() - pos_ < *n) return std::nullopt;
    const std::string_view out = in_.substr(pos_, *n);
    pos_ += *n;
    return out;
  }
  std::size_t pos() const { return pos_; }

 private:
  std::string_view in_;
  std::size_t pos_;
};

// A label as the trace keeps it: printable ASCII and spaces (a stand-in's "frame 12", an
// OBSERVE line's "frame 1"), the rest '?'.
std::string label_text(std::string_view raw) {
  std::string label(raw);
  for (char& c : label) {
    if (c < 0x20 || c > 0x7e) c = '?';
  }
  return label;
}

}  // namespace

void RecordingStream::emit(Event event) {
  if (!holding_) {
    sink_(event);
    return;
  }
  held_.push_back(std::move(event));
  if (held_.size() >= kMaxHeld) release_held();
}

void RecordingStream::release_held() {
  for (const Event& e : held_) sink_(e);
  held_.clear();
  holding_ = false;
}

bool RecordingStream::decode_one(std::string_view in, std::size_t& pos) {
  if (facts_.ended) {
    throw std::runtime_error("recording stream: a record after the end record");
  }
  const char op = in[pos];
  Fields f(in, pos + 1);
  Event e;
  switch (op) {
    case 'h': {
      const auto offset = f.uint(), pool = f.uint(), every = f.uint();
      if (!every) return false;
      facts_.heap_start_offset = *offset;
      facts_.pool_bytes = *pool;
      facts_.liveness_every = *every;
      if (on_start_) on_start_(facts_);
      break;
    }
    case 'a': {
      const auto id = f.uint(), size = f.uint(), flags = f.uint(), type = f.uint();
      if (!type) return false;
      e.op = Op::alloc;
      e.id = *id;
      e.size = *size;
      e.fin = (*flags & 1) != 0;
      if (*type < kTypeNames.size()) e.text = kTypeNames[*type];
      emit(std::move(e));
      break;
    }
    case 'r': {
      const auto id = f.uint(), size = f.uint();
      if (!size) return false;
      e.op = Op::realloc;
      e.id = *id;
      e.size = *size;
      emit(std::move(e));
      break;
    }
    case 'f':
    case 'd': {
      const auto id = f.uint();
      if (!id) return false;
      e.op = op == 'f' ? Op::free : Op::drop;
      e.id = *id;
      emit(std::move(e));
      break;
    }
    case 'c':
    case 'e':
    case 'x':
      e.op = op == 'c' ? Op::collect : op == 'e' ? Op::enable : Op::disable;
      emit(std::move(e));
      break;
    case 't': {
      const auto amount = f.zigzag();
      if (!amount) return false;
      e.op = Op::threshold;
      e.amount = *amount;
      emit(std::move(e));
      break;
    }
    case 'i':
      release_held();
      holding_ = true;
      break;
    case 'm': {
      const auto label = f.bytes();
      if (!label) return false;
      e.op = Op::mark;
      e.text = label_text(*label);
      sink_(e);  // before whatever followed the last read of the heap's figures
      release_held();
      break;
    }
    case 'o': {
      const auto size = f.uint();
      if (!size) return false;
      if (facts_.out_of_memory++ == 0) facts_.first_out_of_memory_bytes = *size;
      break;
    }
    case 'w': {
      if (!f.uint()) return false;
      ++facts_.liveness_misses;
      break;
    }
    case 'z': {
      const auto count = f.uint();
      if (!count) return false;
      if (*count != facts_.records) {
        throw std::runtime_error(
            fmt::format("recording stream: the end record counts {} records, {} arrived", *count,
                        facts_.records));
      }
      facts_.ended = true;
      break;
    }
    default:
      throw std::runtime_error(
          fmt::format("recording stream: unknown record 0x{:02x} after {} records",
                      static_cast<unsigned char>(op), facts_.records));
  }
  if (op != 'z') ++facts_.records;
  pos = f.pos();
  return true;
}

void RecordingStream::feed(std::string_view bytes) {
  std::string joined;
  std::string_view in = bytes;
  if (!pending_.empty()) {
    joined = pending_ + std::string(bytes);
    in = joined;
  }
  std::size_t pos = 0;
  while (pos < in.size() && decode_one(in, pos)) {
  }
  pending_.assign(in.substr(pos));
}

void RecordingStream::finish() {
  if (!pending_.empty()) {
    throw std::runtime_error(
        fmt::format("recording stream: cut off inside a record after {} records", facts_.records));
  }
  release_held();
}

}  // namespace gcsim
