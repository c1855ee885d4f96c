#pragma once
// The values of infobox fields as the model builder reads them: numbered keys, "Name (Other name)", glued
// "X / Y" entries, "A, B" parents, dates written in running text.
#include <optional>
#include <string>
#include <vector>

#include "orgchart/model/date.hpp"

namespace orgchart::detail {

/// `Minister1 Name`, `minister1_name` -> {"ministername", 1}; `leader_title` -> {"leadertitle", 0}.
struct FieldKey {
  std::string base;
  int index = 0;
};
FieldKey field_key(const std::string& key);

/// A trailing "(...)" of a list entry: an abbreviation ("(ILD)") or another name ("(First Bureau)", "(办公厅)").
struct NamedEntry {
  std::string name, alias, abbreviation;
};
NamedEntry split_parenthetical(const std::string& text);

/// Splits "X / Y" (an entry glued from two) into its parts; one part when there is no " / ".
std::vector<std::string> split_glued(const std::string& text);

/// "A, B" in a parent field: two bodies when every part starts with a capital and is more than one word.
std::vector<std::string> split_bodies(const std::string& text);

/// The first date (YYYY, YYYY-MM or YYYY-MM-DD) written in `text`.
std::optional<Date> find_date(const std::string& text);

}  // namespace orgchart::detail
