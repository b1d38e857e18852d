#include "trace/event.h"

#include <cstring>
#include <utility>

#include "trace/op_table.h"

namespace gcsim {

static_assert(kOps.size() == static_cast<std::size_t>(Op::observe) + 1, "an OpSpec per Op");

std::string_view op_name(Op op) { return op_spec(op).name; }

namespace {

// Whether `name` is op O's name: a length check and a memcmp of a length known when compiling,
// which the compiler inlines as a load or two (string_view's == is a call to compare()).
template <std::size_t O>
bool is_name_of(std::string_view name) {
  constexpr std::string_view known = kOps[O].name;
  return name.size() == known.size() && std::memcmp(name.data(), known.data(), known.size()) == 0;
}

}  // namespace

std::optional<Op> op_from_name(std::string_view name) {
  return [&]<std::size_t... O>(std::index_sequence<O...>) {
    std::optional<Op> found;
    (void)((is_name_of<O>(name) ? (found = static_cast<Op>(O), true) : false) || ...);
    return found;
  }
  (std::make_index_sequence<kOpCount>{});
}

}  // namespace gcsim
