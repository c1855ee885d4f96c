#include "orgchart/model/date.hpp"

#include <gtest/gtest.h>

namespace orgchart {
namespace {

TEST(Date, ParsesThreePrecisions) {
  EXPECT_EQ(parse_date("2025")->str(), "2025");
  EXPECT_EQ(parse_date("2025-02")->str(), "2025-02");
  EXPECT_EQ(parse_date("2024-02-29")->str(), "2024-02-29");
}

TEST(Date, RejectsMalformed) {
  for (const char* bad : {"", "25", "2025-13", "2025-00", "2023-02-29", "2025-1-1", "2025/01/01", "abcd", "2025-02-30",
                          "20250", "2025-02-1x"})
    EXPECT_FALSE(parse_date(bad).has_value()) << bad;
}

TEST(Date, PartialDateIsItsFirstDay) {
  EXPECT_EQ(parse_date("2025")->key(), parse_date("2025-01-01")->key());
  EXPECT_TRUE(before(*parse_date("2024-12-31"), *parse_date("2025")));
}

TEST(Validity, HoldsFromInclusiveUntilExclusive) {
  Validity v{parse_date("2024"), parse_date("2025")};
  EXPECT_FALSE(v.holds_at(parse_date("2023-12-31")));
  EXPECT_TRUE(v.holds_at(parse_date("2024-01-01")));
  EXPECT_TRUE(v.holds_at(parse_date("2024-06-01")));
  EXPECT_FALSE(v.holds_at(parse_date("2025-01-01")));
  EXPECT_FALSE(v.holds_at(std::nullopt)) << "the latest state excludes what has ended";
  EXPECT_TRUE(Validity{}.holds_at(std::nullopt));
}

TEST(Validity, Overlaps) {
  Validity a{std::nullopt, parse_date("2025")}, b{parse_date("2025"), std::nullopt}, c{parse_date("2024-06"), std::nullopt};
  EXPECT_FALSE(a.overlaps(b));
  EXPECT_FALSE(b.overlaps(a));
  EXPECT_TRUE(a.overlaps(c));
  EXPECT_TRUE(Validity{}.overlaps(Validity{}));
}

}  // namespace
}  // namespace orgchart
