#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include "report/number_format.h"

namespace gcsim::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), start_(Clock::now()), last_draw_(start_) {}

Progress::~Progress() {
  if (shown_) fmt::print(stderr, "\r\033[K");
}

void Progress::after_event(const Event&, const EventPosition& position, const EventOutcome&,
                           const Simulation&) {
  if (!enabled_ || (position.index & 0xffff) != 0) return;  // look at the clock rarely
  const auto now = Clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(250)) {
    return;
  }
  last_draw_ = now;
  shown_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  fmt::print(stderr, "\r\033[Kreplaying: {} events, {} events/s", grouped(position.index + 1),
             grouped(static_cast<std::uint64_t>(static_cast<double>(position.index + 1) / seconds)));
}

}  // namespace gcsim::cli
