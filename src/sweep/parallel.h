// A pool of std::threads over numbered tasks: each worker takes the next number until none is
// left. Tasks write their result to their own slot, so what comes out does not depend on the
// thread count or the schedule. An exception from a task stops the handing out of new tasks;
// once every worker has finished, the one from the lowest-numbered task is rethrown (the same
// error whatever -j is).
//
// With a budget, each task has a cost (its estimated memory: memory_estimate.h) and the tasks
// running at once never cost more than the budget together: the next task waits, in number
// order, until enough of the running ones have finished.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace gcsim::sweep {

// Runs task(0) … task(n − 1) on min(jobs, n) threads (jobs ≥ 1).
void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task);

// The same, with Σ cost(i) over the running tasks ≤ budget_bytes. Every cost(i) must be at most
// budget_bytes (throws std::logic_error otherwise, before running any task).
void run_parallel_within(std::size_t n, unsigned jobs, std::uint64_t budget_bytes,
                         const std::function<std::uint64_t(std::size_t)>& cost,
                         const std::function<void(std::size_t)>& task);

}  // namespace gcsim::sweep
