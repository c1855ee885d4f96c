#include "orgchart/writers/number.hpp"

#include <charconv>
#include <cmath>

namespace orgchart {

std::string_view format_number(char (&buf)[kNumberChars], double v, int decimals) {
  if (!std::isfinite(v)) v = 0;
  // std::to_chars never consults the locale, unlike printf.
  auto [p, ec] = std::to_chars(buf, buf + kNumberChars, v, std::chars_format::fixed, decimals);
  std::string_view s(buf, ec == std::errc{} ? static_cast<std::size_t>(p - buf) : 0);
  if (s.find('.') != std::string_view::npos) {
    while (!s.empty() && s.back() == '0') s.remove_suffix(1);
    if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  }
  if (s == "-0" || s.empty()) return "0";
  return s;
}

std::string format_number(double v, int decimals) {
  char buf[kNumberChars];
  return std::string(format_number(buf, v, decimals));
}

}  // namespace orgchart
