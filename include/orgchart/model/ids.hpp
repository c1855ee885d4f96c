#pragma once
/// The syntax of ids and the order of roles: what every reader checks and every writer sorts by.
#include <string_view>

namespace orgchart {

/// What valid_id accepts, for error messages: "use letters, digits, ...".
inline constexpr const char* kIdRule = "use letters, digits, '-', '_', '.', '@' or '+', starting with a letter or digit";

/// An id of a unit, source, relation kind or role: ASCII letters and digits, '-', '_', '.', and '@' '+' (so that
/// e-mail addresses can be keys), starting with a letter or digit.
bool valid_id(std::string_view s);

/// Where a role sorts among a unit's leaders: heads and co-heads 0, deputy heads 1, every other role 2.
int role_rank(std::string_view role);

}  // namespace orgchart
