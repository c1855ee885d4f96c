#pragma once
// Wikitext as a tree of templates and links, built by an iterative tokenizer and parser (no recursion, bounded
// nesting): what the infobox reader walks. Comments and <ref>s are dropped while tokenizing.
#include <cstddef>
#include <string>
#include <vector>

#include "orgchart/error.hpp"

namespace orgchart::detail {

/// One piece of a template or link argument: text, a nested node, or a line break (`<br>` or a newline).
struct WikiElem {
  enum class Kind { kText, kNode, kBreak, kNewline } kind = Kind::kText;
  std::string text;         ///< kText
  std::size_t node = 0;     ///< kNode: index into WikiTree::nodes
  std::size_t offset = 0;   ///< byte offset in the page
};

using WikiPart = std::vector<WikiElem>;

/// `{{name|part|part}}` or `[[target|text]]`; the root holds the whole page as one part.
struct WikiNode {
  enum class Kind { kRoot, kTemplate, kLink } kind = Kind::kRoot;
  std::vector<WikiPart> parts;  ///< split at `|` of this level; parts[0] is the name or target
  std::size_t offset = 0;
};

struct WikiTree {
  std::vector<WikiNode> nodes;  ///< nodes[0] is the root
  std::vector<Diagnostic> diagnostics;
  std::vector<std::size_t> line_starts;  ///< byte offset of each line, for locations

  SourceLoc loc(const std::string& file, std::size_t offset) const;
};

/// Nesting deeper than this is read as text (with a note), so hostile input cannot exhaust memory or time.
constexpr std::size_t kMaxWikiDepth = 64;

/// Parses a page. Unclosed `{{`/`[[`, stray `}}`/`]]`, unclosed comments and refs are notes; never throws.
WikiTree parse_wikitext(const std::string& text, const std::string& file);

/// The text elements of a part, concatenated, nested nodes left out (template names, link targets, dates).
std::string plain_text(const WikiPart& part);

}  // namespace orgchart::detail
