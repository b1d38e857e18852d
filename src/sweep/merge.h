// Joins the shards of one sweep (`gcsim sweep --shard I/N --json F`, one per CI job) into the
// result a single unsharded run gives: same spec, every cell and min-heap search once, in
// index order. The shards must be N different shards of the same N and the same spec; the
// files may come in any order.
#pragma once

#include <string>
#include <vector>

#include "sweep/result.h"

namespace gcsim::sweep {

struct ShardFile {
  std::string file;  // for errors
  SweepResult result;
};

// Throws std::invalid_argument naming the file that does not fit.
SweepResult merge_shards(std::vector<ShardFile> shards);

}  // namespace gcsim::sweep
