// A long text cut for display: at most `max_bytes` of it, never inside a UTF-8 character, and
// "…" after the cut. A page that shows a trace's labels keeps them at a readable length, and
// memory for them no longer grows with what a trace line may hold (64 MiB).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gcsim {

inline constexpr std::size_t kMaxShownLabelBytes = 200;

std::string excerpt(std::string_view text, std::size_t max_bytes = kMaxShownLabelBytes);

}  // namespace gcsim
