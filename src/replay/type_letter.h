// The letter micropython.mem_info(1) prints for an allocation's head block, from the optional
// `type` of a trace's alloc event (docs/collector.md §9): gc_dump_alloc_table compares the
// block's first word with the type objects it knows. Data buffers and unknown types are 'h'.
#pragma once

#include <string_view>

namespace gcsim {

char type_letter(std::string_view type);

}  // namespace gcsim
