#include "synth/py_objects.h"

#include <algorithm>
#include <array>

namespace gcsim::synth {
namespace {

// py/map.c hash_allocation_sizes (v1.11).
constexpr std::array<std::uint64_t, 26> kHashAllocationSizes = {
    0,  2,  4,   6,   8,   10,  12,  17,  23,  29,  37,   47,   59,
    73, 97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161};

std::uint64_t round_alloc(std::uint64_t n_bytes) { return (n_bytes & ~std::uint64_t{7}) + 8; }

// get_hash_alloc_greater_or_equal_to(n): the table size a rehash picks for n slots.
std::uint64_t dict_slots_for(std::uint64_t n_slots) {
  for (std::uint64_t size : kHashAllocationSizes) {
    if (size >= n_slots) return size;
  }
  return (n_slots + n_slots / 2) | 1;  // beyond the table: not necessarily prime
}

}  // namespace

ObjectId new_float(TraceBuilder& b) { return b.alloc(kFloatBytes, "float"); }

ObjectId new_str(TraceBuilder& b, std::uint64_t len, std::string_view type) {
  const ObjectId header = b.alloc(kStrHeaderBytes, type);
  b.adopt(header, b.alloc(len + 1));
  return header;
}

ObjectId new_tuple(TraceBuilder& b, std::uint64_t n_items) {
  return b.alloc(kTupleHeaderBytes + kWordBytes * n_items, "tuple");
}

ObjectId new_bytearray(TraceBuilder& b, std::uint64_t n_bytes) {
  const ObjectId header = b.alloc(kArrayHeaderBytes, "bytearray");
  b.adopt(header, b.alloc(n_bytes));
  return header;
}

ObjectId new_function(TraceBuilder& b, std::uint64_t n_defaults) {
  return b.alloc(kFunctionBytes + kWordBytes * n_defaults, "function");
}

List new_list(TraceBuilder& b, std::uint64_t n_items) {
  List list;
  list.alloc = std::max(n_items, kListMinAlloc);
  list.header = b.alloc(kListHeaderBytes, "list");
  list.items = b.alloc(kWordBytes * list.alloc);
  b.ref(list.header, list.items);
  return list;
}

void list_append(TraceBuilder& b, List& list, ObjectId item, Ownership own) {
  if (list.len >= list.alloc) {
    list.alloc *= 2;
    b.realloc(list.items, kWordBytes * list.alloc);
  }
  ++list.len;
  if (!item) return;
  b.ref(list.items, item);
  if (own == Ownership::adopt) b.drop(item);
}

ObjectId seal(TraceBuilder& b, List& list) {
  b.drop(list.items);
  list.items = {};
  return list.header;
}

Dict new_dict(TraceBuilder& b, std::uint64_t n_slots) {
  Dict dict;
  dict.header = b.alloc(kDictHeaderBytes, "dict");
  if (n_slots > 0) {
    dict.slots = n_slots;
    dict.table = b.alloc(kDictSlotBytes * n_slots);
    b.ref(dict.header, dict.table);
  }
  return dict;
}

Dict vm_dict(TraceBuilder& b, std::uint64_t n_slots) {
  Dict dict;
  dict.slots = n_slots;
  if (n_slots > 0) dict.table = b.alloc(kDictSlotBytes * n_slots);
  return dict;
}

void dict_add(TraceBuilder& b, Dict& dict, ObjectId value) {
  if (dict.used >= dict.slots) {  // mp_map_rehash: the linear probe found no free slot
    const ObjectId old_table = dict.table;
    dict.slots = dict_slots_for(dict.slots + 1);
    dict.table = b.alloc(kDictSlotBytes * dict.slots);
    if (dict.header) b.ref(dict.header, dict.table);
    for (ObjectId v : dict.values) b.ref(dict.table, v);
    if (old_table) {
      if (dict.header) b.unref(dict.header, old_table);
      b.free(old_table);
    }
  }
  ++dict.used;
  if (value) {
    b.ref(dict.table, value);
    dict.values.push_back(value);
  }
}

ObjectId seal(TraceBuilder& b, Dict& dict) {
  for (ObjectId v : dict.values) b.drop(v);
  dict.values.clear();
  b.drop(dict.table);
  dict.table = {};
  return dict.header;
}

Vstr vstr_init(TraceBuilder& b, std::uint64_t alloc) {
  Vstr v;
  v.alloc = std::max<std::uint64_t>(alloc, 1);
  v.buf = b.alloc(v.alloc);
  return v;
}

void vstr_add(TraceBuilder& b, Vstr& v, std::uint64_t n_bytes) {
  if (v.len + n_bytes > v.alloc) {
    v.alloc = round_alloc(v.len + n_bytes + 16);
    b.realloc(v.buf, v.alloc);
  }
  v.len += n_bytes;
}

void vstr_add_bytes(TraceBuilder& b, Vstr& v, std::uint64_t n_bytes) {
  for (std::uint64_t i = 0; i < n_bytes; ++i) vstr_add(b, v, 1);
}

void vstr_extend(TraceBuilder& b, Vstr& v, std::uint64_t n_bytes) {
  v.alloc += n_bytes;
  b.realloc(v.buf, v.alloc);
}

ObjectId str_from_vstr(TraceBuilder& b, Vstr& v, std::string_view type) {
  const ObjectId header = b.alloc(kStrHeaderBytes, type);
  if (v.len + 1 != v.alloc) b.realloc(v.buf, v.len + 1);
  b.adopt(header, v.buf);
  v = Vstr{};
  return header;
}

void vstr_clear(TraceBuilder& b, Vstr& v) {
  b.free(v.buf);
  v = Vstr{};
}

ObjectId format_text(TraceBuilder& b, const std::vector<TextPart>& parts,
                     std::uint64_t start_bytes) {
  Vstr v = vstr_init(b, start_bytes);
  for (const TextPart& part : parts) {
    if (part.literal) {
      vstr_add_bytes(b, v, part.n_bytes);
    } else {
      vstr_add(b, v, part.n_bytes);
    }
  }
  return str_from_vstr(b, v);
}

ObjectId concat(TraceBuilder& b, std::uint64_t len, std::string_view type) {
  Vstr v = vstr_init(b, len + 1);
  v.len = len;
  return str_from_vstr(b, v, type);
}

}  // namespace gcsim::synth
