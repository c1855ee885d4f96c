#pragma once
/// Partial dates (`2025`, `2025-02`, `2025-02-26`) and the `from <= D < until` validity rule.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace orgchart {

/// A calendar date known to year, month or day precision. Compares by its first day.
struct Date {
  int year = 0;
  int month = 0;  ///< 0 = unknown (year precision)
  int day = 0;    ///< 0 = unknown

  /// Days are ordered by (year, month or 1, day or 1): a partial date stands for its first day.
  int key() const { return year * 10000 + (month ? month : 1) * 100 + (day ? day : 1); }
  friend bool operator==(const Date& a, const Date& b) = default;
  std::string str() const;  ///< as written: `2025`, `2025-02`, `2025-02-26`
};

inline bool before(const Date& a, const Date& b) { return a.key() < b.key(); }

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checking month and day ranges); nullopt when malformed.
std::optional<Date> parse_date(std::string_view text);

/// When a fact holds: `from <= D < until`; either bound may be open.
struct Validity {
  std::optional<Date> from;
  std::optional<Date> until;

  /// nullopt = the latest state: holds when it has no `until`.
  bool holds_at(const std::optional<Date>& as_of) const;
  bool overlaps(const Validity& other) const;
};

}  // namespace orgchart
