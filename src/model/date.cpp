#include "orgchart/model/date.hpp"

#include <charconv>

namespace orgchart {

namespace {

bool read_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string Date::str() const {
  std::string s = std::to_string(year);
  if (month) s += '-' + two(month);
  if (day) s += '-' + two(day);
  return s;
}

std::optional<Date> parse_date(std::string_view text) {
  Date d;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!read_int(text.substr(0, 4), d.year)) return std::nullopt;
  if (text.size() >= 7) {
    if (text[4] != '-' || !read_int(text.substr(5, 2), d.month) || d.month < 1 || d.month > 12) return std::nullopt;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !read_int(text.substr(8, 2), d.day) || d.day < 1 || d.day > days_in_month(d.year, d.month))
      return std::nullopt;
  }
  return d;
}

bool Validity::holds_at(const std::optional<Date>& as_of) const {
  if (!as_of) return !until.has_value();
  if (from && as_of->key() < from->key()) return false;
  if (until && as_of->key() >= until->key()) return false;
  return true;
}

bool Validity::overlaps(const Validity& o) const {
  // [a.from, a.until) and [b.from, b.until) intersect unless one ends before the other starts.
  if (until && o.from && until->key() <= o.from->key()) return false;
  if (o.until && from && o.until->key() <= from->key()) return false;
  return true;
}

}  // namespace orgchart
