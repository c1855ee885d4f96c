// Shelf packing: items in reading order on shelves of columns; settled shelves know their height before they
// fill, so that short items ahead of a shelf's tallest one stack too.
#include "../../src/layout/shelf_pack.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace orgchart::detail {
namespace {

// Three leaves, a tall subtree, two leaves: 100 wide, 12 apart in a row, 6 apart in a column.
const std::vector<Size> kItems{{100, 36}, {100, 36}, {100, 36}, {100, 156}, {100, 36}, {100, 36}};

TEST(ShelfPack, ShortItemsAfterATallOneStack) {
  const ShelfGaps gaps{12, 24, 6, true};
  std::vector<ShelfSpot> spots;
  const ShelfPacking p = pack_shelves(kItems, 1000, gaps, &spots);
  // The shelf is as tall as the first item until the tall one comes: the first three stand in a row.
  EXPECT_EQ(p.shelves, 1u);
  EXPECT_DOUBLE_EQ(spots[1].left, 112);
  EXPECT_DOUBLE_EQ(spots[2].left, 224);
  EXPECT_DOUBLE_EQ(spots[3].left, 336);
  // After it, the two stack in one column beside it.
  EXPECT_DOUBLE_EQ(spots[4].left, 448);
  EXPECT_DOUBLE_EQ(spots[5].left, 448);
  EXPECT_DOUBLE_EQ(spots[5].top, 42);
  EXPECT_DOUBLE_EQ(p.width, 548);
  EXPECT_FALSE(p.settled);
}

TEST(ShelfPack, ASettledShelfStacksTheItemsAheadOfItsTallest) {
  const ShelfGaps gaps{12, 24, 6, true, true};
  std::vector<ShelfSpot> spots;
  const ShelfPacking p = pack_shelves(kItems, 1000, gaps, &spots);
  EXPECT_TRUE(p.settled);
  EXPECT_EQ(p.shelves, 1u);
  EXPECT_TRUE(p.lead_stacked);
  // Three in the first column (36 + 6 + 36 + 6 + 36 = 120 <= 156), the tall one, then two in a column.
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(spots[i].left, 0);
    EXPECT_DOUBLE_EQ(spots[i].top, 42.0 * i);
    EXPECT_EQ(spots[i].column_head, i == 0);
  }
  EXPECT_DOUBLE_EQ(spots[3].left, 112);
  EXPECT_DOUBLE_EQ(spots[3].top, 0);
  EXPECT_DOUBLE_EQ(spots[4].left, 224);
  EXPECT_DOUBLE_EQ(spots[5].left, 224);
  EXPECT_DOUBLE_EQ(p.width, 324);
  EXPECT_DOUBLE_EQ(p.height, 156);
}

TEST(ShelfPack, SettlingChangesNothingWhereNothingWouldStack) {
  // The tall item first: every shelf already knows its height.
  const std::vector<Size> items{{100, 156}, {100, 36}, {100, 36}, {100, 36}};
  ShelfGaps gaps{12, 24, 6, true};
  const ShelfPacking plain = pack_shelves(items, 250, gaps);
  gaps.settle = true;
  const ShelfPacking settled = pack_shelves(items, 250, gaps);
  EXPECT_FALSE(settled.settled);
  EXPECT_DOUBLE_EQ(settled.width, plain.width);
  EXPECT_DOUBLE_EQ(settled.height, plain.height);
  EXPECT_EQ(settled.shelves, plain.shelves);
}

TEST(ShelfPack, ASettledShelfIsPackedAgainUntilItsHeightHolds) {
  // Three columns fit (limit 350). Unsettled, the first shelf is a, b, T in a row (100 tall). At 100, a and b
  // stack, c, d, e follow and e makes the shelf 120 tall (below the previous item after all: nothing else fits);
  // at 120, U no longer fits and opens the second shelf.
  const std::vector<Size> items{{100, 36}, {100, 36}, {100, 100}, {100, 36},
                                {100, 36}, {100, 36}, {100, 80},  {100, 36}};
  const ShelfGaps gaps{12, 24, 6, true, true};
  std::vector<ShelfSpot> spots;
  const ShelfPacking p = pack_shelves(items, 350, gaps, &spots);
  const std::vector<std::pair<double, double>> expected{{0, 0},    {0, 42},  {112, 0},  {224, 0},
                                                        {224, 42}, {224, 84}, {0, 144}, {112, 144}};
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_DOUBLE_EQ(spots[i].left, expected[i].first) << i;
    EXPECT_DOUBLE_EQ(spots[i].top, expected[i].second) << i;
  }
  EXPECT_EQ(spots[6].shelf, 1u);
  EXPECT_EQ(p.shelves, 2u);
  EXPECT_DOUBLE_EQ(p.height, 224);
  EXPECT_DOUBLE_EQ(p.width, 324);
}

}  // namespace
}  // namespace orgchart::detail
