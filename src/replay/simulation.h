// Simulation: applies one checked trace event to the program model and the collector — the
// "apply" step of read → check → apply → record — and says what happened: a collection (and
// why), a MemoryError (and its class), a realloc's path, or that the event was skipped because
// it names an id whose allocation failed.
#pragma once

#include <cstdint>
#include <optional>

#include "collector/collector.h"
#include "collector/gc_module.h"
#include "heap/geometry.h"
#include "replay/indices.h"
#include "replay/program.h"
#include "trace/event.h"

namespace gcsim {

struct FailureRecord {
  std::uint64_t event = 0;
  std::uint64_t id = 0;
  bool realloc = false;
  std::uint64_t size_bytes = 0;
  std::uint64_t n_blocks = 0;
  FailureClass failure_class = FailureClass::capacity;
  std::uint64_t mem_free = 0;  // bytes, right after the collector gave up
  std::uint32_t largest_free_blocks = 0;
};

// What one event did. The records it points to belong to the Simulation (and its Collector) and
// stay valid until its next apply() (the outcome is small: it is made and read once per event).
struct EventOutcome {
  bool skipped = false;                          // names an object without memory because its
                                                 // allocation failed (Program: "lost")
  const CollectionRecord* collection = nullptr;  // at most one per event
  const FailureRecord* failure = nullptr;
  std::optional<ReallocKind> realloc;
  BlockIndex placed_head = kNoBlock;  // alloc/realloc: where the allocation now starts
  std::uint64_t placed_blocks = 0;
};

class Simulation {
 public:
  explicit Simulation(const Layout& layout, Bookkeeping bookkeeping = Bookkeeping::indexed);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Throws RuleViolation for an event the program state forbids (see Program).
  EventOutcome apply(const Event& event, EventIndex index);

  const Collector& collector() const { return collector_; }
  GcModule& gc() { return gc_; }
  const Program& program() const { return program_; }

 private:
  void alloc(const Event& e, EventIndex index, EventOutcome& out);
  void realloc(const Event& e, EventIndex index, EventOutcome& out);
  // The MemoryError of alloc or realloc event `e` that needed n_blocks: classified, recorded
  // in last_failure_, and pointed to by `out`.
  void record_failure(EventOutcome& out, const Event& e, EventIndex index, std::uint64_t n_blocks);

  Program program_;
  Collector collector_;
  GcModule gc_;
  FailureRecord last_failure_;
};

}  // namespace gcsim
