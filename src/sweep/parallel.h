// A pool of std::threads over numbered tasks: each worker takes the next number until none is
// left. Tasks write their result to their own slot, so what comes out does not depend on the
// thread count or the schedule. An exception from a task stops the handing out of new tasks;
// once every worker has finished, the one from the lowest-numbered task is rethrown (the same
// error whatever -j is).
#pragma once

#include <cstddef>
#include <functional>

namespace gcsim::sweep {

// Runs task(0) … task(n − 1) on min(jobs, n) threads (jobs ≥ 1).
void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task);

}  // namespace gcsim::sweep
