// Mutator: what the collector asks of the program it serves, in MicroPython's terms the port's
// gc_collect() (which hands over the roots) and the words of each live block (which hold its
// pointers). The collector never sees trace ids: replay/program implements this over its
// object table.
#pragma once

#include <vector>

#include "heap/bit_plane.h"
#include "heap/block_index.h"

namespace gcsim {

class Mutator {
 public:
  virtual ~Mutator() = default;
  // Append the head block of every allocation the program holds directly (the root set).
  virtual void roots(std::vector<BlockIndex>& out) const = 0;
  // Append the head block of every allocation the one at `head` stores a pointer to: at least
  // once each (a target held by several pointers may come once; marking a head twice marks
  // nothing more).
  virtual void references(BlockIndex head, std::vector<BlockIndex>& out) const = 0;
  // A collection freed the allocation at `head`: the program's object there is gone.
  virtual void swept(BlockIndex head) = 0;

  // Optional, for marking a word at a time: the same root set as a bit per block (set at each
  // root head), and a superset of the heads whose references() is not empty. Without them
  // (nullptr) the collector asks roots() and references() of every marked head.
  virtual const BitPlane* root_plane() const { return nullptr; }
  virtual const BitPlane* pointer_plane() const { return nullptr; }
};

}  // namespace gcsim
