// StableVector: a vector grown in fixed chunks, for Program's objects. Growing never copies or
// moves what it holds, and every byte is written once: a std::vector that doubles writes its
// elements again into a fresh buffer each time, and on a recording (14,000 objects of garbage
// between collections at 512 KiB) those first touches of new pages were a fifth of the replay's
// time (a page fault costs ~12 µs on a virtual machine). Indexing is one more load, from a
// chunk table that stays in cache.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace gcsim {

template <typename T>
class StableVector {
 public:
  T& operator[](std::size_t i) { return chunks_[i >> kChunkBits][i & kChunkMask]; }
  const T& operator[](std::size_t i) const { return chunks_[i >> kChunkBits][i & kChunkMask]; }
  std::size_t size() const { return size_; }

  // A new default-constructed element at the end.
  T& emplace_back() {
    if ((size_ & kChunkMask) == 0 && (size_ >> kChunkBits) == chunks_.size()) {
      chunks_.push_back(std::make_unique<T[]>(kChunkSize));
    }
    return (*this)[size_++];
  }

 private:
  // 256 elements a chunk: a chunk of Program's objects is 26 KiB, so a short trace allocates
  // little it does not use.
  static constexpr unsigned kChunkBits = 8;
  static constexpr std::size_t kChunkSize = std::size_t{1} << kChunkBits;
  static constexpr std::size_t kChunkMask = kChunkSize - 1;

  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace gcsim
