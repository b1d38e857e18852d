#include "report/state_csv.h"

#include <fmt/ostream.h>

namespace gcsim {

StateCsvWriter::StateCsvWriter(std::ostream& out, std::uint64_t every)
    : out_(out), every_(every == 0 ? 1 : every) {
  out_ << kStateCsvHeader << '\n';
}

void StateCsvWriter::sample(const StateSample& s) {
  if (s.event % every_ != 0) return;
  fmt::print(out_, "{},{},{},{},{},{},{}\n", s.event, op_name(s.op), s.mem_alloc, s.mem_free,
             s.max_free, s.free_runs, s.collections);
}

}  // namespace gcsim
