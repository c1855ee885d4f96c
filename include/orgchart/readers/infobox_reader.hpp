#pragma once
/// Encyclopedia infoboxes in either form: wikitext source (`{{Infobox ...}}`) or the flattened text copy.
#include <string>

#include "orgchart/readers/loader.hpp"

namespace orgchart {

/// True when the text holds an `{{Infobox` template (case ignored): the wikitext reader reads it.
bool is_wikitext_infobox(const std::string& text);

/// Reads one page in whichever form it is; the model cites one Source for the file. Problems are diagnostics;
/// what cannot be mapped is a note. Validation is left to the caller (load_org_file does it).
ReadResult read_infobox_string(const std::string& text, const std::string& file);

}  // namespace orgchart
