#pragma once
/// What a drawn chart says above its boxes: the title and, for a chart of one date, which date it shows (the
/// `--as-of` date, or the newest date among its sources when it shows the latest state). Shared by our SVG
/// writer, the Graphviz-drawn layouts and the layout's space reservation, so that all three agree.
#include <optional>
#include <string>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/model/date.hpp"

namespace orgchart {

struct ChartHeading {
  std::string title;      ///< "" when the data gives none (then nothing is drawn for it)
  std::string date_line;  ///< "as of 2024-06-01", "latest: 2025-03 (newest source)", ...; "" for a diff chart
};

/// The heading of `g` drawn as of `as_of` (nullopt: the latest state). A diff chart (g.is_diff) gets no date line:
/// its title and legend already name both dates.
ChartHeading chart_heading(const OrgGraph& g, const std::optional<Date>& as_of);

/// The newest date among the model's sources, or nullopt when none is dated.
std::optional<Date> newest_source_date(const OrgModel& model);

/// Font sizes and baselines (points below the top margin) of the heading's two lines.
inline constexpr double kTitleFontSize = 16;
inline constexpr double kDateFontSize = 12;
inline constexpr double kTitleBaseline = 16.8;
inline constexpr double kDateBaseline = 34;

/// Space the layout keeps above the drawing for the heading (points): 0, one line, or two.
double heading_height(const ChartHeading& heading);

/// The width of the heading's wider line (points): the drawing is made at least this wide so the heading,
/// centred over it, is never cut at the chart's edges.
double heading_width(const ChartHeading& heading);

/// The accessible description of a chart: the model's description, or a sentence naming the units and sources.
std::string chart_description(const OrgGraph& g);

}  // namespace orgchart
