// page_lower_bound(): never above the pages of a real packing (shelves of columns, the gaps kept), above the area
// bound where the cards' widths leave every line of a page a gap, and the same as the area bound's idea otherwise.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "orgchart/layout/page_bound.hpp"

namespace orgchart {
namespace {

constexpr Size kRoom{842 / 0.9 - 36, 595 / 0.9 - 64};

/// Pages of one real drawing in the bound's conventions: cards in order down columns (gap 6), columns across
/// (gap 12, as wide as their widest card), a new page when a column does not fit.
std::size_t column_pages(const std::vector<Size>& cards, Size room) {
  std::size_t pages = 1;
  double x = 0, y = 0, column_w = 0;
  for (const Size& c : cards) {
    if (y > 0 && y + c.height > room.height) {  // next column
      x += column_w + 12;
      y = 0;
      column_w = 0;
    }
    if (x + std::max(column_w, c.width) > room.width) {  // next page
      ++pages;
      x = 0;
      y = 0;
      column_w = 0;
    }
    column_w = std::max(column_w, c.width);
    y += c.height + 6;
  }
  return pages;
}

TEST(PageBound, EqualCardsLeaveEveryLineAGap) {
  // 192 pt grown: 4 fit across 911.6, 4.75 by area.
  PageBoundInput in;
  in.cards.assign(1000, Size{180, 40});
  in.room = kRoom;
  in.roots = 1000;  // no headers: the two bounds alone
  const PageBound b = page_lower_bound(in);
  EXPECT_NEAR(b.area, 1000 * 192 * 46 / ((kRoom.width + 12) * (kRoom.height + 6)), 1e-9);
  EXPECT_NEAR(b.lines, 1000 * 46 / (4 * (kRoom.height + 6)), 1e-6);
  EXPECT_EQ(b.pages, static_cast<std::size_t>(std::ceil(b.lines)));
  EXPECT_LE(b.pages, column_pages(in.cards, kRoom));
}

TEST(PageBound, MixedWidthsPairUp) {
  // Half 250 wide, half 120 (262 and 132 grown): a line holds 3 + 0, 2 + 2, 1 + 4 or 0 + 6 of 911.6, so the cards
  // take n / 4 lines however they mix, 16 % more than their area.
  PageBoundInput in;
  for (int i = 0; i < 600; ++i) in.cards.push_back(i % 2 ? Size{250, 40} : Size{120, 40});
  in.room = kRoom;
  in.roots = 600;  // no headers: the lines alone
  const PageBound b = page_lower_bound(in);
  EXPECT_NEAR(b.lines, 600 / 4.0 * 46 / (kRoom.height + 6), 1e-6);
  EXPECT_GT(b.lines, 1.1 * b.area);
  EXPECT_LE(b.pages, column_pages(in.cards, kRoom));
}

TEST(PageBound, NeverAboveARealPacking) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 40; ++trial) {
    std::uniform_real_distribution<double> w(54 + trial * 3, 140 + trial * 6), h(36, 36 + trial * 2);
    PageBoundInput in;
    const int n = 50 + trial * 37;
    for (int i = 0; i < n; ++i) in.cards.push_back({w(rng), h(rng)});
    in.room = kRoom;
    in.roots = 1;
    const PageBound b = page_lower_bound(in);
    // A real drawing of these cards, plus a header and a stub per page but the first (each at least 54 x 36).
    std::vector<Size> drawn;
    const std::size_t plain = column_pages(in.cards, kRoom);
    for (std::size_t i = 0; i < in.cards.size(); ++i) drawn.push_back(in.cards[i]);
    for (std::size_t p = 1; p < plain + 2; ++p) drawn.push_back({54, 36}), drawn.push_back({54, 36});
    EXPECT_LE(b.pages, column_pages(drawn, kRoom)) << "trial " << trial;
    EXPECT_GE(b.lines, 0.9 * b.area) << "trial " << trial;
  }
}

TEST(PageBound, ManyWidthsAreClassedCoarser) {
  PageBoundInput in;
  for (int i = 0; i < 5000; ++i) in.cards.push_back({60 + (i * 7919 % 800) * 0.5, 40});
  in.room = kRoom;
  const PageBound b = page_lower_bound(in);
  EXPECT_GT(b.lines, 0.95 * b.area);
  EXPECT_LE(b.pages, column_pages(in.cards, kRoom));
}

TEST(PageBound, ACardWiderThanThePageIsLeftOut) {
  PageBoundInput in;
  in.cards = {{2000, 40}, {100, 40}};
  in.room = kRoom;
  EXPECT_EQ(page_lower_bound(in).pages, 1u);
}

}  // namespace
}  // namespace orgchart
