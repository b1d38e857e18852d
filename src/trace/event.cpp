#include "trace/event.h"

#include "trace/op_table.h"

namespace gcsim {

static_assert(kOps.size() == static_cast<std::size_t>(Op::observe) + 1, "an OpSpec per Op");

std::string_view op_name(Op op) { return op_spec(op).name; }

std::optional<Op> op_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kOps.size(); ++i) {
    if (kOps[i].name == name) return static_cast<Op>(i);
  }
  return std::nullopt;
}

}  // namespace gcsim
