// Per-frame allocations against docs/geometry.md ("Object sizes on the K210", "Typical K210
// workloads"): does each workload ask gc_alloc for the bytes the real MaixPy loop asks for?
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "synth/maixpy_objects.h"
#include "synth_support.h"

namespace gcsim::synth {
namespace {

using test::alloc_bytes;
using test::count_allocs;
using test::events_of;
using test::split_frames;

constexpr std::uint32_t kFrames = 30;

// The ids of allocations of `size` bytes in `events`.
std::set<std::uint64_t> ids_of_size(const std::vector<Event>& events, std::uint64_t size) {
  std::set<std::uint64_t> ids;
  for (const Event& e : events) {
    if (e.op == Op::alloc && e.size == size) ids.insert(e.id);
  }
  return ids;
}

bool ever_released(const std::vector<Event>& events, std::uint64_t id) {
  return std::any_of(events.begin(), events.end(), [id](const Event& e) {
    return (e.op == Op::drop || e.op == Op::free) && e.id == id;
  });
}

// The object whose first `ref` points at `id` (0 if none).
std::uint64_t owner_of(const std::vector<Event>& events, std::uint64_t id) {
  for (const Event& e : events) {
    if (e.op == Op::ref && e.to == id) return e.id;
  }
  return 0;
}

TEST(WorkloadSizes, CameraPreviewMakes100To160BytesOfGarbageAFrame) {
  const auto frames = split_frames(events_of("camera-preview", kFrames));
  ASSERT_EQ(frames.size(), kFrames + 1);
  for (std::size_t f = 1; f < frames.size(); ++f) {
    const std::uint64_t bytes = alloc_bytes(frames[f]);
    EXPECT_GE(bytes, 100u);
    EXPECT_LE(bytes, 160u);
    EXPECT_EQ(count_allocs(frames[f], kImageObjectBytes), 2u);  // image object, colour tuple
    EXPECT_EQ(count_allocs(frames[f], 16, "float"), 1u);
  }
}

TEST(WorkloadSizes, YoloFaceMakesAnImageObjectAndPerFaceDetectionsWithoutCollecting) {
  const auto frames = split_frames(events_of("yolo-face", kFrames));
  std::size_t faces = 0;
  for (std::size_t f = 1; f < frames.size(); ++f) {
    const std::size_t detections = count_allocs(frames[f], kYoloDetectionBytes);
    faces += detections;
    EXPECT_EQ(alloc_bytes(frames[f]), 40 + (detections ? 64 : 0) + detections * (72 + 16 + 48));
    for (const Event& e : frames[f]) EXPECT_NE(e.op, Op::collect);
  }
  EXPECT_GT(faces, 0u);
}

TEST(WorkloadSizes, Mobilenet1000KeepsItsLabelsAndMakesA1000FloatTupleAFrame) {
  const auto frames = split_frames(events_of("mobilenet-1000", kFrames));
  // The 1,000 labels, and the script's 3 string literals of over 10 characters.
  EXPECT_EQ(count_allocs(frames[0], 32, "str"), 1003u);
  EXPECT_TRUE(std::any_of(frames[0].begin(), frames[0].end(), [](const Event& e) {
    return e.op == Op::realloc && e.size == 8 * 1024;  // the labels' items, 4 → 1,024
  }));
  for (std::size_t f = 1; f < frames.size(); ++f) {
    EXPECT_EQ(count_allocs(frames[f], 8016, "tuple"), 1u);   // 16 + 8 · 1,000
    EXPECT_EQ(count_allocs(frames[f], 16, "float"), 1001u);  // 1,000 + clock.fps()
    const std::uint64_t bytes = alloc_bytes(frames[f]);
    EXPECT_GE(bytes, 8016u + 16'000u);
    EXPECT_LE(bytes, 8016u + 16'000u + 400u);
  }
}

TEST(WorkloadSizes, FaceRecognitionKeepsItsBuffersAndCollectsEveryFrame) {
  const std::vector<Event> events = events_of("face-recognition", kFrames);
  const auto frames = split_frames(events);
  // Kept for the whole run: the LCD image and the face input with its AI buffer. Each buffer
  // is owned by an image object that the script never lets go of, and is never freed.
  for (std::uint64_t size : {kQvgaRgb565Bytes, rgb565_bytes(128, 128), kAi128Bytes}) {
    const std::set<std::uint64_t> ids = ids_of_size(frames[0], size);
    ASSERT_EQ(ids.size(), 1u) << size;
    const std::uint64_t owner = owner_of(events, *ids.begin());
    ASSERT_EQ(ids_of_size(frames[0], kImageObjectBytes).count(owner), 1u) << size;
    EXPECT_FALSE(ever_released(events, owner)) << size;
    for (const Event& e : events) EXPECT_FALSE(e.op == Op::free && e.id == *ids.begin());
  }
  std::size_t faces = 0;
  for (std::size_t f = 1; f < frames.size(); ++f) {
    EXPECT_EQ(frames[f].back().op, Op::collect);  // gc.collect() ends the loop body
    const std::size_t resized = count_allocs(frames[f], rgb565_bytes(128, 128));
    EXPECT_LE(resized, 1u);  // the demo breaks out after the first face
    if (resized == 0) continue;
    ++faces;
    EXPECT_EQ(count_allocs(frames[f], kAi128Bytes), 1u);
    std::size_t cuts = 0;  // 80–130 pixels square: 12,800 … 33,800 bytes, ~24,000 typical
    for (const Event& e : frames[f]) {
      cuts += e.op == Op::alloc && e.size >= 12'800 && e.size <= 33'800 && e.size != 32'768;
    }
    EXPECT_EQ(cuts, 1u);
    EXPECT_EQ(count_allocs(frames[f], 16 + 8 * 196, "tuple"), 1u);  // the feature floats
  }
  EXPECT_GT(faces, kFrames / 2);
}

TEST(WorkloadSizes, ResizePixToAiAllocates100352And172032EveryFrame) {
  const auto frames = split_frames(events_of("resize-pix-to-ai", kFrames));
  for (std::size_t f = 1; f < frames.size(); ++f) {
    EXPECT_EQ(count_allocs(frames[f], rgb565_bytes(224, 224)), 1u);
    EXPECT_EQ(count_allocs(frames[f], kAi224Bytes), 1u);
    const std::uint64_t bytes = alloc_bytes(frames[f]);
    EXPECT_GE(bytes, 100'352u + 172'032u);
    EXPECT_LE(bytes, 100'352u + 172'032u + 1'024u);
  }
}

TEST(WorkloadSizes, JpegClassifyDecodesResizesAndConvertsEveryFrame) {
  const auto frames = split_frames(events_of("jpeg-classify", kFrames));
  for (std::size_t f = 1; f < frames.size(); ++f) {
    EXPECT_EQ(count_allocs(frames[f], kQvgaRgb565Bytes), 1u);
    EXPECT_EQ(count_allocs(frames[f], rgb565_bytes(224, 224)), 1u);
    EXPECT_EQ(count_allocs(frames[f], kAi224Bytes), 1u);
    // The decoder streams the file through a 64-byte file object, left as garbage: no buffer of
    // the file's size, nothing freed.
    EXPECT_EQ(count_allocs(frames[f], kVfsFileBytes, "file"), 1u);
    for (const Event& e : frames[f]) {
      EXPECT_FALSE(e.op == Op::alloc && e.size >= 8 * 1024 && e.size <= 24 * 1024);
      EXPECT_NE(e.op, Op::free);
    }
  }
}

TEST(WorkloadSizes, UartJsonRehashesDictsFreeingTheOldTablesAndGrowsVstrsByRealloc) {
  const std::vector<Event> events = events_of("uart-json", kFrames);
  std::size_t frees = 0, reallocs = 0;
  for (const Event& e : events) {
    frees += e.op == Op::free;
    reallocs += e.op == Op::realloc;
    EXPECT_NE(e.op, Op::collect);
  }
  EXPECT_GT(frees, kFrames);  // old dict tables, token buffers, timed-out readlines
  EXPECT_GT(reallocs, 3 * kFrames);
  const auto frames = split_frames(events);
  for (std::size_t f = 1; f < frames.size(); ++f) {
    EXPECT_GE(alloc_bytes(frames[f]), 300u);
    EXPECT_LE(alloc_bytes(frames[f]), 2'000u);
  }
}

TEST(WorkloadSizes, FileReadOpensAFinalisedFileAndReadsIn256ByteSteps) {
  const auto frames = split_frames(events_of("file-read", kFrames));
  for (std::size_t f = 1; f < frames.size(); ++f) {
    std::size_t files = 0;
    for (const Event& e : frames[f]) files += e.op == Op::alloc && e.fin;
    EXPECT_EQ(files, 1u);
    EXPECT_EQ(count_allocs(frames[f], 256), 1u);  // read()'s first step (a row is < 256)
  }
}

TEST(WorkloadSizes, StartupKeepsFunctionsAndModulesAndFreesCompileTemporaries) {
  const auto frames = split_frames(events_of("startup", kFrames));
  for (std::size_t f = 2; f < frames.size(); ++f) {
    EXPECT_EQ(count_allocs(frames[f], 16, "module"), 1u);
    EXPECT_GE(count_allocs(frames[f], 32, "function") + count_allocs(frames[f], 40, "function"),
              3u);                                 // the module's code and its 2–8 defs
    EXPECT_EQ(count_allocs(frames[f], 1024), 1u);  // the parser's rule stack, freed
    std::size_t frees = 0;
    for (const Event& e : frames[f]) frees += e.op == Op::free;
    EXPECT_GE(frees, 10u);
  }
}

}  // namespace
}  // namespace gcsim::synth
