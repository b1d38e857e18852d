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

}  // namespace gcsim::cli
