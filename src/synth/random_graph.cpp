#include "synth/random_graph.h"

#include <random>
#include <utility>

namespace gcsim {
namespace {

struct Node {
  std::uint64_t id = 0;
  std::uint64_t size_bytes = 0;
};

// A held head and the nodes only it keeps alive: a chain (head → first → second → …) or a
// fan-out (head → each member).
struct Structure {
  Node head;
  bool chain = false;
  std::vector<Node> members;
  std::uint64_t n_bytes = 0;  // head and members
};

class GraphStream {
 public:
  explicit GraphStream(const GraphParams& p)
      : rng_(p.seed),
        target_bytes_(static_cast<std::uint64_t>(static_cast<double>(p.pool_bytes) * p.live_share)),
        pool_bytes_(p.pool_bytes) {
    events_.reserve(p.events + 4);
  }

  std::vector<Event> run(std::uint64_t n_events) {
    while (events_.size() < n_events) step();
    events_.resize(n_events);
    return std::move(events_);
  }

 private:
  std::uint64_t below(std::uint64_t n) { return rng_() % n; }

  void emit(Op op, std::uint64_t id, std::uint64_t to = 0) {
    Event e;
    e.op = op;
    e.id = id;
    e.to = to;
    events_.push_back(e);
  }

  Node alloc() {
    // Sizes as MicroPython objects ask: mostly 1–3 blocks, some hundreds of bytes, rare 1 KiB+
    // (fewer big buffers than churn: a graph program's objects are mostly small).
    const std::uint64_t r = below(100);
    const std::uint64_t size = r < 75   ? 8 + below(88)
                               : r < 99 ? 96 + below(900)
                                        : 1024 + below(3072);
    Event e;
    e.op = Op::alloc;
    e.id = next_id_++;
    e.size = size;
    events_.push_back(e);
    live_bytes_ += size;
    return Node{e.id, size};
  }

  void step() {
    if (disabled_for_ > 0 && --disabled_for_ == 0) {
      emit(Op::enable, 0);
      return;
    }
    const std::uint64_t roll = below(10'000);
    if (roll < 4) {
      emit(Op::collect, 0);
    } else if (roll < 6) {
      Event e;
      e.op = Op::threshold;
      const std::int64_t choices[] = {-1, 32768, static_cast<std::int64_t>(pool_bytes_ / 8),
                                      static_cast<std::int64_t>(pool_bytes_ / 4)};
      e.amount = choices[below(std::size(choices))];
      events_.push_back(e);
    } else if (roll < 7 && disabled_for_ == 0) {
      // A short stretch without collections, as around a timing-critical section.
      emit(Op::disable, 0);
      disabled_for_ = 20 + below(200);
    } else if (roll < 32) {
      hold_and_drop_member();
    } else if (roll < 120) {
      realloc_loose();
    } else if (live_bytes_ < target_bytes_) {
      grow();
    } else {
      shrink();
    }
  }

  void grow() {
    const std::uint64_t r = below(100);
    if (r < 2 || structures_.empty()) {
      Structure s;
      s.head = alloc();
      s.chain = below(2) == 0;
      s.n_bytes = s.head.size_bytes;
      structures_.push_back(std::move(s));
      return;
    }
    if (r < 20) {
      Structure& s = structures_[below(structures_.size())];
      if (!s.chain) make_room(s);
      const Node n = alloc();
      const std::uint64_t from = s.chain && !s.members.empty() ? s.members.back().id : s.head.id;
      emit(Op::ref, from, n.id);
      // A few members point back at their container: the cycles a parent pointer makes.
      if (!s.chain && below(20) == 0) emit(Op::ref, n.id, s.head.id);
      emit(Op::drop, n.id);
      s.members.push_back(n);
      s.n_bytes += n.size_bytes;
      return;
    }
    loose_.push_back(alloc());
  }

  void shrink() {
    const std::uint64_t r = below(100);
    if ((r < 3 || loose_.empty()) && !structures_.empty()) {
      const std::size_t i = below(structures_.size());
      emit(Op::drop, structures_[i].head.id);
      live_bytes_ -= structures_[i].n_bytes;
      structures_[i] = std::move(structures_.back());
      structures_.pop_back();
    } else if (r < 6 && !structures_.empty()) {
      Structure& s = structures_[below(structures_.size())];
      if (s.chain || s.members.empty()) return;
      const std::size_t m = below(s.members.size());
      emit(Op::unref, s.head.id, s.members[m].id);
      live_bytes_ -= s.members[m].size_bytes;
      s.n_bytes -= s.members[m].size_bytes;
      s.members[m] = s.members.back();
      s.members.pop_back();
    } else if (!loose_.empty()) {
      const std::size_t i = below(loose_.size());
      emit(r < 12 ? Op::free : Op::drop, loose_[i].id);
      live_bytes_ -= loose_[i].size_bytes;
      loose_[i] = loose_.back();
      loose_.pop_back();
    }
  }

  // A fan-out's head stores a pointer per member in its words (size / 8), as a list's items
  // array does; a full one is reallocated to twice its size first, so that every ref has a word
  // to live in when the trace is replayed through the real collector (bench/real_gc/).
  void make_room(Structure& s) {
    Node& head = s.head;
    if ((s.members.size() + 1) * 8 <= head.size_bytes) return;
    Event e;
    e.op = Op::realloc;
    e.id = head.id;
    e.size = head.size_bytes * 2;
    events_.push_back(e);
    live_bytes_ += head.size_bytes;
    s.n_bytes += head.size_bytes;
    head.size_bytes = e.size;
  }

  // An object reached through the graph only, held for a while: a hold and a drop.
  void hold_and_drop_member() {
    if (structures_.empty()) return;
    const Structure& s = structures_[below(structures_.size())];
    if (s.members.empty()) return;
    const std::uint64_t id = s.members[below(s.members.size())].id;
    emit(Op::hold, id);
    emit(Op::drop, id);
  }

  void realloc_loose() {
    if (loose_.empty()) return;
    Node& n = loose_[below(loose_.size())];
    Event e;
    e.op = Op::realloc;
    e.id = n.id;
    e.size = below(2) == 0 ? n.size_bytes + 8 + below(256) : 8 + below(n.size_bytes);
    live_bytes_ = live_bytes_ - n.size_bytes + e.size;
    n.size_bytes = e.size;
    events_.push_back(e);
  }

  std::mt19937_64 rng_;
  std::uint64_t target_bytes_, pool_bytes_;
  std::vector<Event> events_;
  std::vector<Structure> structures_;
  std::vector<Node> loose_;  // held, in no structure
  std::uint64_t next_id_ = 0, live_bytes_ = 0;
  std::uint64_t disabled_for_ = 0;  // steps until the gc is enabled again
};

}  // namespace

std::vector<Event> random_graph(const GraphParams& params) {
  return GraphStream(params).run(params.events);
}

}  // namespace gcsim
