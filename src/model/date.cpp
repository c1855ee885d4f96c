#include "orgchart/model/date.hpp"

#include <algorithm>

namespace orgchart {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

int day_key(int y, int m, int d) { return y * 10000 + m * 100 + d; }

std::string key_text(int key) {
  return std::to_string(key / 10000) + "-" + two(key / 100 % 100) + "-" + two(key % 100);
}

/// Days since 1970-01-01 and back (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"): a day's
/// neighbours across month and year ends without a table.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int civil_key(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return day_key(y, m, d);
}

/// One side of a date: its first and last possible day and its qualifiers.
struct Span {
  int first = 0, last = 0;
  bool uncertain = false, approximate = false;
  bool reduced = false;  ///< written without its day (or with unspecified digits): a period, not a day
};

struct Problem {
  std::string why;
  std::size_t at = 0;
};

bool digit(char c) { return c >= '0' && c <= '9'; }
bool unspecified(char c) { return c == 'X' || c == 'x'; }

/// `YYYY[-MM[-DD]]` with trailing X digits and one qualifier; `at` is the offset of `s` in the whole text.
std::optional<Span> parse_span(std::string_view s, std::size_t at, Problem& p) {
  auto fail = [&](std::size_t off, std::string why) -> std::optional<Span> {
    p = {std::move(why), at + off};
    return std::nullopt;
  };
  Span sp;
  if (!s.empty() && (s.back() == '?' || s.back() == '~' || s.back() == '%')) {
    const char q = s.back();
    sp.uncertain = q == '?' || q == '%';
    sp.approximate = q == '~' || q == '%';
    s.remove_suffix(1);
    if (!s.empty() && (s.back() == '?' || s.back() == '~' || s.back() == '%'))
      return fail(s.size() - 1, "it has two qualifiers; write one: '?' uncertain, '~' approximate, '%' both");
  }
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!digit(s[i]) && !unspecified(s[i]) && s[i] != '-')
      return fail(i, std::string("'") + s[i] + "' is not part of a date");
  if (s.size() < 4 || (s.size() > 4 && s[4] != '-'))
    return fail(0, "the year must have four digits");
  // Year: digits, then only X.
  int year_lo = 0, year_hi = 0;
  bool x_seen = false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (s[i] == '-') return fail(i, "the year must have four digits");
    if (unspecified(s[i])) {
      if (i == 0) return fail(0, "the year is wholly unspecified; leave the field out or write an open interval '../2025'");
      x_seen = true;
      year_lo = year_lo * 10;
      year_hi = year_hi * 10 + 9;
    } else if (x_seen) {
      return fail(i, "unspecified digits (X) must come last in the year, as in 202X");
    } else {
      year_lo = year_lo * 10 + (s[i] - '0');
      year_hi = year_hi * 10 + (s[i] - '0');
    }
  }
  int month = 0, day = 0;
  bool month_x = false, day_x = false;
  std::size_t pos = 4;
  auto field = [&](int& value, bool& x, const char* what) -> bool {
    // "-MM" or "-DD" at pos
    if (pos + 3 > s.size() || (pos + 3 < s.size() && s[pos + 3] != '-')) {
      p = {std::string("the ") + what + " must have two digits", at + pos + 1};
      return false;
    }
    const char a = s[pos + 1], b = s[pos + 2];
    if (unspecified(a) && unspecified(b)) x = true;
    else if (digit(a) && digit(b)) value = (a - '0') * 10 + (b - '0');
    else {
      p = {std::string("the ") + what + " must be two digits or XX (unspecified)", at + pos + 1};
      return false;
    }
    pos += 3;
    return true;
  };
  if (pos < s.size() && !field(month, month_x, "month")) return std::nullopt;
  const bool has_month = pos > 4;
  if (pos < s.size() && !field(day, day_x, "day")) return std::nullopt;
  const bool has_day = pos > 7;
  if (pos != s.size()) return fail(pos, "there is text after the day");
  if (has_month && !month_x && (month < 1 || month > 12))
    return fail(5, "month " + two(month) + " is not a month (01 to 12)");
  if (x_seen && has_month && !month_x) return fail(5, "a year with unspecified digits takes no month; write " + std::string(s.substr(0, 4)));
  if (month_x && has_day && !day_x) return fail(8, "a day needs its month; write " + std::string(s.substr(0, 7)));
  if (has_day && !day_x && (day < 1 || day > days_in_month(year_lo, month)))
    return fail(8, std::to_string(year_lo) + "-" + two(month) + " has no day " + two(day));
  // The written period.
  const int m_lo = has_month && !month_x ? month : 1, m_hi = has_month && !month_x ? month : 12;
  const int d_lo = has_day && !day_x ? day : 1;
  const int d_hi = has_day && !day_x ? day : days_in_month(year_hi, m_hi);
  sp.first = day_key(year_lo, m_lo, d_lo);
  sp.last = day_key(year_hi, m_hi, d_hi);
  sp.reduced = !has_day || day_x || month_x || x_seen;
  if (sp.uncertain || sp.approximate) {
    // The value may be off by one unit of what is written: a year, a month or a day either side.
    const int y0 = sp.first / 10000, m0 = sp.first / 100 % 100, y1 = sp.last / 10000, m1 = sp.last / 100 % 100;
    if (!has_month || month_x || x_seen) {
      sp.first = day_key(y0 - 1, 1, 1);
      sp.last = day_key(y1 + 1, 12, 31);
    } else if (!has_day || day_x) {
      const int pm = m0 == 1 ? 12 : m0 - 1, py = m0 == 1 ? y0 - 1 : y0;
      const int nm = m1 == 12 ? 1 : m1 + 1, ny = m1 == 12 ? y1 + 1 : y1;
      sp.first = day_key(py, pm, 1);
      sp.last = day_key(ny, nm, days_in_month(ny, nm));
    } else {
      sp.first = civil_key(days_from_civil(y0, m0, day) - 1);
      sp.last = civil_key(days_from_civil(y1, m1, day) + 1);
    }
  }
  return sp;
}

std::optional<Date> parse_impl(std::string_view text, Problem& p) {
  Date d;
  d.text = std::string(text);
  for (char& c : d.text)
    if (c == 'x') c = 'X';
  if (text.empty()) {
    p = {"it is empty", 0};
    return std::nullopt;
  }
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    if (text == "..") {
      p = {"'..' (open) is only meaningful as one side of an interval such as ../2025", 0};
      return std::nullopt;
    }
    auto sp = parse_span(text, 0, p);
    if (!sp) return std::nullopt;
    d.uncertain = sp->uncertain;
    d.approximate = sp->approximate;
    const bool window = sp->uncertain || sp->approximate || (sp->last != sp->first && text.find_first_of("Xx") != std::string_view::npos);
    d.earliest = sp->first;
    // A plain partial date stands for its first day (the format's convention since its first version).
    d.latest = window ? sp->last : sp->first;
    return d;
  }
  if (text.find('/', slash + 1) != std::string_view::npos) {
    p = {"an interval has one '/', and a day is written YYYY-MM-DD", text.find('/', slash + 1)};
    return std::nullopt;
  }
  const std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
  const bool a_open = a.empty() || a == "..", b_open = b.empty() || b == "..";
  if (a_open && b_open) {
    p = {"an interval open at both ends says nothing; leave the field out", 0};
    return std::nullopt;
  }
  d.earliest = kFirstDay;
  d.latest = kLastDay;
  if (!a_open) {
    auto sp = parse_span(a, 0, p);
    if (!sp) return std::nullopt;
    d.earliest = sp->first;
    d.uncertain = sp->uncertain;
    d.approximate = sp->approximate;
  }
  if (!b_open) {
    auto sp = parse_span(b, slash + 1, p);
    if (!sp) return std::nullopt;
    d.latest = sp->last;  // the end of an interval is the last day of its period: `/2025-12` = by 2025-12-31
    d.uncertain = d.uncertain || sp->uncertain;
    d.approximate = d.approximate || sp->approximate;
  }
  if (d.earliest > d.latest) {
    p = {"the interval starts (" + std::string(a) + ") after it ends (" + std::string(b) + "); write the earlier date first",
         0};
    return std::nullopt;
  }
  return d;
}

}  // namespace

std::string day_text(int key) { return key == kFirstDay || key == kLastDay ? std::string() : key_text(key); }

std::string Date::describe() const {
  std::string s;
  if (earliest == latest) s = text;
  else if (earliest == kFirstDay) s = "by " + key_text(latest);
  else if (latest == kLastDay) s = "from " + key_text(earliest) + " on";
  else s = "between " + key_text(earliest) + " and " + key_text(latest);
  if (uncertain && approximate) s += " (uncertain, approximate)";
  else if (uncertain) s += " (uncertain)";
  else if (approximate) s += " (approximate)";
  return s;
}

std::optional<Date> parse_date(std::string_view text, std::string* why, std::size_t* column) {
  Problem p;
  auto d = parse_impl(text, p);
  if (!d) {
    if (why) *why = p.why;
    if (column) *column = std::min(p.at, text.empty() ? std::size_t{0} : text.size() - 1);
  }
  return d;
}

std::string date_error(std::string_view key, std::string_view text) {
  std::string why;
  parse_date(text, &why);
  return "'" + std::string(key) + "' is not a valid date: '" + std::string(text) + "': " + why + "; write " + kDateForms;
}

Holds Validity::at(const std::optional<Date>& as_of) const {
  if (!as_of) return until ? Holds::kNo : Holds::kYes;
  const int d = as_of->key();
  bool sure = true;
  if (from) {
    if (d < from->earliest) return Holds::kNo;
    if (d < from->latest) sure = false;  // the start may be later than d
  }
  if (until) {
    if (d >= until->latest) return Holds::kNo;
    if (d >= until->earliest) sure = false;  // the end may be on or before d
  }
  return sure ? Holds::kYes : Holds::kUncertain;
}

bool Validity::overlaps(const Validity& o) const {
  // [from, until) and [o.from, o.until) may intersect unless one surely ends before the other can start.
  if (until && o.from && until->latest <= o.from->earliest) return false;
  if (o.until && from && o.until->latest <= from->earliest) return false;
  return true;
}

}  // namespace orgchart
