#pragma once
/// What an encyclopedia page says about one body, whatever form it came in (the flattened "- Key: value"
/// copy or the wikitext source): the page title, the infobox fields and the bulleted lists under headings.
/// Both infobox readers fill an InfoboxPage; build_infobox_model turns it into the model.
#include <string>
#include <string_view>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/readers/loader.hpp"

namespace orgchart {

/// One entry of a field or list: display text, and the page it links to (wikitext `[[target|text]]`), if any.
struct InfoboxItem {
  std::string text, link;
  SourceLoc loc;
};

/// One infobox field: its key as written (`Minister1 Name`, `minister1_name`) and its entries.
struct InfoboxField {
  std::string key;
  std::vector<InfoboxItem> items;
  SourceLoc loc;
};

/// A heading (`=== Internal organization ===`) and what is under it until the next heading.
struct InfoboxSection {
  std::string heading, parent_heading;  ///< parent_heading: the enclosing higher-level heading, if any
  int level = 2;                        ///< number of `=` signs
  SourceLoc loc;
  std::vector<InfoboxItem> items;       ///< bulleted entries
  int prose_lines = 0;                  ///< lines of running text (not imported)
};

struct InfoboxPage {
  std::string file;
  std::string title;  ///< page title: `= Title =` or a `title:` header; "" when the page has none
  SourceLoc title_loc;
  std::string template_name;  ///< `government agency`, `organization`, ... (empty for the flattened form)
  SourceLoc infobox_loc;
  std::vector<InfoboxField> fields;
  std::vector<InfoboxSection> sections;
  std::vector<Diagnostic> diagnostics;  ///< problems the reader met (unclosed templates, ...)
};

/// `== Heading ==` -> 2 and "Heading" (surrounding whitespace ignored); 0 when the line is not a heading.
int heading_level(std::string_view line, std::string& heading);

/// Appends a section for `heading` to `page`, under the nearest earlier heading of a higher level; returns it.
InfoboxSection& open_section(InfoboxPage& page, std::string heading, int level, SourceLoc loc);

/// The model one page describes (named by the infobox's name field, else the page title, else the file name): the page's body, its parent(s), children, listed units and leaders, each
/// record citing one Source for the file and carrying the line it came from. Fields and lists that cannot be
/// mapped become notes (`file:line:col: note: ...`), never silently dropped.
ReadResult build_infobox_model(const InfoboxPage& page);

}  // namespace orgchart
