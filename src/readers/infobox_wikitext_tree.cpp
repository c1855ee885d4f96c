#include "infobox_wikitext_tree.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace orgchart::detail {

namespace {

bool istarts(std::string_view s, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > s.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) return false;
  return true;
}

std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from) {
  for (std::size_t at = from; at + needle.size() <= s.size(); ++at)
    if (istarts(s, at, needle)) return at;
  return std::string_view::npos;
}

/// `c` in s[from, from + limit): tags are short, and an unbounded search per '<' would make a line of
/// '<' characters quadratic.
std::size_t find_near(std::string_view s, char c, std::size_t from, std::size_t limit) {
  const std::size_t stop = std::min(s.size(), from + limit);
  for (std::size_t k = from; k < stop; ++k)
    if (s[k] == c) return k;
  return std::string_view::npos;
}

class Parser {
 public:
  Parser(const std::string& text, const std::string& file) : s_(text), file_(file) {}

  WikiTree run() {
    t_.line_starts.push_back(0);
    for (std::size_t i = 0; i < s_.size(); ++i)
      if (s_[i] == '\n') t_.line_starts.push_back(i + 1);
    t_.nodes.push_back({WikiNode::Kind::kRoot, {WikiPart{}}, 0});
    stack_.push_back(0);
    std::size_t i = 0;
    while (i < s_.size()) i = step(i);
    flush_text();
    // Unclosed nodes: report, then keep what they hold as part of their parent.
    while (stack_.size() > 1) {
      const WikiNode& n = t_.nodes[stack_.back()];
      note(n.offset, std::string("'") + (n.kind == WikiNode::Kind::kTemplate ? "{{" : "[[") +
                         "' is never closed: add '" + (n.kind == WikiNode::Kind::kTemplate ? "}}" : "]]") + "'");
      close_top();
    }
    return std::move(t_);
  }

 private:
  void note(std::size_t offset, std::string msg) {
    // Hostile input can hold a million stray braces: report the first ones and count the rest.
    if (++notes_ > kMaxNotes) return;
    if (notes_ == kMaxNotes) msg = "more problems with the markup from here on are not reported (the first is: " + msg + ")";
    t_.diagnostics.push_back({Severity::kNote, t_.loc(file_, offset), std::move(msg), {}});
  }
  static constexpr int kMaxNotes = 50;
  int notes_ = 0;

  WikiPart& part() { return t_.nodes[stack_.back()].parts.back(); }

  void text(char c, std::size_t at) {
    if (pending_.empty()) pending_at_ = at;
    pending_ += c;
  }

  void flush_text() {
    if (pending_.empty()) return;
    part().push_back({WikiElem::Kind::kText, std::move(pending_), 0, pending_at_});
    pending_.clear();
  }

  void elem(WikiElem::Kind k, std::size_t at) {
    flush_text();
    part().push_back({k, "", 0, at});
  }

  void open(WikiNode::Kind k, std::size_t at) {
    flush_text();
    t_.nodes.push_back({k, {WikiPart{}}, at});
    stack_.push_back(t_.nodes.size() - 1);
  }

  void close_top() {
    flush_text();
    const std::size_t n = stack_.back();
    stack_.pop_back();
    part().push_back({WikiElem::Kind::kNode, "", n, t_.nodes[n].offset});
  }

  /// Handles what starts at `i`; returns where the next token starts.
  std::size_t step(std::size_t i) {
    const char c = s_[i];
    const std::string_view rest(s_.data() + i, s_.size() - i);
    const bool at_root = stack_.size() == 1;
    if (c == '<') {
      if (rest.starts_with("<!--")) {
        const auto end = s_.find("-->", i + 4);
        if (end == std::string::npos) {
          note(i, "'<!--' is never closed: the rest of the file is a comment");
          return s_.size();
        }
        return end + 3;
      }
      if (istarts(s_, i, "<ref") && i + 4 < s_.size() && (s_[i + 4] == ' ' || s_[i + 4] == '>' || s_[i + 4] == '/')) {
        const auto close = find_near(s_, '>', i, 1024);
        if (close == std::string::npos) {
          note(i, "'<ref' is never closed: add '>'");
          return s_.size();
        }
        if (s_[close - 1] == '/') return close + 1;  // <ref name=x/>
        const auto end = ifind(s_, "</ref>", close);
        if (end == std::string::npos) {
          note(i, "'<ref>' is never closed: add '</ref>'");
          return s_.size();
        }
        return end + 6;
      }
      if (istarts(s_, i, "<nowiki>")) {
        const auto end = ifind(s_, "</nowiki>", i + 8);
        const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
        for (std::size_t k = i + 8; k < stop; ++k) text(s_[k], k);
        return end == std::string_view::npos ? s_.size() : end + 9;
      }
      if (istarts(s_, i, "<br")) {
        const auto close = find_near(s_, '>', i, 8);
        if (close != std::string::npos) {
          elem(WikiElem::Kind::kBreak, i);
          return close + 1;
        }
      }
      // Any other tag (<small>, </span>, <sup>...) only formats: dropped, its content kept.
      std::size_t k = i + 1 + (i + 1 < s_.size() && s_[i + 1] == '/');
      if (k < s_.size() && std::isalpha(static_cast<unsigned char>(s_[k]))) {
        const auto close = find_near(s_, '>', k, 256);
        const auto nl = find_near(s_, '\n', k, 256);
        if (close != std::string::npos && (nl == std::string::npos || close < nl)) return close + 1;
      }
    }
    if (rest.starts_with("{{") || rest.starts_with("[[")) {
      if (stack_.size() > kMaxWikiDepth) {
        if (!deep_noted_) note(i, "nesting deeper than " + std::to_string(kMaxWikiDepth) + " levels: read as text");
        deep_noted_ = true;
        text(c, i);
        text(c, i + 1);
        return i + 2;
      }
      open(c == '{' ? WikiNode::Kind::kTemplate : WikiNode::Kind::kLink, i);
      return i + 2;
    }
    if (rest.starts_with("}}") || rest.starts_with("]]")) {
      const auto want = c == '}' ? WikiNode::Kind::kTemplate : WikiNode::Kind::kLink;
      // A link left open inside a template ends with the template.
      if (want == WikiNode::Kind::kTemplate && !at_root && t_.nodes[stack_.back()].kind == WikiNode::Kind::kLink &&
          std::any_of(stack_.begin() + 1, stack_.end(), [&](std::size_t n) { return t_.nodes[n].kind == want; })) {
        note(t_.nodes[stack_.back()].offset, "'[[' is never closed: add ']]'");
        close_top();
      }
      if (!at_root && t_.nodes[stack_.back()].kind == want) {
        close_top();
      } else {
        note(i, std::string("stray '") + c + c + "' with nothing to close: read as text");
        text(c, i);
        text(c, i + 1);
      }
      return i + 2;
    }
    if (c == '|' && !at_root) {
      flush_text();
      t_.nodes[stack_.back()].parts.emplace_back();
      return i + 1;
    }
    if (c == '\n') {
      elem(WikiElem::Kind::kNewline, i);
      return i + 1;
    }
    if (c == '\'' && rest.starts_with("''")) {  // ''italic'' and '''bold''' marks
      std::size_t k = i;
      while (k < s_.size() && s_[k] == '\'') ++k;
      return k;
    }
    text(c, i);
    return i + 1;
  }

  const std::string& s_;
  const std::string& file_;
  WikiTree t_;
  std::vector<std::size_t> stack_;
  std::string pending_;
  std::size_t pending_at_ = 0;
  bool deep_noted_ = false;
};

}  // namespace

SourceLoc WikiTree::loc(const std::string& file, std::size_t offset) const {
  const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
  return {file, static_cast<int>(line), static_cast<int>(offset - line_starts[line - 1] + 1)};
}

WikiTree parse_wikitext(const std::string& text, const std::string& file) { return Parser(text, file).run(); }

std::string plain_text(const WikiPart& part) {
  std::string out;
  for (const auto& e : part)
    if (e.kind == WikiElem::Kind::kText) out += e.text;
    else if (e.kind != WikiElem::Kind::kNode) out += ' ';
  return out;
}

}  // namespace orgchart::detail
