#include "sweep/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gcsim::sweep {

void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::size_t error_task = n;
  std::exception_ptr error;
  const auto work = [&] {
    for (std::size_t i; !failed && (i = next++) < n;) {
      try {
        task(i);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (i < error_task) {
          error_task = i;
          error = std::current_exception();
        }
        failed = true;
      }
    }
  };
  const std::size_t n_threads = std::min<std::size_t>(std::max(jobs, 1u), n);
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < n_threads; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace gcsim::sweep
