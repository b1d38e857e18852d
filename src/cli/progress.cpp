#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include "text/number_format.h"

namespace gcsim::cli {

Progress::Progress(bool enabled, std::uint64_t file_bytes)
    : enabled_(enabled && ::isatty(STDERR_FILENO)),
      file_bytes_(file_bytes),
      start_(Clock::now()),
      last_draw_(start_) {}

void Progress::clear() {
  if (shown_) fmt::print(stderr, "\r\033[K");
  shown_ = false;
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
  const std::string share = file_bytes_ == 0
                                ? std::string()
                                : ", " +
                                      percent(static_cast<double>(position.file_offset) /
                                              static_cast<double>(file_bytes_)) +
                                      " of the file";
  fmt::print(stderr, "\r\033[Kreplaying: {} events, {} events/s{}", grouped(position.index + 1),
             grouped(static_cast<std::uint64_t>(static_cast<double>(position.index + 1) / seconds)),
             share);
}

SweepProgressLine::SweepProgressLine(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), start_(Clock::now()), last_draw_(start_) {}

void SweepProgressLine::tick(const sweep::SweepCounters& c) {
  if (!enabled_) return;
  const std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock) return;  // another thread is drawing
  const auto now = Clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(250)) {
    return;
  }
  last_draw_ = now;
  shown_ = true;
  std::string line = fmt::format("sweeping: {} of {} cells", grouped(std::uint64_t{c.cells_done}),
                                 grouped(std::uint64_t{c.cells_total}));
  if (c.margins_total > 0) {
    line += fmt::format(", {} of {} safety margins", grouped(std::uint64_t{c.margins_done}),
                        grouped(std::uint64_t{c.margins_total}));
  }
  if (c.searches_total > 0) {
    line += fmt::format(", {} of {} minimum heaps", grouped(std::uint64_t{c.searches_done}),
                        grouped(std::uint64_t{c.searches_total}));
  }
  if (c.margins_total + c.searches_total > 0) {
    line += fmt::format(" ({} heaps replayed)", grouped(std::uint64_t{c.scan_replays}));
  }
  const double seconds = std::chrono::duration<double>(now - start_).count();
  fmt::print(stderr, "\r\033[K{}, {:.0f} s", line, seconds);
}

void SweepProgressLine::clear() {
  const std::lock_guard lock(mutex_);
  if (shown_) fmt::print(stderr, "\r\033[K");
  shown_ = false;
}

}  // namespace gcsim::cli
