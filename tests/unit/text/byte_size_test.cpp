// parse_byte_size: the size notation shared by --heap-size, --threshold and sweep lists.
#include "text/byte_size.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(ByteSize, PlainBytes) {
  EXPECT_EQ(parse_byte_size("0"), 0u);
  EXPECT_EQ(parse_byte_size("4096"), 4096u);
}

TEST(ByteSize, KAndMAreBinaryEitherCase) {
  EXPECT_EQ(parse_byte_size("4K"), 4096u);
  EXPECT_EQ(parse_byte_size("512k"), 524288u);
  EXPECT_EQ(parse_byte_size("3M"), 3145728u);
  EXPECT_EQ(parse_byte_size("1m"), 1048576u);
}

TEST(ByteSize, UnitsAsPeopleWriteThem) {
  EXPECT_EQ(parse_byte_size("4KB"), 4096u);
  EXPECT_EQ(parse_byte_size("4kb"), 4096u);
  EXPECT_EQ(parse_byte_size("512KiB"), 524288u);
  EXPECT_EQ(parse_byte_size("3MB"), 3145728u);
  EXPECT_EQ(parse_byte_size("3MiB"), 3145728u);
  EXPECT_EQ(parse_byte_size("1G"), 1073741824u);
  EXPECT_EQ(parse_byte_size("1GiB"), 1073741824u);
  EXPECT_EQ(parse_byte_size("4096B"), 4096u);
}

TEST(ByteSize, HexAsMpconfigWritesIt) {
  EXPECT_EQ(parse_byte_size("0x80000"), 524288u);
  EXPECT_EQ(parse_byte_size("0X1b"), 27u);  // b is a digit here, not bytes
}

TEST(ByteSize, NotASize) {
  for (const char* text :
       {"", "K", "4Q", "4KiBs", "4iB", "-1", " 4K", "4K ", "1.5M", "0x", "0x10K", "0xg", "KB4"}) {
    EXPECT_FALSE(parse_byte_size(text)) << text;
  }
}

TEST(ByteSize, PastSixtyFourBitsSaturates) {
  constexpr std::uint64_t kMax = ~std::uint64_t{0};
  EXPECT_EQ(parse_byte_size("18446744073709551615"), kMax);
  EXPECT_EQ(parse_byte_size("18446744073709551616"), kMax);
  EXPECT_EQ(parse_byte_size("17592186044416M"), kMax);  // 2^44 · 2^20 = 2^64
  EXPECT_EQ(parse_byte_size("17592186044415M"), kMax - (1u << 20) + 1);
}

}  // namespace
}  // namespace gcsim
