#include "synth/variables.h"

#include <stdexcept>

namespace gcsim::synth {

void Variables::bind(std::string_view name, ObjectId value) {
  for (const auto& [other, id] : names_) {
    if (value && id == value && other != name) {
      throw std::logic_error("Variables: " + std::string(name) + " would alias " + other);
    }
  }
  auto it = names_.find(name);
  if (it == names_.end()) {
    names_.emplace(std::string(name), value);
    return;
  }
  const ObjectId old = it->second;
  it->second = value;
  if (old != value) b_.drop(old);
}

void Variables::unbind(std::string_view name) {
  auto it = names_.find(name);
  if (it == names_.end()) return;
  b_.drop(it->second);
  names_.erase(it);
}

void Variables::release_all() {
  for (const auto& [name, id] : names_) b_.drop(id);
  names_.clear();
}

ObjectId Variables::get(std::string_view name) const {
  auto it = names_.find(name);
  return it == names_.end() ? ObjectId{} : it->second;
}

}  // namespace gcsim::synth
