// Geometry: does compute_layout split a heap as gc_init / gc_setup_area do (docs/collector.md
// §1, docs/geometry.md)? Every expected value below was worked out by hand from
//   T = align_down(start + H, B) − start,  A = ⌊8(T − g) / (12 + 32B)⌋ (finaliser on)
//   or ⌊(T − g) / (1 + 4B)⌋ (off),  F = ⌈A/2⌉,  N = 4A,  P = N·B,
//   pool_offset = T − P,  slack = pool_offset − A − g − F,
// with g = 0 for v1.11 rules and 1 for v1.20+. For B = 32 the finaliser-on denominator is
// 12 + 1024 = 1036; for B = 16 it is 12 + 512 = 524.
#include "heap/geometry.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <optional>

namespace gcsim {
namespace {

GeometryParams k210_params(std::uint64_t heap_bytes, RulesVersion rules = RulesVersion::v1_11) {
  return GeometryParams{heap_bytes, 8, 32, true, rules, 0};
}

struct Expected {
  std::uint64_t atb, ftb, blocks, pool_bytes, pool_offset, slack;
};

void expect_layout(const GeometryParams& params, const Expected& e) {
  const std::optional<Layout> l = compute_layout(params);
  ASSERT_TRUE(l.has_value()) << "heap " << params.heap_bytes;
  EXPECT_EQ(l->atb_bytes, e.atb) << "heap " << params.heap_bytes;
  EXPECT_EQ(l->ftb_bytes, e.ftb) << "heap " << params.heap_bytes;
  EXPECT_EQ(l->pool_blocks, e.blocks) << "heap " << params.heap_bytes;
  EXPECT_EQ(l->pool_bytes, e.pool_bytes) << "heap " << params.heap_bytes;
  EXPECT_EQ(l->pool_offset, e.pool_offset) << "heap " << params.heap_bytes;
  EXPECT_EQ(l->slack_bytes, e.slack) << "heap " << params.heap_bytes;
  // The layout always adds up: tables + gap + slack + pool = T.
  EXPECT_EQ(l->atb_bytes + l->gap_bytes + l->ftb_bytes + l->slack_bytes + l->pool_bytes,
            l->usable_bytes);
}

TEST(Geometry, K210DefaultHeapV111) {
  // 8·524288 = 4194304; 4194304 / 1036 = 4048.4 → A = 4048; F = 2024; N = 16192;
  // P = 16192·32 = 518144; offset = 524288 − 518144 = 6144; slack = 6144 − 4048 − 2024 = 72.
  expect_layout(k210_params(524288), {4048, 2024, 16192, 518144, 6144, 72});
  const auto l = compute_layout(k210_params(524288));
  ASSERT_TRUE(l);
  EXPECT_EQ(l->usable_bytes, 524288u);
  EXPECT_EQ(l->gap_bytes, 0u);
}

TEST(Geometry, K210DefaultHeapV120GapByteOnlyShrinksSlack) {
  // 8·524287 = 4194296; / 1036 = 4048.5 → A = 4048 still; slack = 6144 − 4048 − 1 − 2024 = 71.
  expect_layout(k210_params(524288, RulesVersion::v1_20), {4048, 2024, 16192, 518144, 6144, 71});
  const auto l = compute_layout(k210_params(524288, RulesVersion::v1_20));
  ASSERT_TRUE(l);
  EXPECT_EQ(l->gap_bytes, 1u);
}

TEST(Geometry, ThreeMebibyteHeap) {
  // 8·3145728 = 25165824; / 1036 = 24291.3 → A = 24291; F = ⌈12145.5⌉ = 12146; N = 97164;
  // P = 3109248; offset = 3145728 − 3109248 = 36480; slack = 36480 − 24291 − 12146 = 43.
  expect_layout(k210_params(3145728), {24291, 12146, 97164, 3109248, 36480, 43});
  // v1.20: 8·3145727 / 1036 = 24291.3 → same A; slack 43 − 1 = 42.
  expect_layout(k210_params(3145728, RulesVersion::v1_20),
                {24291, 12146, 97164, 3109248, 36480, 42});
}

TEST(Geometry, K210HeapSizeTableOfGeometryMd) {
  // 131072: 1048576 / 1036 = 1012.1 → A 1012, F 506, N 4048, P 129536,
  //         offset 131072 − 129536 = 1536, slack 1536 − 1012 − 506 = 18.
  expect_layout(k210_params(131072), {1012, 506, 4048, 129536, 1536, 18});
  // 262144: 2097152 / 1036 = 2024.3 → A 2024, F 1012, N 8096, P 259072,
  //         offset 3072, slack 3072 − 2024 − 1012 = 36.
  expect_layout(k210_params(262144), {2024, 1012, 8096, 259072, 3072, 36});
  // 1000000 = 31250·32, so T = H. 8000000 / 1036 = 7722.007 (1036·7722 = 7999992) → A 7722,
  //         F 3861, N 30888, P 988416, offset 11584, slack 11584 − 7722 − 3861 = 1.
  expect_layout(k210_params(1000000), {7722, 3861, 30888, 988416, 11584, 1});
  // 2097152: 16777216 / 1036 = 16194.2 → A 16194, F 8097, N 64776, P 2072832,
  //          offset 24320, slack 24320 − 16194 − 8097 = 29.
  expect_layout(k210_params(2097152), {16194, 8097, 64776, 2072832, 24320, 29});
}

TEST(Geometry, GapByteDropsAtbByOneWhenEightTIsAMultipleOfTheDenominator) {
  // 530432 = 16576·32. 8·530432 = 4243456 = 1036·4096 exactly (8T mod 1036 = 0 < 8).
  // v1.11: A 4096, F 2048, N 16384, P 524288, offset 530432 − 524288 = 6144, slack 0.
  expect_layout(k210_params(530432), {4096, 2048, 16384, 524288, 6144, 0});
  // v1.20: 8·530431 = 4243448 < 1036·4096 → A 4095, F ⌈2047.5⌉ = 2048, N 16380, P 524160,
  //        offset 530432 − 524160 = 6272, slack 6272 − 4095 − 1 − 2048 = 128.
  expect_layout(k210_params(530432, RulesVersion::v1_20), {4095, 2048, 16380, 524160, 6272, 128});
}

TEST(Geometry, GapByteKeepsAtbWhenRemainderIsExactlyEight) {
  // 1000000: 8T mod 1036 = 8000000 − 7999992 = 8, not < 8, so v1.20 keeps A:
  // 8·999999 = 7999992 = 1036·7722 → A 7722; slack 11584 − 7722 − 1 − 3861 = 0.
  expect_layout(k210_params(1000000, RulesVersion::v1_20), {7722, 3861, 30888, 988416, 11584, 0});
}

TEST(Geometry, ThirtyTwoBitSixteenByteBlocks) {
  // W 4, B 16: 8·524288 = 4194304; / 524 = 8004.4 → A 8004, F 4002, N 32016, P 512256,
  // offset 524288 − 512256 = 12032, slack 12032 − 8004 − 4002 = 26 (v1.20: 25).
  expect_layout({524288, 4, 16, true, RulesVersion::v1_11, 0},
                {8004, 4002, 32016, 512256, 12032, 26});
  expect_layout({524288, 4, 16, true, RulesVersion::v1_20, 0},
                {8004, 4002, 32016, 512256, 12032, 25});
}

TEST(Geometry, FinaliserOffHasNoFtbAndAOverOnePlusFourB) {
  // 64-bit/B=32/512K: 524288 / 129 = 4064.2 → A 4064, N 16256, P 520192,
  //   offset 524288 − 520192 = 4096, slack 4096 − 4064 = 32.
  expect_layout({524288, 8, 32, false, RulesVersion::v1_11, 0}, {4064, 0, 16256, 520192, 4096, 32});
  // 64-bit/B=32/3M: 3145728 / 129 = 24385.5 → A 24385, N 97540, P 3121280,
  //   offset 3145728 − 3121280 = 24448, slack 24448 − 24385 = 63.
  expect_layout({3145728, 8, 32, false, RulesVersion::v1_11, 0},
                {24385, 0, 97540, 3121280, 24448, 63});
  // 32-bit/B=16/512K: 524288 / 65 = 8065.97 (65·8066 = 524290 > H) → A 8065, N 32260,
  //   P 516160, offset 524288 − 516160 = 8128, slack 8128 − 8065 = 63.
  expect_layout({524288, 4, 16, false, RulesVersion::v1_11, 0}, {8065, 0, 32260, 516160, 8128, 63});
}

TEST(Geometry, FinaliserOffGapByteDropsAtbWhenTIsAMultipleOfOnePlusFourB) {
  // T = 4128 = 129·32 (and 32-aligned). v1.11: A 4128/129 = 32, N 128, P 4096, offset 32,
  // slack 0. v1.20: 4127/129 = 31.99 → A 31, N 124, P 3968, offset 160, slack 160 − 31 − 1 = 128.
  expect_layout({4128, 8, 32, false, RulesVersion::v1_11, 0}, {32, 0, 128, 4096, 32, 0});
  expect_layout({4128, 8, 32, false, RulesVersion::v1_20, 0}, {31, 0, 124, 3968, 160, 128});
}

TEST(Geometry, UnalignedStartLosesTheBytesBeforeTheFirstBlockBoundary) {
  // Unix 64K run (docs/collector.md §1.3, Appendix A.1): start ≡ 16 (mod 32). end = 16 + 65536 =
  // 65552, aligned down to 65536; T = 65536 − 16 = 65520 (= H − ((off + H) mod B)). 8·65520 =
  // 524160; / 1036 = 505.9 → A 505, F 253, N 2020, P 64640, offset 65520 − 64640 = 880, slack 880 −
  // 505 − 253 = 122.
  GeometryParams p = k210_params(65536);
  p.start_offset = 16;
  const auto l = compute_layout(p);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->usable_bytes, 65520u);
  expect_layout(p, {505, 253, 2020, 64640, 880, 122});
}

TEST(Geometry, K210DefaultHeapHasTheSameBlockCountForEveryStartOffset) {
  // Worst case off = 1..31 gives T = 524288 − off ≥ 524257; 8·524257 = 4194056; / 1036 = 4048.3.
  for (std::uint32_t off = 0; off < 32; ++off) {
    GeometryParams p = k210_params(524288);
    p.start_offset = off;
    const auto l = compute_layout(p);
    ASSERT_TRUE(l) << off;
    EXPECT_EQ(l->usable_bytes, off == 0 ? 524288u : 524288u - off) << off;
    EXPECT_EQ(l->pool_blocks, 16192u) << off;
  }
}

TEST(Geometry, UnalignedOneMillionByteHeapCanLoseFourBlocks) {
  // off 1: T = 999999; 8T = 7999992 = 1036·7722 → still 30888 blocks.
  // off 2: T = 999998; 8T = 7999984 < 7999992 → A 7721 → N 30884 (geometry.md).
  GeometryParams p = k210_params(1000000);
  p.start_offset = 1;
  ASSERT_TRUE(compute_layout(p));
  EXPECT_EQ(compute_layout(p)->pool_blocks, 30888u);
  p.start_offset = 2;
  ASSERT_TRUE(compute_layout(p));
  EXPECT_EQ(compute_layout(p)->pool_blocks, 30884u);
  EXPECT_EQ(compute_layout(p)->pool_bytes, 30884u * 32u);
}

// gc.mem_alloc() + gc.mem_free() − 128 MiB on the 1.27.0 webassembly pyscript build, read right
// after start-up (copied from the project's oracle results, wasm-geometry.json). W 4, B 16,
// finaliser on, v1.20+ rules, 16-aligned start. Spot checks by hand (denominator 524):
//   2048:   8·2047 = 16376 / 524 = 31.3 → A 31 → N 124, P 1984.
//   65551:  T = 65536; 8·65535 = 524280 / 524 = 1000.5 → N 4000.
//   131071: T = 131056; 8·131055 = 1048440 / 524 = 2000.8 → N 8000.
//   131072: 8·131071 = 1048568 / 524 = 2001.1 → N 8004.
struct WasmRow {
  std::uint64_t heap_bytes, pool_bytes, pool_blocks;
};
constexpr WasmRow kWasmRows[] = {
    {2048, 1984, 124},         {4096, 3968, 248},          {8192, 8000, 500},
    {16384, 16000, 1000},      {32768, 32000, 2000},       {65536, 64000, 4000},
    {65537, 64000, 4000},      {65544, 64000, 4000},       {65551, 64000, 4000},
    {100000, 97664, 6104},     {100003, 97664, 6104},      {131066, 128000, 8000},
    {131067, 128000, 8000},    {131071, 128000, 8000},     {131072, 128064, 8004},
    {131080, 128064, 8004},    {262144, 256128, 16008},    {524288, 512256, 32016},
    {1048576, 1024512, 64032}, {2097152, 2049088, 128068},
};

TEST(Geometry, Wasm32MatchesMeasuredPoolSizes) {
  ASSERT_EQ(std::size(kWasmRows), 20u);
  for (const WasmRow& row : kWasmRows) {
    const auto l = compute_layout({row.heap_bytes, 4, 16, true, RulesVersion::v1_20, 0});
    ASSERT_TRUE(l) << row.heap_bytes;
    EXPECT_EQ(l->pool_blocks, row.pool_blocks) << row.heap_bytes;
    EXPECT_EQ(l->pool_bytes, row.pool_bytes) << row.heap_bytes;
  }
}

TEST(Geometry, InvalidParamsMakeNoHeap) {
  EXPECT_FALSE(compute_layout(k210_params(0)));   // no bytes
  EXPECT_FALSE(compute_layout(k210_params(1)));   // T = align_down(1, 32) = 0
  EXPECT_FALSE(compute_layout(k210_params(64)));  // 8·64 / 1036 = 0 ATB bytes
  EXPECT_FALSE(compute_layout({524288, 8, 20, true, RulesVersion::v1_11, 0}));  // 20 % 8 ≠ 0
  EXPECT_FALSE(compute_layout({524288, 8, 4, true, RulesVersion::v1_11, 0}));   // block < word
  EXPECT_FALSE(compute_layout({524288, 0, 32, true, RulesVersion::v1_11, 0}));  // no word
  EXPECT_FALSE(compute_layout({524288, 8, 0, true, RulesVersion::v1_11, 0}));   // no block
  EXPECT_FALSE(compute_layout(k210_params(std::uint64_t{16} << 30)));           // 16 GiB
  GeometryParams p = k210_params(524288);
  p.start_offset = 32;  // an offset is taken modulo B, so it must be < B
  EXPECT_FALSE(compute_layout(p));
}

TEST(Geometry, SmallestHeapWithOneAtbByte) {
  // A ≥ 1 needs 8T ≥ 1036, T ≥ 129.5; the first 32-multiple is 160: A 1, F 1, N 4, P 128,
  // offset 32, slack 32 − 1 − 1 = 30. 128 bytes is one short: 1024 / 1036 = 0.
  expect_layout(k210_params(160), {1, 1, 4, 128, 32, 30});
  EXPECT_FALSE(compute_layout(k210_params(128)));
}

TEST(Geometry, PresetsK210AndWasm32AreFoundUnknownIsNot) {
  const Preset* k210 = find_preset("k210");
  ASSERT_NE(k210, nullptr);
  EXPECT_EQ(k210->params.heap_bytes, 524288u);
  EXPECT_EQ(k210->params.word_bytes, 8u);
  EXPECT_EQ(k210->params.block_bytes, 32u);
  EXPECT_TRUE(k210->params.finaliser);
  EXPECT_EQ(k210->params.rules, RulesVersion::v1_11);
  EXPECT_EQ(k210->default_threshold_bytes, -1);
  ASSERT_TRUE(compute_layout(k210->params));
  EXPECT_EQ(compute_layout(k210->params)->pool_blocks, 16192u);

  const Preset* wasm = find_preset("wasm32");
  ASSERT_NE(wasm, nullptr);
  EXPECT_EQ(wasm->params.word_bytes, 4u);
  EXPECT_EQ(wasm->params.block_bytes, 16u);
  EXPECT_EQ(wasm->params.rules, RulesVersion::v1_20);
  EXPECT_EQ(wasm->default_threshold_bytes, 16384);
  // 8·1048575 = 8388600; / 524 = 16008.8 → A 16008, N 64032, P 1024512 (geometry.md table).
  const auto l = compute_layout(wasm->params);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->pool_blocks, 64032u);
  EXPECT_EQ(l->pool_bytes, 1024512u);

  EXPECT_EQ(find_preset("unknown"), nullptr);
  EXPECT_EQ(find_preset(""), nullptr);
  EXPECT_EQ(find_preset("K210"), nullptr);
  EXPECT_EQ(presets().size(), 2u);
}

TEST(Geometry, RulesNamesRoundTrip) {
  EXPECT_EQ(rules_name(RulesVersion::v1_11), "v1.11");
  EXPECT_EQ(rules_name(RulesVersion::v1_20), "v1.20");
  EXPECT_EQ(rules_from_name("v1.11"), RulesVersion::v1_11);
  EXPECT_EQ(rules_from_name("v1.20"), RulesVersion::v1_20);
  EXPECT_EQ(rules_from_name("latest"), RulesVersion::v1_20);
  EXPECT_FALSE(rules_from_name("v1.9"));
}

}  // namespace
}  // namespace gcsim
