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

void append_utf8(std::string& out, unsigned long c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// HTML character references as MediaWiki shows them: `&amp;` `&nbsp;` `&ndash;` `&#8211;` `&#x2013;` ... (pages
/// write "Science &amp; Technology" and "10&nbsp;km"). A reference to a control character, a surrogate or past
/// U+10FFFF, and names not listed, stay as written.
std::string decode_entities(const std::string& s) {
  if (s.find('&') == std::string::npos) return s;
  static const std::pair<const char*, unsigned long> kNamed[] = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", 0xA0},    {"ndash", 0x2013},  {"mdash", 0x2014}, {"thinsp", 0x2009}, {"ensp", 0x2002},
      {"emsp", 0x2003},  {"hellip", 0x2026}, {"middot", 0xB7},  {"bull", 0x2022},  {"minus", 0x2212},
      {"times", 0xD7},   {"lrm", 0x200E},    {"rlm", 0x200F},   {"zwnj", 0x200C},  {"zwj", 0x200D},
      {"shy", 0xAD},     {"laquo", 0xAB},    {"raquo", 0xBB},   {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"eacute", 0xE9},  {"copy", 0xA9},    {"deg", 0xB0}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t semi = s[i] == '&' ? s.find(';', i + 1) : std::string::npos;
    if (semi == std::string::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string name = s.substr(i + 1, semi - i - 1);
    unsigned long c = 0;
    bool ok = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits = name.substr(hex ? 2 : 1);
      ok = !digits.empty() && digits.size() <= 7 &&
           std::all_of(digits.begin(), digits.end(), [&](char d) { return hex ? std::isxdigit(static_cast<unsigned char>(d)) : std::isdigit(static_cast<unsigned char>(d)); });
      if (ok) c = std::stoul(digits, nullptr, hex ? 16 : 10);
      ok = ok && (c == '\t' || c == '\n' || c >= 0x20) && c != 0x7F && !(c >= 0x80 && c < 0xA0) &&
           !(c >= 0xD800 && c <= 0xDFFF) && c <= 0x10FFFF;
    } else {
      for (const auto& [n, v] : kNamed)
        if (name == n) {
          c = v;
          ok = true;
        }
    }
    if (!ok) {
      out += s[i];
      continue;
    }
    if (c != 0xAD) append_utf8(out, c);  // a soft hyphen only marks where a word may break
    i = semi;
  }
  return out;
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
    std::string t = collapse_space(decode_entities(cur_));
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
