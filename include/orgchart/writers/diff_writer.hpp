#pragma once
/// `orgchart diff` as text a person reads, or JSON a program reads.
#include <ostream>
#include <string>

#include "orgchart/model/diff.hpp"

namespace orgchart {

/// What the two states are called in the output, e.g. "2024-06-01" and "2025-12-01", or two file names.
struct DiffLabels {
  std::string before, after;
};

/// Readable text: a heading, then units, roles and relations, one change a line ("+", "-", "~" marks).
/// `before`/`after` give the names behind ids. Says "no changes" when there are none.
void write_diff_text(std::ostream& out, const OrgDiff& d, const OrgModel& before, const OrgModel& after,
                     const DiffLabels& labels);

/// {"before":..., "after":..., "units":[{"change","id","before","after"}], "roles":[...], "relations":[...]}
void write_diff_json(std::ostream& out, const OrgDiff& d, const DiffLabels& labels);

}  // namespace orgchart
