// Trigger: every decision about *when* py/gc.c collects, kept in one place (docs/collector.md
// §3 step 4–5, §6 gc_collect_start, §8). Quantities are in blocks, as gc.c keeps them:
//   - gc_alloc_amount: blocks handed out by gc_alloc since the last collection of any kind;
//     reset when a collection starts; untouched by free and by in-place realloc growth;
//   - gc_alloc_threshold: gc.threshold(bytes) stores bytes / B (rounded down); −1 → SIZE_MAX;
//   - gc_auto_collect_enabled: gc.disable() stops both threshold and out-of-memory collections.
#pragma once

#include <cstdint>
#include <limits>

namespace gcsim {

// What gc.threshold(requested) then reads back: −1, or requested rounded down to whole blocks.
std::int64_t effective_threshold_bytes(std::int64_t requested_bytes, std::uint32_t block_bytes);

class Trigger {
 public:
  static constexpr std::uint64_t kDisabled = std::numeric_limits<std::uint64_t>::max();

  explicit Trigger(std::uint32_t block_bytes) : block_bytes_(block_bytes) {}

  // gc.threshold(amount): negative disables; otherwise amount / B blocks, rounded down.
  void set_threshold(std::int64_t amount_bytes);
  // gc.threshold(): −1 when disabled, else the stored blocks × B (1000 reads back as 992).
  std::int64_t threshold_bytes() const;
  std::uint64_t threshold_blocks() const { return threshold_blocks_; }

  void set_enabled(bool enabled) { auto_collect_ = enabled; }
  bool enabled() const { return auto_collect_; }

  std::uint64_t amount_blocks() const { return amount_blocks_; }
  // gc_alloc's check, made before every search: collect first?
  bool threshold_due() const { return auto_collect_ && amount_blocks_ >= threshold_blocks_; }
  void allocated(std::uint64_t n_blocks) { amount_blocks_ += n_blocks; }
  void collection_started() { amount_blocks_ = 0; }

 private:
  std::uint32_t block_bytes_;
  std::uint64_t threshold_blocks_ = kDisabled;  // gc_init: (size_t)-1
  std::uint64_t amount_blocks_ = 0;
  bool auto_collect_ = true;
};

}  // namespace gcsim
