// MicroPython v1.11 objects on a 64-bit port (the K210): the gc_alloc calls one Python
// operation makes, in the order it makes them (docs/geometry.md "Object sizes on the K210";
// docs/collector.md §11 "Sizes are per allocation"). The shapes were checked against the real
// v1.11 debug logs in tests/oracle/mpy-logs: `'fps:%.2f' % fps` is `malloc 16` (the vstr), `malloc
// 32` (the str header), `realloc 16 → 10` (shrunk to len+1); a dict grows 1 → 2 → 4 → 6 → 8 → 10 →
// 12 → 17 slots, each new table allocated before the old one is freed.
//
// Interned strings make no allocation: identifiers and string literals of up to 10 characters
// in a script are qstrs (MICROPY_ALLOC_PARSE_INTERN_STRING_LEN), and so is any string equal to
// an existing qstr. The generators call new_str only for strings that are not interned.
//
// Liveness follows trace_builder.h: a finished object is held through one id (its head); the
// parts the program still changes (a list's items, a dict's table and values, a vstr's
// buffer) stay held until the object is sealed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "synth/trace_builder.h"

namespace gcsim::synth {

inline constexpr std::uint64_t kWordBytes = 8;
inline constexpr std::uint64_t kFloatBytes = 16;        // mp_obj_float_t: base, value
inline constexpr std::uint64_t kStrHeaderBytes = 32;    // mp_obj_str_t: base, hash, len, data
inline constexpr std::uint64_t kTupleHeaderBytes = 16;  // mp_obj_tuple_t: base, len; items inline
inline constexpr std::uint64_t kListHeaderBytes = 32;   // mp_obj_list_t: base, alloc, len, items
inline constexpr std::uint64_t kListMinAlloc = 4;       // LIST_MIN_ALLOC
inline constexpr std::uint64_t kDictHeaderBytes = 32;   // mp_obj_dict_t: base, mp_map_t
inline constexpr std::uint64_t kDictSlotBytes = 16;     // mp_map_elem_t: key, value
inline constexpr std::uint64_t kArrayHeaderBytes = 32;  // mp_obj_array_t: base, type, len, items
inline constexpr std::uint64_t kFunctionBytes = 32;     // mp_obj_fun_bc_t: base, globals, code,
                                                        // const table
inline constexpr std::uint64_t kModuleBytes = 16;       // mp_obj_module_t: base, globals
inline constexpr std::uint64_t kFormatVstrBytes = 16;   // str_modulo_format, str.format
inline constexpr std::uint64_t kJsonVstrBytes = 8;      // ujson.dumps, ujson.loads' token buffer

ObjectId new_float(TraceBuilder& b);
// mp_obj_new_str_copy: the 32-byte header, then len+1 bytes of data. `type` "str" or "bytes".
ObjectId new_str(TraceBuilder& b, std::uint64_t len, std::string_view type = "str");
// A tuple of n items, one allocation; the caller adopts the items that are objects.
ObjectId new_tuple(TraceBuilder& b, std::uint64_t n_items);
// bytearray(n): the header, then n bytes.
ObjectId new_bytearray(TraceBuilder& b, std::uint64_t n_bytes);
// A bytecode function object (`def`), 8 more bytes per default argument.
ObjectId new_function(TraceBuilder& b, std::uint64_t n_defaults = 0);

// list: header, then an item array of max(n, 4) words; append doubles it by realloc when full.
struct List {
  ObjectId header;
  ObjectId items;
  std::uint64_t len = 0;
  std::uint64_t alloc = 0;  // items
};
List new_list(TraceBuilder& b, std::uint64_t n_items = 0);
// Stores `item`, which may be no object (a small int, a qstr, None). Adopted: the list now
// holds the only pointer to it; or shared: a name still holds it too.
enum class Ownership { adopt, shared };
void list_append(TraceBuilder& b, List& list, ObjectId item, Ownership own = Ownership::adopt);
// The list will not change any more: its item array is dropped (reached through the header).
ObjectId seal(TraceBuilder& b, List& list);

// dict: header, then a table of 16-byte slots. Adding a key to a full table rehashes to the next
// size of map.c's hash_allocation_sizes (2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, …),
// allocating the new table and then freeing the old one explicitly (m_del).
struct Dict {
  ObjectId header;  // no object for a dict inside the VM state (__main__ globals, sys.modules)
  ObjectId table;
  std::uint64_t used = 0;
  std::uint64_t slots = 0;
  std::vector<ObjectId> values;  // held, re-referenced by each new table
};
// mp_obj_new_dict(n): header, then a table of exactly n slots (none for 0).
Dict new_dict(TraceBuilder& b, std::uint64_t n_slots = 0);
// mp_obj_dict_init on a dict inside the VM state: only the table is on the heap.
Dict vm_dict(TraceBuilder& b, std::uint64_t n_slots);
// Stores a new key whose value is `value` (no object for a small int, a qstr, None).
void dict_add(TraceBuilder& b, Dict& dict, ObjectId value = {});
// The dict will not change any more: its table and values are dropped (reached through the
// header).
ObjectId seal(TraceBuilder& b, Dict& dict);

// vstr: a growing byte buffer (py/vstr.c). When an add does not fit, the buffer is reallocated
// to ROUND_ALLOC(len + n + 16) = ((len + n + 16) & ~7) + 8 bytes.
struct Vstr {
  ObjectId buf;
  std::uint64_t len = 0;
  std::uint64_t alloc = 0;
};
Vstr vstr_init(TraceBuilder& b, std::uint64_t alloc);
// vstr_add_strn / vstr_add_len: n bytes in one add.
void vstr_add(TraceBuilder& b, Vstr& v, std::uint64_t n_bytes);
// n one-byte adds (vstr_add_byte: literal text of a format, a stream's readline).
void vstr_add_bytes(TraceBuilder& b, Vstr& v, std::uint64_t n_bytes);
// vstr_extend: the buffer grows by exactly n bytes (stream readall).
void vstr_extend(TraceBuilder& b, Vstr& v, std::uint64_t n_bytes);
// mp_obj_new_str_from_vstr: the header, then the buffer shrunk to len+1 unless it already is;
// the header adopts the buffer.
ObjectId str_from_vstr(TraceBuilder& b, Vstr& v, std::string_view type = "str");
// vstr_clear: the buffer is freed explicitly (also what a str equal to a qstr costs).
void vstr_clear(TraceBuilder& b, Vstr& v);

// One piece of formatted text: literal characters are added one at a time, a converted value
// (`%d`, `%.2f`, `%s`, `{}`) at once.
struct TextPart {
  std::uint64_t n_bytes = 0;
  bool literal = false;
};
inline TextPart literal(std::uint64_t n_bytes) { return {n_bytes, true}; }
inline TextPart value(std::uint64_t n_bytes) { return {n_bytes, false}; }
// `fmt % args` or `fmt.format(...)`: a vstr of `start_bytes`, the parts, then a str.
ObjectId format_text(TraceBuilder& b, const std::vector<TextPart>& parts,
                     std::uint64_t start_bytes = kFormatVstrBytes);
// a + b on str/bytes: a buffer of exactly len+1 bytes, then the header (no shrink).
ObjectId concat(TraceBuilder& b, std::uint64_t len, std::string_view type = "str");

}  // namespace gcsim::synth
