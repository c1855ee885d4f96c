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

std::string window(const char* text) {
  const auto d = parse_date(text);
  if (!d) return "invalid";
  return day_text(d->earliest) + ".." + day_text(d->latest);
}

TEST(Date, ExactDatesHaveNoWindow) {
  for (const char* t : {"2025", "2025-02", "2024-02-29"}) {
    EXPECT_TRUE(parse_date(t)->exact()) << t;
    EXPECT_EQ(parse_date(t)->describe(), t);
  }
  EXPECT_EQ(window("2025-02"), "2025-02-01..2025-02-01") << "a plain partial date is still its first day";
}

TEST(Date, WindowsRunFromTheFirstPossibleDayToTheLast) {
  struct Case {
    const char* text;
    const char* window;     ///< earliest..latest
    const char* said = "";  ///< describe(), where checked
  };
  const Case cases[] = {
      // Qualifiers widen by one unit of precision.
      {"2025?", "2024-01-01..2026-12-31"},
      {"2025~", "2024-01-01..2026-12-31"},
      {"2025-01?", "2024-12-01..2025-02-28"},
      {"2024-03~", "2024-02-01..2024-04-30"},
      {"2024-12-31%", "2024-12-30..2025-01-01"},
      {"2024-03-01~", "2024-02-29..2024-03-02"},
      // Unspecified digits are the whole period.
      {"2025-XX", "2025-01-01..2025-12-31", "between 2025-01-01 and 2025-12-31"},
      {"2024-02-XX", "2024-02-01..2024-02-29"},
      {"2025-XX-XX", "2025-01-01..2025-12-31"},
      {"202X", "2020-01-01..2029-12-31"},
      {"19XX", "1900-01-01..1999-12-31"},
      // Intervals run from the first day of the start to the last day of the end.
      {"2024-01-30/2025-12", "2024-01-30..2025-12-31", "between 2024-01-30 and 2025-12-31"},
      {"2024/2025", "2024-01-01..2025-12-31"},
      {"../2025", "..2025-12-31", "by 2025-12-31"},
      {"/2025-06", "..2025-06-30"},
      {"2024-05/..", "2024-05-01..", "from 2024-05-01 on"},
      {"2024-05/", "2024-05-01.."},
      {"2024?/2025", "2023-01-01..2025-12-31"},
      {"2025-03/2025-03", "2025-03-01..2025-03-31", "between 2025-03-01 and 2025-03-31"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(window(c.text), c.window) << c.text;
    if (*c.said) {
      EXPECT_EQ(parse_date(c.text)->describe(), c.said) << c.text;
    }
  }
}

TEST(Date, QualifiersMarkTheDate) {
  EXPECT_TRUE(parse_date("2025?")->uncertain);
  EXPECT_FALSE(parse_date("2025?")->approximate);
  EXPECT_TRUE(parse_date("2025~")->approximate);
  EXPECT_TRUE(parse_date("2025%")->uncertain && parse_date("2025%")->approximate);
  EXPECT_FALSE(parse_date("2025?")->exact());
  EXPECT_TRUE(parse_date("2024?/2025")->uncertain);
  EXPECT_EQ(parse_date("2025~")->str(), "2025~");
  EXPECT_EQ(parse_date("2025-xx")->str(), "2025-XX");
}

TEST(Date, MalformedDatesSayWhatIsWrongAndWhere) {
  struct Case {
    const char* text;
    const char* why;
    std::size_t column;
  };
  const Case cases[] = {
      {"", "it is empty", 0},
      {"2025-13", "month 13 is not a month (01 to 12)", 5},
      {"2023-02-29", "2023-02 has no day 29", 8},
      {"2025-1-1", "the month must have two digits", 5},
      {"20250", "the year must have four digits", 0},
      {"25", "the year must have four digits", 0},
      {"2025-02-1x", "the day must be two digits or XX (unspecified)", 8},
      {"May 2024", "'M' is not part of a date", 0},
      {"2025??", "it has two qualifiers; write one: '?' uncertain, '~' approximate, '%' both", 4},
      {"2025/2024", "the interval starts (2025) after it ends (2024); write the earlier date first", 0},
      {"2024/2025/2026", "an interval has one '/', and a day is written YYYY-MM-DD", 9},
      {"../..", "an interval open at both ends says nothing; leave the field out", 0},
      {"..", "'..' (open) is only meaningful as one side of an interval such as ../2025", 0},
      {"2024/2025-14", "month 14 is not a month (01 to 12)", 10},
      {"XXXX", "the year is wholly unspecified; leave the field out or write an open interval '../2025'", 0},
      {"20X5", "unspecified digits (X) must come last in the year, as in 202X", 3},
      {"2025-XX-15", "a day needs its month; write 2025-XX", 8},
      {"202X-03", "a year with unspecified digits takes no month; write 202X", 5},
      {"2025-03-01T10", "'T' is not part of a date", 10},
  };
  for (const auto& c : cases) {
    std::string why;
    std::size_t column = 99;
    EXPECT_FALSE(parse_date(c.text, &why, &column).has_value()) << c.text;
    EXPECT_EQ(why, c.why) << c.text;
    EXPECT_EQ(column, c.column) << c.text;
  }
  EXPECT_EQ(date_error("from", "2025-13"),
            std::string("'from' is not a valid date: '2025-13': month 13 is not a month (01 to 12); write ") + kDateForms);
}

TEST(Validity, AnUncertainBoundMakesTheDaysOfItsWindowUncertain) {
  // The ILD's change of head: it happened between the 2024 copy (2024-01-30 or later) and the 2025 revision.
  const Validity old_head{std::nullopt, parse_date("2024-01-30/2025-12")};
  const Validity new_head{parse_date("2024-01-30/2025-12"), std::nullopt};
  EXPECT_EQ(old_head.at(parse_date("2024-01-29")), Holds::kYes);
  EXPECT_EQ(new_head.at(parse_date("2024-01-29")), Holds::kNo);
  for (const char* d : {"2024-01-30", "2025-06-01", "2025-12-30"}) {
    EXPECT_EQ(old_head.at(parse_date(d)), Holds::kUncertain) << d;
    EXPECT_EQ(new_head.at(parse_date(d)), Holds::kUncertain) << d;
    EXPECT_TRUE(old_head.holds_at(parse_date(d))) << "an uncertain fact is drawn (marked): " << d;
  }
  EXPECT_EQ(old_head.at(parse_date("2026")), Holds::kNo);
  EXPECT_EQ(new_head.at(parse_date("2026")), Holds::kYes);
  EXPECT_EQ(old_head.at(std::nullopt), Holds::kNo) << "the latest state excludes what has ended";
  EXPECT_EQ(new_head.at(std::nullopt), Holds::kYes);
  EXPECT_TRUE(old_head.overlaps(new_head)) << "both may have been head on one day";
  EXPECT_TRUE(old_head.uncertain());
  EXPECT_FALSE((Validity{parse_date("2024"), parse_date("2025")}.uncertain()));
  EXPECT_EQ((Validity{parse_date("2024"), parse_date("2025")}.at(parse_date("2024-06-01"))), Holds::kYes);
}

}  // namespace
}  // namespace orgchart
