// GcModule: MicroPython's `gc` module (py/modgc.c, docs/collector.md §8) over a Collector —
// the calls a trace's collect / enable / disable / threshold events stand for.
#pragma once

#include <cstdint>

#include "collector/collector.h"

namespace gcsim {

class GcModule {
 public:
  explicit GcModule(Collector& collector) : collector_(collector) {}

  void enable() { collector_.trigger().set_enabled(true); }
  void disable() { collector_.trigger().set_enabled(false); }
  bool isenabled() const { return collector_.trigger().enabled(); }
  // gc.collect(): works while disabled too.
  const CollectionRecord& collect() { return collector_.collect(CollectionCause::explicit_); }
  std::uint64_t mem_alloc() const;
  std::uint64_t mem_free() const;
  // gc.threshold(amount): does not reset the amount already counted.
  void threshold(std::int64_t amount_bytes) { collector_.trigger().set_threshold(amount_bytes); }
  // gc.threshold(): −1 or the stored value rounded down to whole blocks.
  std::int64_t threshold() const { return collector_.trigger().threshold_bytes(); }

 private:
  Collector& collector_;
};

}  // namespace gcsim
