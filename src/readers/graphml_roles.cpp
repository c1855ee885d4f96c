#include "graphml_roles.hpp"

#include "graphml_text.hpp"
#include "orgchart/model/ids.hpp"

namespace orgchart::detail {

std::string role_id_from_title(std::string_view title) {
  std::string id;
  bool gap = false;
  for (char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = true;
      continue;
    }
    if (gap && !id.empty()) id += '-';
    gap = false;
    id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return id.empty() ? "leader" : id;
}

Role make_role(const std::string& unit, const std::string& title, const std::string& role_id, const SourceLoc& loc) {
  Role r;
  r.unit = unit;
  r.role = role_id;
  if (r.display_title() != title) r.title = title;
  r.loc = r.unit_loc = loc;
  return r;
}

std::vector<LeaderEntry> leader_entries(std::string_view leaders, std::vector<std::string>& bad) {
  std::vector<LeaderEntry> entries;
  for (const std::string& piece : split(leaders, "; ")) {
    const auto colon = piece.find(": ");
    if (colon == std::string::npos && !entries.empty()) entries.back().name += "; " + piece;  // "; " in a name
    else if (colon == std::string::npos || colon + 2 == piece.size()) bad.push_back(piece);
    else entries.push_back({piece.substr(0, colon), piece.substr(colon + 2), {}});
  }
  // A title we cannot place ("Director" before "Deputy Head") ranks as high as the entries after it.
  int allowed = 2;
  for (std::size_t i = entries.size(); i-- > 0;) {
    std::string id = role_id_from_title(entries[i].title);
    if (role_rank(id) > allowed) id = allowed == 0 ? "head" : "deputy-head";
    allowed = role_rank(id);
    entries[i].role = std::move(id);
  }
  return entries;
}

}  // namespace orgchart::detail
