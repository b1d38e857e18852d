// EventArray: does packing a trace lose or change anything? Every event of every committed
// trace, the oracle's edge cases and a hand-made event of each op must come back equal.
#include "trace/event_array.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "trace/reader.h"

namespace gcsim {
namespace {

void expect_round_trip(const std::vector<Event>& events, const std::string& what) {
  const EventArray packed(events);
  ASSERT_EQ(packed.size(), events.size()) << what;
  Event reused;  // load() must overwrite every field of a reused event
  for (std::size_t i = 0; i < events.size(); ++i) {
    ASSERT_EQ(packed.at(i), events[i]) << what << " event " << i;
    packed.load(i, reused);
    ASSERT_EQ(reused, events[i]) << what << " event " << i << " (reused)";
  }
}

TEST(EventArray, EveryOpAndFieldComesBackEqual) {
  std::vector<Event> events;
  auto add = [&](Op op) -> Event& {
    events.push_back(Event{});
    events.back().op = op;
    return events.back();
  };
  Event& a = add(Op::alloc);
  a.id = kMaxTraceId;
  a.size = kMaxTraceSize;
  a.fin = true;
  a.text = "list";
  add(Op::alloc).id = 3;
  Event& r = add(Op::realloc);
  r.id = 3;
  r.size = 4096;
  add(Op::free).id = 3;
  add(Op::drop).id = 1;
  add(Op::hold).id = 2;
  Event& ref = add(Op::ref);
  ref.id = 7;
  ref.to = kMaxTraceId;
  Event& unref = add(Op::unref);
  unref.id = kMaxTraceId;
  unref.to = 7;
  add(Op::collect);
  add(Op::enable);
  add(Op::disable);
  add(Op::threshold).amount = -1;
  add(Op::threshold).amount = std::int64_t{1} << 62;
  add(Op::mark).text = "frame";
  add(Op::mark).text = "frame";  // the same string again: stored once, read back twice
  Event& both = add(Op::observe);
  both.mem_alloc = 0;
  both.mem_free = -5;
  add(Op::observe).mem_free = 123;
  add(Op::observe).mem_alloc = 456;
  add(Op::alloc).text = "dict";
  expect_round_trip(events, "hand-made");
}

TEST(EventArray, CommittedTracesComeBackEqual) {
  const std::filesystem::path root = GCSIM_TEST_DATA_DIR;
  std::vector<std::filesystem::path> files = {root / "oracle/data/edge-cases.json"};
  for (const auto& entry : std::filesystem::directory_iterator(root / "../traces")) {
    if (entry.path().string().find(".json") != std::string::npos) files.push_back(entry.path());
  }
  ASSERT_GT(files.size(), 5u);
  for (const auto& file : files) expect_round_trip(read_all_events(file.string()), file.string());
}

}  // namespace
}  // namespace gcsim
