#include "synth/runtime.h"

#include <algorithm>

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kQstrChunkBytes = 128;      // MICROPY_ALLOC_QSTR_CHUNK_INIT
constexpr std::uint64_t kQstrOverheadBytes = 4;     // hash (2), length (1), '\0'
constexpr std::uint64_t kQstrPoolHeaderBytes = 32;  // prev, total_prev_len, alloc, len

}  // namespace

Runtime::Runtime(TraceBuilder& b) : b_(b) {
  loaded_modules_ = vm_dict(b_, 3);
  main_globals_ = vm_dict(b_, 1);
  dict_add(b_, main_globals_);           // __name__
  b_.alloc(kWordBytes * kListMinAlloc);  // sys.path items
  b_.alloc(kWordBytes * kListMinAlloc);  // sys.argv items
}

void Runtime::intern(std::uint64_t len) {
  const std::uint64_t n_bytes = len + kQstrOverheadBytes;
  if (chunk_ && chunk_used_bytes_ + n_bytes > chunk_alloc_bytes_) {
    if (b_.allocations() == allocations_at_chunk_) {
      chunk_alloc_bytes_ += n_bytes;  // m_renew_maybe(…, false) succeeds: nothing follows it
      b_.realloc(chunk_, chunk_alloc_bytes_);
    } else {
      if (chunk_used_bytes_ != chunk_alloc_bytes_) b_.realloc(chunk_, chunk_used_bytes_);
      chunk_ = {};
    }
  }
  if (!chunk_) {
    chunk_alloc_bytes_ = std::max(kQstrChunkBytes, n_bytes);
    chunk_used_bytes_ = 0;
    chunk_ = b_.alloc(chunk_alloc_bytes_);
  }
  chunk_used_bytes_ += n_bytes;
  allocations_at_chunk_ = b_.allocations();
  if (pool_len_ >= pool_alloc_) {
    pool_alloc_ *= 2;
    pool_len_ = 0;
    b_.alloc(kQstrPoolHeaderBytes + kWordBytes * pool_alloc_);
  }
  ++pool_len_;
}

void Runtime::add_main_global(ObjectId value) { dict_add(b_, main_globals_, value); }

void Runtime::add_loaded_module(ObjectId module) { dict_add(b_, loaded_modules_, module); }

}  // namespace gcsim::synth
