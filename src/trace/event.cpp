#include "trace/event.h"

#include <utility>

#include "trace/op_table.h"

namespace gcsim {

static_assert(kOps.size() == static_cast<std::size_t>(Op::observe) + 1, "an OpSpec per Op");

std::string_view op_name(Op op) { return op_spec(op).name; }

std::optional<Op> op_from_name(std::string_view name) {
  return [&]<std::size_t... O>(std::index_sequence<O...>) {
    std::optional<Op> found;
    (void)((is_name(name, kOps[O].name) ? (found = static_cast<Op>(O), true) : false) || ...);
    return found;
  }
  (std::make_index_sequence<kOpCount>{});
}

}  // namespace gcsim
