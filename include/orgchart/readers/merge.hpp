#pragma once
/// Several models (one per imported file) into one graph: the same body named differently across files becomes
/// one unit. Identity comes from normalised names (normalize_name), other names and abbreviations, and an alias
/// table for what cannot be inferred. Each merge is reported as a note naming both files and lines.
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/readers/loader.hpp"

namespace orgchart {

/// Names that denote one body, for what normalisation cannot infer (a renamed body, a short form).
struct AliasSet {
  std::vector<std::string> names;  ///< the canonical name first
  SourceLoc loc;
};

struct AliasTable {
  std::vector<AliasSet> sets;
};

/// The --aliases format: one line per body, `canonical name = other name = other name`; `#` starts a comment
/// line; blank lines are skipped. A file ending in .yaml/.yml is YAML instead: a list of lists of names, or a
/// map from the canonical name to a list of other names. Throws ParseError naming file:line:col.
AliasTable parse_aliases(const std::string& text, const std::string& file);
/// Reads `path` with parse_aliases; a missing file is a ParseError.
AliasTable read_aliases_file(const std::string& path);

/// One graph from `models`, in order; ids of the first model are kept, later clashes get `-2`, `-3`, ...
/// Two units are one when one's name, other name or abbreviation equals (normalised) one of the other's, when
/// the alias table lists both, and, for short generic names ("General Office"), only under the same parent.
/// Units within one model merge only through the alias table. People merge by name, relations by
/// (unit, kind, target). Deterministic; hash maps keyed by normalised name, no comparison of all pairs.
ReadResult merge_models(const std::vector<OrgModel>& models, const AliasTable& aliases = {});

}  // namespace orgchart
