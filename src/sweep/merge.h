// Joins the shards of one sweep (`gcsim sweep --shard I/N --json F`, one per CI job) into the
// result a single unsharded run gives: same spec, every cell and min-heap search once, in
// index order. The shards must be N different shards of the same N and the same spec; the
// files may come in any order.
#pragma once

#include <string>
#include <vector>

#include <optional>

#include "sweep/gate.h"
#include "sweep/result.h"

namespace gcsim::sweep {

struct ShardFile {
  std::string file;  // for errors
  SweepResult result;
  std::optional<GateSettings> gate;  // what the shard gated with
};

// Throws std::invalid_argument naming the file that does not fit (another sweep, a shard twice
// or missing, a shard that gated differently from the others).
SweepResult merge_shards(std::vector<ShardFile> shards);

}  // namespace gcsim::sweep
