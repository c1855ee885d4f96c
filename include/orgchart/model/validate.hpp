#pragma once
/// Checks a model for what the reader cannot see alone: references, cycles, time ranges, sources.
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart {

/// Every problem in the model: errors (duplicate or unknown ids, hierarchy cycles, unknown kinds, empty names,
/// bad time ranges, overlapping heads), warnings (facts citing no source) and notes (units without a parent).
/// Runs in O(n log n) in the size of the model; never recurses on hierarchy depth.
std::vector<Diagnostic> validate(const OrgModel& model);

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo; else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace orgchart
