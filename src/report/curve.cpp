#include "report/curve.h"

#include <algorithm>

namespace gcsim {
namespace {

void absorb(CurveBucket& into, const CurveBucket& b) {
  into.last_event = b.last_event;
  into.min_mem_alloc = std::min(into.min_mem_alloc, b.min_mem_alloc);
  into.max_mem_alloc = std::max(into.max_mem_alloc, b.max_mem_alloc);
  into.min_mem_free = std::min(into.min_mem_free, b.min_mem_free);
  into.max_mem_free = std::max(into.max_mem_free, b.max_mem_free);
  into.min_max_free = std::min(into.min_max_free, b.min_max_free);
  into.max_max_free = std::max(into.max_max_free, b.max_max_free);
}

}  // namespace

// An even bucket count keeps every merged bucket full, so widths stay equal.
Curve::Curve(std::size_t max_buckets)
    : max_buckets_(std::max<std::size_t>(max_buckets + max_buckets % 2, 2)) {}

void Curve::sample(const StateSample& s) {
  const CurveBucket point{s.event,    s.event,    s.mem_alloc, s.mem_alloc,
                          s.mem_free, s.mem_free, s.max_free,  s.max_free};
  if (!buckets_.empty() && in_last_ < width_) {
    absorb(buckets_.back(), point);
    ++in_last_;
    return;
  }
  if (buckets_.size() == max_buckets_) halve();  // every bucket is full: merge pairs
  if (!buckets_.empty() && in_last_ < width_) {
    absorb(buckets_.back(), point);
    ++in_last_;
    return;
  }
  buckets_.push_back(point);
  in_last_ = 1;
}

void Curve::halve() {
  buckets_ = coarsened(buckets_, buckets_.size() / 2);
  width_ *= 2;
  in_last_ = width_;
}

std::size_t coarsening_group(std::size_t buckets, std::size_t max_buckets) {
  const std::size_t most = std::max<std::size_t>(max_buckets, 1);
  return std::max<std::size_t>((buckets + most - 1) / most, 1);
}

std::vector<CurveBucket> coarsened(const std::vector<CurveBucket>& buckets,
                                   std::size_t max_buckets) {
  const std::size_t group = coarsening_group(buckets.size(), max_buckets);
  if (group == 1) return buckets;
  std::vector<CurveBucket> merged;
  merged.reserve(buckets.size() / group + 1);
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    if (i % group == 0) {
      merged.push_back(buckets[i]);
    } else {
      absorb(merged.back(), buckets[i]);
    }
  }
  return merged;
}

}  // namespace gcsim
