// The K210's general SRAM around the GC heap (docs/geometry.md, "The K210's memory around the GC
// heap"), for the minimum-heap report: what a GC heap of a given size leaves the system heap
// for KPU models. Maix.utils.gc_heap_size() trades one against the other. Every figure is a
// documented default the user can override:
//
//   6 MiB SRAM (SRAM0 4 MiB + SRAM1 2 MiB; the 2 MiB AI SRAM belongs to the KPU)
//   − firmware image, 2.5 MiB (the middle of the 2–3 MiB MaixPy images and their stacks take)
//   − camera buffers, 384,000 bytes (one QVGA buffer: 153,600 RGB565 + 230,400 for the AI;
//     twice that with dual_buff)
//   − LCD buffer, 153,600 bytes (320×240 RGB565)
//   − the GC heap
//   = left for KPU models (negative: over budget)
#pragma once

#include <cstdint>

namespace gcsim::sweep {

struct K210Memory {
  std::uint64_t sram_bytes = 6 * 1024 * 1024;
  std::uint64_t firmware_bytes = 2621440;
  std::uint64_t camera_bytes = 384000;
  std::uint64_t lcd_bytes = 153600;

  std::int64_t kpu_bytes_left(std::uint64_t gc_heap_bytes) const {
    return static_cast<std::int64_t>(sram_bytes) - static_cast<std::int64_t>(firmware_bytes) -
           static_cast<std::int64_t>(camera_bytes) - static_cast<std::int64_t>(lcd_bytes) -
           static_cast<std::int64_t>(gc_heap_bytes);
  }
  bool operator==(const K210Memory&) const = default;
};

}  // namespace gcsim::sweep
