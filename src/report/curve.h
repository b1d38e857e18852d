// Curve: a down-sampled copy of the per-event state that keeps every spike. Events fall into
// buckets of equal width; each bucket keeps the min and max of mem_alloc, mem_free and the
// largest free run over its events. When the buckets run out, neighbours merge pairwise and the
// width doubles, so memory stays at most `max_buckets` whatever the trace's length and a
// one-event peak on a 100,000-event trace still shows (as its bucket's max).
#pragma once

#include <cstdint>
#include <vector>

#include "replay/recorder.h"

namespace gcsim {

struct CurveBucket {
  std::uint64_t first_event = 0, last_event = 0;
  std::uint64_t min_mem_alloc = 0, max_mem_alloc = 0;
  std::uint64_t min_mem_free = 0, max_mem_free = 0;
  std::uint64_t min_max_free = 0, max_max_free = 0;
};

class Curve final : public SampleSink {
 public:
  explicit Curve(std::size_t max_buckets = 1024);
  void sample(const StateSample& s) override;

  const std::vector<CurveBucket>& buckets() const { return buckets_; }
  std::uint64_t bucket_width() const { return width_; }

 private:
  void halve();

  std::size_t max_buckets_;
  std::uint64_t width_ = 1;    // events per bucket
  std::uint64_t in_last_ = 0;  // events in the last bucket so far
  std::vector<CurveBucket> buckets_;
};

// `buckets` with every `ceil(size / max_buckets)` neighbours merged into one (min of the mins,
// max of the maxes), so at most `max_buckets` remain and a spike still shows: a chart draws no
// more buckets than it has units across its plot.
std::vector<CurveBucket> coarsened(const std::vector<CurveBucket>& buckets,
                                   std::size_t max_buckets);
// How many neighbours coarsened() merges into one: ceil(buckets / max_buckets), at least 1.
std::size_t coarsening_group(std::size_t buckets, std::size_t max_buckets);

}  // namespace gcsim
