#include "sweep/parallel.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gcsim::sweep {

void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task) {
  run_parallel_within(
      n, jobs, UINT64_MAX, [](std::size_t) { return 0; }, task);
}

void run_parallel_within(std::size_t n, unsigned jobs, std::uint64_t budget_bytes,
                         const std::function<std::uint64_t(std::size_t)>& cost,
                         const std::function<void(std::size_t)>& task) {
  std::vector<std::uint64_t> costs(n);
  for (std::size_t i = 0; i < n; ++i) {
    costs[i] = cost(i);
    if (costs[i] > budget_bytes) throw std::logic_error("run_parallel_within: a task over budget");
  }
  std::mutex mutex;  // guards everything below
  std::condition_variable finished;
  std::size_t next = 0;
  std::uint64_t running_bytes = 0;
  bool failed = false;
  std::size_t error_task = n;
  std::exception_ptr error;
  const auto work = [&] {
    std::unique_lock lock(mutex);
    for (;;) {
      finished.wait(
          lock, [&] { return failed || next == n || costs[next] <= budget_bytes - running_bytes; });
      if (failed || next == n) return;
      const std::size_t i = next++;
      running_bytes += costs[i];
      lock.unlock();
      std::exception_ptr thrown;
      try {
        task(i);
      } catch (...) {
        thrown = std::current_exception();
      }
      lock.lock();
      running_bytes -= costs[i];
      if (thrown) {
        if (i < error_task) {
          error_task = i;
          error = thrown;
        }
        failed = true;
      }
      finished.notify_all();
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
