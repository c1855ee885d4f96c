#include "orgchart/model/ids.hpp"

#include <algorithm>

namespace orgchart {

bool valid_id(std::string_view s) {
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (s.empty() || !alnum(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return alnum(c) || c == '-' || c == '_' || c == '.' || c == '@' || c == '+';  // '@' '+': e-mail keys
  });
}

int role_rank(std::string_view role) {
  if (role == "head" || role == "co-head") return 0;
  if (role == "deputy-head") return 1;
  return 2;
}

}  // namespace orgchart
