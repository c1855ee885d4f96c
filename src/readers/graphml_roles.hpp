#pragma once
// Roles as GraphML carries them (internal to the GraphML reader): a role edge's displayed title, or a unit's
// `leaders` written inline ("Head: A; Deputy Head: B"), back to the model's role ids.
#include <string>
#include <string_view>
#include <vector>

#include "orgchart/model/org.hpp"

namespace orgchart::detail {

/// Role ids from displayed titles: "Head" -> head, "Deputy Head" -> deputy-head, "部长" -> leader.
std::string role_id_from_title(std::string_view title);

/// A role of `unit` shown as `title`: the title is kept only where the role id would not display as it.
Role make_role(const std::string& unit, const std::string& title, const std::string& role_id, const SourceLoc& loc);

/// One "Title: Name" of a unit's `leaders`.
struct LeaderEntry {
  std::string title, name;
  std::string role;  ///< the role id, ranked so that build_graph's order (head, deputy, rest) keeps the written one
};

/// The entries of `leaders` ("Head: A; Deputy Head: B"); a piece with no title or no name goes to `bad` (a piece
/// without ": " after a good one is the rest of that name: "; " in a name).
std::vector<LeaderEntry> leader_entries(std::string_view leaders, std::vector<std::string>& bad);

}  // namespace orgchart::detail
