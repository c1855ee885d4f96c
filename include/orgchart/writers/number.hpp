#pragma once
/// Numbers for text formats: C locale, fixed precision, no "-0", trailing zeros trimmed.
#include <string>

namespace orgchart {

std::string format_number(double v, int decimals = 2);

}  // namespace orgchart
