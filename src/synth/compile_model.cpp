#include "synth/compile_model.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kReaderBytes = 48;
constexpr std::uint64_t kLexerBytes = 160;
constexpr std::uint64_t kIndentBytes = 20;
constexpr std::uint64_t kTokenVstrBytes = 32;
constexpr std::uint64_t kRuleStackBytes = 1024;
constexpr std::uint64_t kResultStackBytes = 256;
constexpr std::uint64_t kChunkHeaderBytes = 16;
constexpr std::uint64_t kChunkInitBytes = 128;  // MICROPY_ALLOC_PARSE_CHUNK_INIT
constexpr std::uint64_t kScopeBytes = 72;
constexpr std::uint64_t kRawCodeBytes = 32;
constexpr std::uint64_t kIdInfoBytes = 16;
constexpr std::uint64_t kIdInfoInit = 4;
constexpr std::uint64_t kIdInfoInc = 6;  // MICROPY_ALLOC_SCOPE_ID_INC
constexpr std::uint64_t kEmitterBytes = 112;
constexpr std::uint64_t kLabelTableBytes = 160;

// The parse tree's chunks (parse.c parser_alloc).
class ParseChunks {
 public:
  void add_node(TraceBuilder& b, std::uint64_t n_bytes) {
    if (open_ && used_ + n_bytes > alloc_) {
      if (b.allocations() == allocations_at_) {
        alloc_ += n_bytes;  // nothing was allocated after the chunk: it grows in place
        b.realloc(chunks_.back(), kChunkHeaderBytes + alloc_);
      } else {
        close(b);
      }
    }
    if (!open_) {
      alloc_ = std::max(kChunkInitBytes, n_bytes);
      used_ = 0;
      chunks_.push_back(b.alloc(kChunkHeaderBytes + alloc_));
      open_ = true;
    }
    used_ += n_bytes;
    allocations_at_ = b.allocations();
  }
  // The current chunk shrinks to its use.
  void close(TraceBuilder& b) {
    if (!open_) return;
    if (used_ != alloc_) b.realloc(chunks_.back(), kChunkHeaderBytes + used_);
    open_ = false;
  }
  // mp_parse_tree_clear: newest first.
  void free_all(TraceBuilder& b) {
    for (auto it = chunks_.rbegin(); it != chunks_.rend(); ++it) b.free(*it);
    chunks_.clear();
  }

 private:
  std::vector<ObjectId> chunks_;
  bool open_ = false;
  std::uint64_t alloc_ = 0;
  std::uint64_t used_ = 0;
  std::uint64_t allocations_at_ = 0;
};

struct ScopeParts {
  std::uint64_t lines = 0;
  ObjectId scope, raw, ids, code, consts;
  std::vector<ObjectId> objects;  // str and float constants in this scope's constant table
};

// Spreads `total` items over `lines` lines: how many are due after line `i` (0-based).
std::uint64_t due(std::uint64_t total, std::uint64_t i, std::uint64_t lines) {
  return total * (i + 1) / lines;
}

// Lexes, parses and compiles the source; scopes[0] is the module. Everything kept is held.
std::vector<ScopeParts> compile_source(TraceBuilder& b, SynthRandom& rng, Runtime& rt,
                                       const SourceShape& shape,
                                       const std::function<void()>& store_file) {
  std::vector<ScopeParts> scopes(1 + shape.functions);
  scopes[0].lines = std::max<std::uint64_t>(shape.module_lines, 1);
  for (std::size_t i = 1; i < scopes.size(); ++i) scopes[i].lines = rng.between(3, 15);
  std::uint64_t total_lines = 0;
  for (const ScopeParts& s : scopes) total_lines += s.lines;

  const ObjectId reader = b.alloc(kReaderBytes);
  const ObjectId lexer = b.alloc(kLexerBytes);
  const ObjectId indent = b.alloc(kIndentBytes);
  const ObjectId token = b.alloc(kTokenVstrBytes);
  store_file();
  const ObjectId rules = b.alloc(kRuleStackBytes);
  const ObjectId results = b.alloc(kResultStackBytes);
  ParseChunks chunks;
  std::uint64_t line = 0, names = 0, strings = 0, floats = 0;
  for (ScopeParts& s : scopes) {
    for (std::uint64_t l = 0; l < s.lines; ++l, ++line) {
      const std::uint64_t n_nodes = rng.between(2, 4);
      for (std::uint64_t n = 0; n < n_nodes; ++n) {
        chunks.add_node(b, kWordBytes * rng.between(2, 5));
      }
      for (; names < due(shape.new_names, line, total_lines); ++names) {
        rt.intern(rng.between(1, 12));
      }
      for (; strings < due(shape.long_strings, line, total_lines); ++strings) {
        s.objects.push_back(new_str(b, rng.between(11, 48)));
      }
      for (; floats < due(shape.floats, line, total_lines); ++floats) {
        s.objects.push_back(new_float(b));
      }
    }
  }
  chunks.close(b);
  for (ObjectId id : {rules, results, reader, token, indent, lexer}) b.free(id);

  ObjectId emitter;
  for (ScopeParts& s : scopes) {
    s.scope = b.alloc(kScopeBytes);
    s.raw = b.alloc(kRawCodeBytes);
    s.ids = b.alloc(kIdInfoBytes * kIdInfoInit);
    if (!emitter) emitter = b.alloc(kEmitterBytes);
  }
  for (ScopeParts& s : scopes) {
    const std::uint64_t n_ids = rng.between(1, s.lines + 2);
    for (std::uint64_t alloc = kIdInfoInit; alloc < n_ids;) {
      alloc += kIdInfoInc;
      b.realloc(s.ids, kIdInfoBytes * alloc);
    }
  }
  const ObjectId labels = b.alloc(kLabelTableBytes);
  for (std::size_t i = scopes.size(); i-- > 0;) {  // functions first, the module last
    ScopeParts& s = scopes[i];
    s.code = b.alloc(8 + s.lines * rng.between(6, 14));
    const std::uint64_t n_args = i == 0 ? 0 : rng.between(0, 3);
    const std::uint64_t n_raw = i == 0 ? shape.functions : 0;
    const std::uint64_t n_consts = n_args + s.objects.size() + n_raw;
    if (n_consts > 0) s.consts = b.alloc(kWordBytes * n_consts);
    b.ref(s.raw, s.code);
    if (s.consts) b.ref(s.raw, s.consts);
    for (ObjectId o : s.objects) b.ref(s.consts, o);
  }
  for (std::size_t i = 1; i < scopes.size(); ++i) b.ref(scopes[0].consts, scopes[i].raw);
  b.free(labels);
  b.free(emitter);
  chunks.free_all(b);
  for (const ScopeParts& s : scopes) {
    b.free(s.ids);
    b.free(s.scope);
  }
  return scopes;
}

// Runs the module level: its function object, one function object per def (given to
// `add_global`), `shape.globals` more names. Then drops the compiled parts, which stay alive
// only through what references them. Returns the module's function object, still held.
ObjectId run_module(TraceBuilder& b, SynthRandom& rng, std::vector<ScopeParts>& scopes,
                    const SourceShape& shape, const std::function<void(ObjectId)>& add_global) {
  const ObjectId module_fun = new_function(b);
  b.ref(module_fun, scopes[0].code);
  if (scopes[0].consts) b.ref(module_fun, scopes[0].consts);
  for (std::size_t i = 1; i < scopes.size(); ++i) {
    const ObjectId fun = new_function(b, rng.between(0, 1));
    b.ref(fun, scopes[i].code);
    if (scopes[i].consts) b.ref(fun, scopes[i].consts);
    add_global(fun);
  }
  for (std::uint32_t g = 0; g < shape.globals; ++g) add_global({});
  for (ScopeParts& s : scopes) {
    for (ObjectId o : s.objects) b.drop(o);
    b.drop(s.raw);
    b.drop(s.code);
    b.drop(s.consts);
  }
  return module_fun;
}

}  // namespace

ObjectId run_main(TraceBuilder& b, SynthRandom& rng, Runtime& rt, const SourceShape& shape) {
  std::vector<ScopeParts> scopes =
      compile_source(b, rng, rt, shape, [&] { rt.add_main_global(); });  // __file__
  return run_module(b, rng, scopes, shape, [&](ObjectId v) { rt.add_main_global(v); });
}

void import_module(TraceBuilder& b, SynthRandom& rng, Runtime& rt, const SourceShape& shape) {
  const ObjectId module = b.alloc(kModuleBytes, "module");
  Dict globals = new_dict(b, 1);
  b.ref(module, globals.header);
  dict_add(b, globals);  // __name__
  rt.add_loaded_module(module);
  std::vector<ScopeParts> scopes =
      compile_source(b, rng, rt, shape, [&] { dict_add(b, globals); });  // __file__
  b.drop(run_module(b, rng, scopes, shape, [&](ObjectId v) { dict_add(b, globals, v); }));
  rt.keep_module_globals(std::move(globals));
  rt.add_main_global();
}

}  // namespace gcsim::synth
