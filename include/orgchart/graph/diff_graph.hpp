#pragma once
/// The graph of a diff chart: both states in one drawing, with what was added, removed or changed marked.
#include "orgchart/graph/org_graph.hpp"
#include "orgchart/model/diff.hpp"

namespace orgchart {

/// Builds the merged graph of `before` and `after` (both snapshots) and marks every change of `diff_models`.
OrgGraph build_diff_graph(const OrgModel& before, const OrgModel& after, const GraphOptions& options = {});

}  // namespace orgchart
