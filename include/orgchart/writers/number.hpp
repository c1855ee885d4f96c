#pragma once
/// Numbers for text formats: C locale, fixed precision, no "-0", trailing zeros trimmed.
#include <string>
#include <string_view>

namespace orgchart {

std::string format_number(double v, int decimals = 2);

/// Room for any format_number text.
inline constexpr std::size_t kNumberChars = 64;
/// format_number written into `buf`, for writers that write a million numbers: the text, inside `buf`.
std::string_view format_number(char (&buf)[kNumberChars], double v, int decimals = 2);

}  // namespace orgchart
