#pragma once
/// What changed between two states of an organization (two dates of one file, or two files).
#include <optional>
#include <string>
#include <vector>

#include "orgchart/model/org.hpp"

namespace orgchart {

enum class Change { kNone, kAdded, kRemoved, kChanged };

/// When a change happened, where the data gives an uncertain date for it (empty otherwise).
struct ChangeWindow {
  std::optional<Date> when;  ///< the uncertain `from` (added, took) or `until` (removed, left)
  /// False when the fact may or may not hold at one of the two dates: the change may fall outside them.
  bool certain = true;
};

struct UnitDiff {
  enum class Kind { kAdded, kRemoved, kRenamed, kMoved } kind;
  std::string id;
  std::string before, after;  ///< names (added/removed/renamed) or parent ids (moved; empty = root)
  ChangeWindow window = {};
};

struct RoleDiff {
  enum class Kind { kTook, kLeft } kind;
  std::string person, unit, role, title;
  ChangeWindow window = {};
};

struct RelationDiff {
  enum class Kind { kAdded, kRemoved } kind;
  std::string unit, relation, target, label;
  ChangeWindow window = {};
};

struct OrgDiff {
  std::vector<UnitDiff> units;
  std::vector<RoleDiff> roles;
  std::vector<RelationDiff> relations;
  bool empty() const { return units.empty() && roles.empty() && relations.empty(); }
};

/// Compares two states (each already a snapshot: see `snapshot`). Units match by id, roles by
/// (person, unit, role), relations by (unit, kind, target). Results follow `after`'s order, then removals in
/// `before`'s order. O(n log n). With the two dates the snapshots were taken on, a change dated by an uncertain
/// `from` or `until` whose window meets [before_date, after_date] carries that window, and a fact that may or may
/// not hold at either date (marked `uncertain` by snapshot) is reported as a change that is not certain.
OrgDiff diff_models(const OrgModel& before, const OrgModel& after,
                    const std::optional<Date>& before_date = std::nullopt,
                    const std::optional<Date>& after_date = std::nullopt);

/// One model holding both states, every fact valid (no from/until): what a diff chart draws.
/// Removed units keep their old parent when it still exists; otherwise they become roots.
OrgModel merge_states(const OrgModel& before, const OrgModel& after);

}  // namespace orgchart
