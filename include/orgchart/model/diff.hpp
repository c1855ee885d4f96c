#pragma once
/// What changed between two states of an organization (two dates of one file, or two files).
#include <string>
#include <vector>

#include "orgchart/model/org.hpp"

namespace orgchart {

enum class Change { kNone, kAdded, kRemoved, kChanged };

struct UnitDiff {
  enum class Kind { kAdded, kRemoved, kRenamed, kMoved } kind;
  std::string id;
  std::string before, after;  ///< names (added/removed/renamed) or parent ids (moved; empty = root)
};

struct RoleDiff {
  enum class Kind { kTook, kLeft } kind;
  std::string person, unit, role, title;
};

struct RelationDiff {
  enum class Kind { kAdded, kRemoved } kind;
  std::string unit, relation, target, label;
};

struct OrgDiff {
  std::vector<UnitDiff> units;
  std::vector<RoleDiff> roles;
  std::vector<RelationDiff> relations;
  bool empty() const { return units.empty() && roles.empty() && relations.empty(); }
};

/// Compares two states (each already a snapshot: see `snapshot`). Units match by id, roles by
/// (person, unit, role), relations by (unit, kind, target). Results follow `after`'s order, then removals in
/// `before`'s order. O(n log n).
OrgDiff diff_models(const OrgModel& before, const OrgModel& after);

/// One model holding both states, every fact valid (no from/until): what a diff chart draws.
/// Removed units keep their old parent when it still exists; otherwise they become roots.
OrgModel merge_states(const OrgModel& before, const OrgModel& after);

}  // namespace orgchart
