#pragma once
/// The model as our data format (docs/data-format.md), for `orgchart import`: every field the YAML reader
/// reads, in its documented order, so that reading the output gives the same model (sources, validity,
/// attributes included) and a person can curate it by hand.
#include <ostream>

#include "orgchart/model/org.hpp"

namespace orgchart {

/// Writes `model` as YAML (UTF-8, block style, fields left out when empty). `header` is written first as
/// `#` comment lines (may be empty).
void write_yaml(std::ostream& out, const OrgModel& model, const std::string& header = "");

}  // namespace orgchart
