// gcsim's exit codes, the same for every command.
#pragma once

namespace gcsim::cli {

inline constexpr int kExitOk = 0;          // done (a replay whose allocations fail is done too)
inline constexpr int kExitRegression = 1;  // sweep gate: a regression or a budget breach
inline constexpr int kExitBadInput = 2;    // bad flags, missing or broken files, bad settings

}  // namespace gcsim::cli
