#pragma once
/// Names as the infobox readers and the merge see them: ids from names, the normalised form two spellings of
/// one body share, the kind a name or heading implies, and a rank written before a person's name.
#include <string>
#include <string_view>

#include "orgchart/readers/whitespace.hpp"  // collapse_space

namespace orgchart {

/// A lower-case ASCII id from a name: "First Asia Bureau (First Bureau)" -> "first-asia-bureau-first-bureau".
/// Letters and digits are kept, everything else becomes one `-`; "" when nothing is left.
std::string slug(std::string_view name);

/// The form two spellings of one body share: case and punctuation folded, apostrophes dropped, the articles
/// "the", "a", "an" left out, and "X of Y" read as "Y X" ("Central Committee of the Chinese Communist Party"
/// and "Chinese Communist Party Central Committee" -> "chinese communist party central committee").
std::string normalize_name(std::string_view name);

/// The unit kind a name or a heading states ("... Bureau" -> bureau, "Directly affiliated institutions" ->
/// institution, "Department directly reporting to ..." -> department), or "" when it states none.
std::string kind_from_words(std::string_view text);

/// A rank or office written before a name: "Commissioner General Chen Yixin" -> {"Commissioner General",
/// "Chen Yixin"}. {"", text} when no known rank word leads or fewer than two words would be left for the name.
struct RankedName {
  std::string title, name;
};
RankedName split_rank(std::string_view text);

}  // namespace orgchart
