#include "orgchart/readers/infobox_wikitext.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "infobox_wikitext_tree.hpp"
#include "orgchart/readers/infobox_names.hpp"

namespace orgchart {

namespace {

using detail::plain_text;
using detail::WikiElem;
using detail::WikiNode;
using detail::WikiPart;
using detail::WikiTree;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// A template's name as matched below: lower case, `_` as space, no `Template:` prefix.
std::string template_name(const WikiNode& n) {
  std::string name = lower(collapse_space(plain_text(n.parts[0])));
  std::replace(name.begin(), name.end(), '_', ' ');
  if (name.rfind("template:", 0) == 0) name = collapse_space(name.substr(9));
  return name;
}

bool in(const std::string& s, std::initializer_list<const char*> list) {
  return std::any_of(list.begin(), list.end(), [&](const char* x) { return s == x; });
}

/// `key = value` in a part: the position of `=` in its leading text, when what precedes it is a plain name.
std::optional<std::pair<std::size_t, std::size_t>> named_argument(const WikiPart& part) {
  for (std::size_t e = 0; e < part.size(); ++e) {
    if (part[e].kind == WikiElem::Kind::kNode) return std::nullopt;
    if (part[e].kind != WikiElem::Kind::kText) continue;
    const auto eq = part[e].text.find('=');
    if (eq != std::string::npos) return std::pair{e, eq};
  }
  return std::nullopt;
}

// Templates that carry citations or editors' marks, not facts of the chart: left out without a note.
bool is_citation(const std::string& name) {
  return name.rfind("cite", 0) == 0 || name.rfind("citation", 0) == 0 ||
         in(name, {"sfn", "sfnp", "efn", "refn", "r", "rp", "cn", "ref", "reflist", "notetag", "better source needed",
                   "failed verification", "when", "clarify", "dubious", "update", "as of", "flagicon", "increase",
                   "decrease", "steady", "nbsp", "snd", "spaced ndash", "·", "dot", "wbr", "short description"});
}

/// Renders wikitext into the entries of a field or a list line, iteratively (an explicit stack of frames).
class Renderer {
 public:
  Renderer(const WikiTree& t, const std::string& file, std::vector<Diagnostic>& diags, std::string where)
      : t_(t), file_(file), diags_(diags), where_(std::move(where)) {}

  std::vector<InfoboxItem> items(const WikiPart& part) {
    struct Frame {
      const WikiPart* part;
      std::size_t i;
      bool separate_after;
    };
    std::vector<Frame> stack{{&part, 0, false}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.i == f.part->size()) {
        const bool sep = f.separate_after;
        stack.pop_back();
        if (sep) flush();
        continue;
      }
      const WikiElem& e = (*f.part)[f.i++];
      if (e.kind == WikiElem::Kind::kText) append(e.text, e.offset);
      if (e.kind == WikiElem::Kind::kBreak || e.kind == WikiElem::Kind::kNewline) flush();
      if (e.kind != WikiElem::Kind::kNode) continue;
      const WikiNode& n = t_.nodes[e.node];
      if (n.kind == WikiNode::Kind::kLink) {
        std::string target = collapse_space(plain_text(n.parts[0]));
        if (!target.empty() && target[0] == ':') target.erase(0, 1);
        const std::string lt = lower(target);
        if (lt.rfind("file:", 0) == 0 || lt.rfind("image:", 0) == 0 || lt.rfind("category:", 0) == 0 ||
            lt.rfind("media:", 0) == 0)
          continue;
        if (const auto hash = target.find('#'); hash != std::string::npos) target.erase(hash);
        if (cur_.empty()) link_ = target;
        stack.push_back({&n.parts.back(), 0, false});
        continue;
      }
      const std::string name = template_name(n);
      if (is_citation(name) || name.empty()) continue;
      if (in(name, {"plainlist", "plain list", "ubl", "unbulleted list", "ublist", "flatlist", "flat list", "hlist",
                    "bulleted list", "bulletedlist", "blist", "collapsible list", "ordered list", "unordered list",
                    "plainlist/start", "endplainlist"})) {
        flush();
        for (std::size_t p = n.parts.size(); p-- > 1;)
          if (!named_argument(n.parts[p]) || name == "plainlist" || name == "flatlist")
            stack.push_back({&n.parts[p], 0, true});
        continue;
      }
      const std::size_t last = n.parts.size() - 1;
      std::size_t pick = 0;
      if (in(name, {"nowrap", "nobr", "small", "big", "nobold", "noitalic", "resize", "smaller", "larger", "midsize",
                    "abbr", "lang-zh", "ill", "interlanguage link", "flag", "flagcountry", "plain link", "nowrap begin",
                    "official website", "official url", "sic", "nobreak", "no wrap", "zh", "lang-ru"}) ||
          name.rfind("lang-", 0) == 0)
        pick = 1;
      else if (in(name, {"lang", "native name", "nativename", "native phrase"}))
        pick = 2;
      else if (in(name, {"url", "URL"}))
        pick = last >= 2 ? 2 : 1;
      else if (in(name, {"transl", "transliteration"}))
        pick = last;
      if (pick > 0) {
        if (pick <= last) stack.push_back({&n.parts[pick], 0, false});
        continue;
      }
      if (name.find("date") != std::string::npos || name == "founded" || name == "start") {
        append(date_of(n), e.offset);
        continue;
      }
      diags_.push_back({Severity::kNote, t_.loc(file_, n.offset),
                        "template '{{" + collapse_space(plain_text(n.parts[0])) + "}}'" + where_ +
                            " is not understood: left out",
                        {}});
    }
    flush();
    return std::move(out_);
  }

 private:
  static std::string date_of(const WikiNode& n) {
    std::string out;
    for (std::size_t p = 1, taken = 0; p < n.parts.size() && taken < 3; ++p) {
      if (named_argument(n.parts[p])) continue;  // df=yes, mf=y
      ++taken;
      const std::string v = collapse_space(plain_text(n.parts[p]));
      if (v.empty() || !std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); })) break;
      out += (out.empty() ? "" : "-") + (v.size() == 1 ? "0" + v : v);
    }
    return out;
  }

  void append(const std::string& text, std::size_t offset) {
    if (cur_.empty()) {
      const auto first = text.find_first_not_of(" \t\r*#:;");
      if (first == std::string::npos) return;  // only spaces and bullet marks so far
      cur_at_ = offset + first;
      cur_ = text.substr(first);
      return;
    }
    cur_ += text;
  }

  void flush() {
    std::string t = collapse_space(cur_);
    while (!t.empty() && (t.back() == ',' || t.back() == ';')) t.pop_back();
    if (!collapse_space(t).empty()) out_.push_back({collapse_space(t), link_, t_.loc(file_, cur_at_)});
    cur_.clear();
    link_.clear();
  }

  const WikiTree& t_;
  const std::string& file_;
  std::vector<Diagnostic>& diags_;
  std::string where_;
  std::string cur_, link_;
  std::size_t cur_at_ = 0;
  std::vector<InfoboxItem> out_;
};

void read_infobox(const WikiTree& t, const WikiNode& box, InfoboxPage& page) {
  page.infobox_loc = t.loc(page.file, box.offset);
  page.template_name = collapse_space(template_name(box).substr(7));
  for (std::size_t p = 1; p < box.parts.size(); ++p) {
    const WikiPart& part = box.parts[p];
    const auto arg = named_argument(part);
    if (!arg) {
      if (!collapse_space(plain_text(part)).empty() || part.size() > 1)
        page.diagnostics.push_back({Severity::kNote, t.loc(page.file, part.empty() ? box.offset : part[0].offset),
                                    "infobox argument " + std::to_string(p) + " has no 'name =': not imported", {}});
      continue;
    }
    InfoboxField f;
    const auto [e, eq] = *arg;
    std::string key;
    for (std::size_t k = 0; k < e; ++k) key += part[k].text;
    key += part[e].text.substr(0, eq);
    f.key = collapse_space(key);
    const std::size_t key_at = part[0].offset + part[0].text.find_first_not_of(" \t\n");
    f.loc = t.loc(page.file, part[0].kind == WikiElem::Kind::kText ? key_at : part[0].offset);
    WikiPart value(part.begin() + static_cast<std::ptrdiff_t>(e), part.end());
    value[0].text.erase(0, eq + 1);
    value[0].offset += eq + 1;
    Renderer r(t, page.file, page.diagnostics, " in field '" + f.key + "'");
    f.items = r.items(value);
    page.fields.push_back(std::move(f));
  }
}

}  // namespace

InfoboxPage parse_wikitext_page(const std::string& text, const std::string& file) {
  InfoboxPage page;
  page.file = file;
  const WikiTree t = detail::parse_wikitext(text, file);
  page.diagnostics = t.diagnostics;
  const WikiPart& root = t.nodes[0].parts[0];
  bool have_box = false;
  InfoboxSection* section = nullptr;
  auto open_section = [&](std::string heading, int level, SourceLoc loc) {
    section = &orgchart::open_section(page, std::move(heading), level, std::move(loc));
  };
  // The page line by line: headings, bulleted entries, running text; templates on their own are the infobox or
  // page furniture ({{Short description}}, {{Use dmy dates}}).
  std::size_t i = 0;
  while (i < root.size()) {
    std::size_t end = i;
    while (end < root.size() && root[end].kind != WikiElem::Kind::kNewline) ++end;
    const WikiPart line(root.begin() + static_cast<std::ptrdiff_t>(i), root.begin() + static_cast<std::ptrdiff_t>(end));
    i = end + 1;
    if (line.empty()) continue;
    for (const auto& e : line) {
      if (e.kind != WikiElem::Kind::kNode || t.nodes[e.node].kind != WikiNode::Kind::kTemplate) continue;
      if (template_name(t.nodes[e.node]).rfind("infobox", 0) != 0) continue;
      if (!have_box) read_infobox(t, t.nodes[e.node], page);
      else
        page.diagnostics.push_back({Severity::kNote, t.loc(file, e.offset),
                                    "a second infobox on the page: not imported (one infobox per file)", {}});
      have_box = true;
    }
    const std::string plain = collapse_space(plain_text(line));
    if (plain.empty()) continue;
    const SourceLoc at = t.loc(file, line[0].offset);
    std::string heading;
    const int level = plain[0] == '=' ? heading_level(plain, heading) : 0;
    if (level == 1 && page.title.empty() && page.sections.empty()) {
      page.title = heading;
      page.title_loc = at;
      continue;
    }
    if (page.title.empty() && page.sections.empty() && lower(plain.substr(0, 6)) == "title:") {
      page.title = collapse_space(plain.substr(6));
      page.title_loc = at;
      continue;
    }
    if (level > 0) {
      open_section(heading, level, at);
      continue;
    }
    if (!section) open_section("", 1, at);
    if (plain[0] == '*' || plain[0] == '#') {
      Renderer r(t, file, page.diagnostics, section->heading.empty() ? "" : " under '" + section->heading + "'");
      for (auto& item : r.items(line)) section->items.push_back(std::move(item));
      continue;
    }
    ++section->prose_lines;
  }
  return page;
}

ReadResult read_wikitext_infobox(const std::string& text, const std::string& file) {
  return build_infobox_model(parse_wikitext_page(text, file));
}

}  // namespace orgchart
