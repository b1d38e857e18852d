#include "report/state_csv.h"

#include <charconv>
#include <cstring>

namespace gcsim {
namespace {

// The longest row: six 20-digit numbers, the longest op name (9 letters) and six commas, with
// room to spare; the buffer is written out when less than a row is left.
constexpr std::size_t kRowBytes = 192;
constexpr std::size_t kBufferBytes = 64 * 1024;

}  // namespace

StateCsvWriter::StateCsvWriter(std::ostream& out, std::uint64_t every)
    : out_(out), every_(every == 0 ? 1 : every), buffer_(kBufferBytes) {
  out_ << kStateCsvHeader << '\n';
}

void StateCsvWriter::sample(const StateSample& s) {
  if (every_ != 1 && s.event % every_ != 0) {
    skipped_ = s;
    return;
  }
  skipped_.reset();
  write_row(s);
}

void StateCsvWriter::finish() {
  if (skipped_) write_row(*skipped_);
  skipped_.reset();
  flush();
}

void StateCsvWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

// The column's digits for n: copied when n is its last value, formatted otherwise. The copy is
// of all 20 bytes (a fixed size, a couple of moves), of which `size` count.
char* StateCsvWriter::put(char* at, Column& column, std::uint64_t n) {
  if (column.size == 0 || column.value != n) {
    column.value = n;
    column.size = static_cast<std::uint8_t>(
        std::to_chars(column.digits.data(), column.digits.data() + column.digits.size(), n).ptr -
        column.digits.data());
  }
  std::memcpy(at, column.digits.data(), column.digits.size());
  return at + column.size;
}

// put, where n is most often the last value plus one (the event column): the digits counted up
// in place, a carry through trailing nines.
char* StateCsvWriter::put_next(char* at, Column& column, std::uint64_t n) {
  if (column.size != 0 && n != 0 && column.value + 1 == n) {
    int i = column.size - 1;
    while (i >= 0 && column.digits[i] == '9') column.digits[i--] = '0';
    if (i >= 0) {
      ++column.digits[i];
      column.value = n;
    } else {
      column.size = 0;  // all nines: one digit more, formatted by put
    }
  }
  return put(at, column, n);
}

// Formatted by hand into the buffer: the row is most of a replay's cost otherwise (a format
// string parsed per row, the stream locked per write).
void StateCsvWriter::write_row(const StateSample& s) {
  if (buffer_.size() - used_ < kRowBytes) flush();
  char* at = buffer_.data() + used_;
  at = put_next(at, columns_[0], s.event);
  *at++ = ',';
  const std::string_view op = op_name(s.op);
  std::memcpy(at, op.data(), op.size());
  at += op.size();
  const std::uint64_t numbers[] = {s.mem_alloc, s.mem_free, s.max_free, std::uint64_t{s.free_runs},
                                   s.collections};
  for (std::size_t i = 0; i < std::size(numbers); ++i) {
    *at++ = ',';
    at = put(at, columns_[i + 1], numbers[i]);
  }
  *at++ = '\n';
  used_ = static_cast<std::size_t>(at - buffer_.data());
}

}  // namespace gcsim
