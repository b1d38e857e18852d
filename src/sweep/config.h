// A checked-in sweep file, `gcsim sweep --config sweep.json`: what a CI job sweeps and gates.
//
//   { "traces": ["../../traces/", "extra/camera.jsonl"],   // relative to this file; a folder
//                                                          // stands for its traces, sorted
//     "preset": "k210",
//     "thresholds": "off,quarter,4K..64K*2",                   // a LIST, or an array of items
//     "heap_sizes": ["port", "256K"],
//     "min_heap": false,
//     "min_heap_to": "1M",                                      // the search bound
//     "prefer": "heap",                                         // the recommendation's goal
//     "safety_margin": "10%",
//     "baseline": "baseline.json",                              // relative to this file
//     "tolerance": "collections=5%,peak=0",
//     "budgets": { "*": { "max_failures": 0 },
//                  "camera_preview": { "max_collections": 40, "max_peak": 200000,
//                                      "min_largest_free": 65536 } } }
//
// Every key is optional; flags given on the command line win. Unknown keys are errors, so a
// misspelt budget does not silently check nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sweep/budgets.h"

namespace gcsim::sweep {

struct SweepConfig {
  std::vector<std::string> traces;  // resolved against the config's folder, folders expanded
  std::optional<std::string> preset;
  std::optional<std::string> thresholds, heap_sizes;  // LIST text
  std::optional<bool> min_heap;
  std::optional<std::string> min_heap_to, prefer, safety_margin;  // as the flags take them
  std::optional<std::string> baseline;  // resolved against the config's folder
  std::optional<std::string> tolerance;
  Budgets budgets;
};

// Throws std::runtime_error naming the file and the key.
SweepConfig read_sweep_config(const std::string& path);

}  // namespace gcsim::sweep
