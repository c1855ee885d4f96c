#pragma once
/// The wikitext source of an encyclopedia page: `{{Infobox government agency | name = ... | parent_agency =
/// [[A|B]] ...}}` (or any `{{Infobox ...}}`), with nested templates, links, `<ref>`s, comments, `<br>`,
/// `{{plainlist}}`, `{{ubl}}`, `{{nowrap}}`, bold and italic marks; and the `== Heading ==` sections with
/// `* entry` lists. Read by an iterative tokenizer with bounded nesting: no input makes it recurse or crash.
#include <string>

#include "orgchart/readers/infobox_page.hpp"

namespace orgchart {

/// What the page says; never throws, whatever the bytes. The first infobox is read; a later one is a note.
InfoboxPage parse_wikitext_page(const std::string& text, const std::string& file);

/// parse_wikitext_page, then build_infobox_model.
ReadResult read_wikitext_infobox(const std::string& text, const std::string& file);

}  // namespace orgchart
