#pragma once
/// Dates as the sources give them: exact (`2025`, `2025-02`, `2025-02-26`) or uncertain in the ISO 8601-2 /
/// EDTF level-1 forms (`2025?`, `2025~`, `2025-XX`, `2024-01-30/2025-12`, `../2025`), and the `from <= D < until`
/// validity rule, which answers yes, no or "uncertain" when a bound is a window.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace orgchart {

/// A day as the number yyyymmdd (2025-03-01 = 20250301): days order as these numbers do.
inline constexpr int kFirstDay = 0;         ///< before every day: the open start of `../2025`
inline constexpr int kLastDay = 99999999;   ///< after every day: the open end of `2024/..`

/// A date, possibly uncertain: the earliest and the latest day it can be. An exact date (the only kind this
/// format had before uncertain dates) has earliest == latest; by the format's convention a partial exact date
/// stands for its first day (`2025` = 2025-01-01). Uncertain forms widen the window (see parse_date).
struct Date {
  int earliest = 0;  ///< yyyymmdd, or kFirstDay (open start)
  int latest = 0;    ///< yyyymmdd, or kLastDay (open end)
  bool uncertain = false;    ///< `?`: the source is not sure of the value
  bool approximate = false;  ///< `~`: the value is an estimate
  std::string text;          ///< as written, normalised (`2025`, `2025-02?`, `2024-01-30/2025-12`)

  /// The first possible day: how dates sort and compare (for an exact date, the date itself).
  int key() const { return earliest; }
  /// True for a single known day (no window, no qualifier).
  bool exact() const { return earliest == latest && !uncertain && !approximate; }
  friend bool operator==(const Date& a, const Date& b) = default;
  std::string str() const { return text; }  ///< as written (normalised), parseable again
  /// A reader's phrase for the window: "2025-02-26", "between 2024-01-30 and 2025-12-31", "by 2025-12-31".
  std::string describe() const;
};

inline bool before(const Date& a, const Date& b) { return a.key() < b.key(); }

/// A day number as `YYYY-MM-DD`; "" for kFirstDay and kLastDay (open ends).
std::string day_text(int key);

/// Parses an exact date `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (month and day ranges checked), or an uncertain one:
/// - a qualifier after the date: `2025?` (uncertain), `2025~` (approximate), `2025%` (both); the window is
///   widened by one unit of the written precision on either side (`2025~` = 2024-01-01 .. 2026-12-31);
/// - unspecified digits: `2025-XX` (month unknown), `2025-03-XX`, `2025-XX-XX`, `202X` (some year 2020-2029);
/// - an interval "between": `2024-01-30/2025-12` (earliest day of the start .. last day of the end), open
///   (`../2025`, `2024/..`) or unknown (`/2025`, `2024/`) at either side; each side may carry a qualifier.
/// nullopt when malformed; `why` (when given) then says what is wrong and how to write it, and `column` the
/// 0-based offset in `text` of the problem.
std::optional<Date> parse_date(std::string_view text, std::string* why = nullptr, std::size_t* column = nullptr);

/// The forms parse_date accepts, for "write ..." hints in error messages.
inline constexpr const char* kDateForms =
    "YYYY, YYYY-MM or YYYY-MM-DD, or for a date the sources give only roughly 2025? (uncertain), 2025~ "
    "(approximate), 2025-XX (month unknown) or an interval 2024-01-30/2025-12 (happened between)";

/// One message for a malformed date: "'<key>' is not a valid date: '<text>': <why>; write <forms>".
std::string date_error(std::string_view key, std::string_view text);

/// Whether a fact holds on a day: surely, surely not, or uncertain (a bound is a window containing the day).
enum class Holds { kNo, kUncertain, kYes };

/// When a fact holds: `from <= D < until`; either bound may be open.
struct Validity {
  std::optional<Date> from;
  std::optional<Date> until;

  /// nullopt = the latest state: holds when it has no `until`. An uncertain result counts as holding.
  bool holds_at(const std::optional<Date>& as_of) const { return at(as_of) != Holds::kNo; }
  /// Three-valued: kUncertain when `as_of` falls inside the window of `from` or of `until`.
  Holds at(const std::optional<Date>& as_of) const;
  /// True when the two may hold on a common day.
  bool overlaps(const Validity& other) const;
  /// True when a bound is an uncertain date (a window or a qualifier).
  bool uncertain() const { return (from && !from->exact()) || (until && !until->exact()); }
};

}  // namespace orgchart
