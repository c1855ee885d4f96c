#include "orgchart/writers/number.hpp"

#include <charconv>
#include <cmath>

namespace orgchart {

std::string format_number(double v, int decimals) {
  if (!std::isfinite(v)) v = 0;
  // std::to_chars never consults the locale, unlike printf.
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, ec == std::errc{} ? p : buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0" || s.empty()) return "0";
  return s;
}

}  // namespace orgchart
