#include "orgchart/writers/chart_heading.hpp"

#include <algorithm>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/text.hpp"
#include "orgchart/writers/text_metrics.hpp"

namespace orgchart {

std::optional<Date> newest_source_date(const OrgModel& model) {
  std::optional<Date> newest;
  for (const auto& s : model.sources)
    if (s.date && (!newest || before(*newest, *s.date))) newest = s.date;
  return newest;
}

ChartHeading chart_heading(const OrgGraph& g, const std::optional<Date>& as_of) {
  ChartHeading h;
  if (!g.model.title.empty()) h.title = shorten(g.model.title, kChartTextMax);
  if (g.is_diff) return h;
  if (as_of) {
    h.date_line = "as of " + as_of->str();
  } else if (auto newest = newest_source_date(g.model)) {
    h.date_line = "latest: " + newest->str();
  } else {
    h.date_line = "latest state (no source gives a date)";
  }
  return h;
}

double heading_width(const ChartHeading& heading) {
  return std::max(heading.title.empty() ? 0.0 : text_width(heading.title, TextStyle{kTitleFontSize}),
                  heading.date_line.empty() ? 0.0 : text_width(heading.date_line, TextStyle{kDateFontSize}));
}

double heading_height(const ChartHeading& heading) {
  // The title line keeps the 28 points the layout has always kept; the date line adds one 12-point line.
  if (heading.date_line.empty()) return heading.title.empty() ? 0 : 28;
  return heading.title.empty() ? 22 : 44;
}

std::string chart_description(const OrgGraph& g) {
  const auto& m = g.model;
  if (!m.description.empty()) return m.description;
  std::size_t units = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) units += g.graph[v].type == NodeType::kUnit;
  std::string d = "Organization chart of " + std::to_string(units) + " units";
  if (!m.title.empty()) d += ": " + m.title;
  d += ".";
  if (!m.sources.empty()) {
    d += " Sources:";
    for (const auto& s : m.sources) d += " " + s.title + (s.date ? " (" + s.date->str() + ")" : std::string()) + ";";
    d.back() = '.';
  }
  return d;
}

}  // namespace orgchart
