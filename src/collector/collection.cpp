#include "collector/collection.h"

namespace gcsim {

std::string_view cause_name(CollectionCause cause) {
  switch (cause) {
    case CollectionCause::threshold:
      return "threshold";
    case CollectionCause::oom:
      return "oom";
    case CollectionCause::explicit_:
      return "explicit";
  }
  return "?";
}

std::string_view realloc_kind_name(ReallocKind kind) {
  switch (kind) {
    case ReallocKind::same_blocks:
      return "same_blocks";
    case ReallocKind::shrunk:
      return "shrunk";
    case ReallocKind::grown_in_place:
      return "grown_in_place";
    case ReallocKind::moved:
      return "moved";
    case ReallocKind::from_null:
      return "from_null";
    case ReallocKind::freed:
      return "freed";
    case ReallocKind::failed:
      return "failed";
  }
  return "?";
}

std::string_view failure_class_name(FailureClass c) {
  switch (c) {
    case FailureClass::capacity:
      return "capacity";
    case FailureClass::fragmentation:
      return "fragmentation";
    case FailureClass::disabled:
      return "disabled";
  }
  return "?";
}

}  // namespace gcsim
