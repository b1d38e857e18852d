#include "report/state_csv.h"

#include <array>
#include <charconv>
#include <cstring>

namespace gcsim {
namespace {

// The longest row: six 20-digit numbers, the longest op name (9 letters) and six commas, with
// room to spare.
constexpr std::size_t kRowBytes = 192;

char* put_number(char* at, std::uint64_t n) { return std::to_chars(at, at + 20, n).ptr; }

}  // namespace

StateCsvWriter::StateCsvWriter(std::ostream& out, std::uint64_t every)
    : out_(out), every_(every == 0 ? 1 : every) {
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
}

// Formatted by hand into one buffer and written at once: the row is most of a replay's cost
// otherwise (a format string parsed per row, the stream locked per field).
void StateCsvWriter::write_row(const StateSample& s) {
  std::array<char, kRowBytes> row;
  char* at = put_number(row.data(), s.event);
  *at++ = ',';
  const std::string_view op = op_name(s.op);
  std::memcpy(at, op.data(), op.size());
  at += op.size();
  for (const std::uint64_t n :
       {s.mem_alloc, s.mem_free, s.max_free, std::uint64_t{s.free_runs}, s.collections}) {
    *at++ = ',';
    at = put_number(at, n);
  }
  *at++ = '\n';
  out_.write(row.data(), at - row.data());
}

}  // namespace gcsim
