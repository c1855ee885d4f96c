#pragma once
/// The flattened form of an encyclopedia infobox, as text copies of a page give it: a `= Title =` line, an
/// `Infobox` line followed by `- Key: value` fields, running text, and `== Heading ==` sections with `- entry`
/// lists (seed 004 is one).
#include <string>

#include "orgchart/readers/infobox_page.hpp"

namespace orgchart {

/// What the page says; never throws, whatever the bytes. `file` names it in locations.
InfoboxPage parse_flat_page(const std::string& text, const std::string& file);

/// parse_flat_page, then build_infobox_model.
ReadResult read_flat_infobox(const std::string& text, const std::string& file);

}  // namespace orgchart
