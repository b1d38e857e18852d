#include "sweep/heap_scan.h"

#include <algorithm>
#include <stdexcept>

#include "sweep/parallel.h"

namespace gcsim::sweep {
namespace {

constexpr std::uint64_t kBlocksPerAtbByte = 4;  // 2 bits a block

std::uint64_t atb_for_blocks(std::uint64_t n_blocks) {
  return (n_blocks + kBlocksPerAtbByte - 1) / kBlocksPerAtbByte;
}

std::uint64_t atb_of(const GeometryParams& params) {
  const auto layout = compute_layout(params);
  return layout ? layout->atb_bytes : 0;
}

class Scanner {
 public:
  Scanner(const SweepTrace& trace, const TraceEvents& events, const GridValue& threshold,
          const ScanRequest& request)
      : trace_(trace),
        events_(events),
        threshold_(threshold),
        request_(request),
        requests_(events.events, trace.geometry.block_bytes) {
    // No pool below the largest single allocation can pass.
    scan_.need_atb = std::max<std::uint64_t>(1, atb_for_blocks(requests_.largest_blocks()));
  }

  HeapScan run() {
    // `quarter` follows the pool, so no replay stands for another pool's.
    const bool fixed = threshold_.kind != GridKind::quarter;
    std::uint64_t next = request_.top_atb;  // the highest candidate not decided yet
    bool covering = fixed;                  // the last replay decided more than itself
    while (!scan_.stopped_at_failure && next >= floor() && next > 0) {
      const std::uint64_t wave = covering ? 1 : std::min(kScanWave, next - floor() + 1);
      std::vector<HeapProbe> probes(wave);
      const std::uint64_t first = next;
      run_parallel(wave, request_.jobs, [&](std::size_t i) {
        const std::uint64_t heap = smallest_heap_with_atb(trace_.geometry, first - i);
        // Covering, a replay runs to the end: its high-water mark decides the most candidates.
        probes[i] = probe_heap(events_, cell_settings(trace_, threshold_, heap), trace_.file,
                               covering ? nullptr : &requests_);
      });
      scan_.replays += static_cast<std::uint32_t>(wave);
      if (request_.after_wave) request_.after_wave(static_cast<std::uint32_t>(wave));
      for (std::uint64_t i = 0; i < wave && !scan_.stopped_at_failure; ++i) {
        const std::uint64_t atb = first - i;
        const HeapProbe& p = probes[i];
        scan_.need_atb = std::max(scan_.need_atb, atb_for_blocks(p.need_blocks));
        if (atb > next) continue;  // a replay above it in this wave decided it
        if (p.passed) {
          if (atb < scan_.need_atb) {
            throw std::logic_error("heap scan: a pool below what the trace reaches passed");
          }
          std::uint64_t low = atb;
          if (fixed) low = std::clamp(atb_for_blocks(p.cover_blocks), request_.bottom_atb, atb);
          add(low, atb, true, p);
          covering = fixed && low < atb;
          next = low - 1;
        } else {
          add(atb, atb, false, p);
          covering = false;
          next = atb - 1;
          scan_.stopped_at_failure = request_.stop_at_failure;
        }
      }
    }
    scan_.lowest = next + 1;
    return std::move(scan_);
  }

 private:
  std::uint64_t floor() const { return std::max(request_.bottom_atb, scan_.need_atb); }

  void add(std::uint64_t low, std::uint64_t high, bool passes, const HeapProbe& p) {
    if (scan_.runs.empty() || scan_.runs.back().passes != passes) {
      scan_.runs.push_back({low, high, passes, {}});
    }
    AtbRun& run = scan_.runs.back();
    run.low = low;
    if (passes) return;
    switch (p.failure_class) {
      case FailureClass::capacity:
        ++run.failures.capacity;
        break;
      case FailureClass::fragmentation:
        ++run.failures.fragmentation;
        break;
      case FailureClass::disabled:
        ++run.failures.disabled;
        break;
    }
  }

  const SweepTrace& trace_;
  const TraceEvents& events_;
  const GridValue& threshold_;
  const ScanRequest& request_;
  const TraceRequests requests_;
  HeapScan scan_;
};

}  // namespace

std::uint64_t smallest_heap_with_atb(GeometryParams params, std::uint64_t atb_bytes) {
  // The ATB size never shrinks as the heap grows: bisect for the first heap that reaches it.
  std::uint64_t lo = 0, hi = kMaxHeapBytes;  // atb(lo) < atb_bytes ≤ atb(hi), if any
  params.heap_bytes = hi;
  if (atb_of(params) < atb_bytes) return 0;
  while (hi - lo > 1) {
    params.heap_bytes = lo + (hi - lo) / 2;
    (atb_of(params) >= atb_bytes ? hi : lo) = params.heap_bytes;
  }
  return hi;
}

std::uint64_t atb_of_heap(GeometryParams params, std::uint64_t heap_bytes) {
  params.heap_bytes = heap_bytes;
  return atb_of(params);
}

HeapScan scan_heaps(const SweepTrace& trace, const TraceEvents& events, const GridValue& threshold,
                    const ScanRequest& request) {
  return Scanner(trace, events, threshold, request).run();
}

}  // namespace gcsim::sweep
