// From what a page says (InfoboxPage) to the model: units, leaders and relations, each citing the page.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "orgchart/readers/infobox_names.hpp"
#include "orgchart/readers/infobox_page.hpp"
#include "infobox_values.hpp"

namespace orgchart {

namespace {

using namespace detail;

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }

std::string where(const SourceLoc& l) { return l.file + ":" + std::to_string(l.line); }

const char* const kSkippedSections[] = {"see also", "references", "notes", "external links", "further reading",
                                        "bibliography", "sources", "citations", "footnotes", "gallery", "works cited"};
const char* const kOrganizationWords[] = {"organi", "structure", "internal", "affiliat", "subsidiar", "subordinate",
                                          "department", "division", "bureau", "agenc", "office", "institution",
                                          "enterprise", "component", "directorate", "branch", "units", "composition"};

class Builder {
 public:
  explicit Builder(const InfoboxPage& page) : page_(page) {}

  ReadResult run() {
    r_.diagnostics = page_.diagnostics;
    r_.model.files.push_back(page_.file);
    if (page_.fields.empty()) {
      r_.diagnostics.push_back({Severity::kError, {page_.file, 1, 1},
                                "no infobox found: expected '{{Infobox ...}}' (wikitext) or an 'Infobox' line followed "
                                "by '- Key: value' fields (flattened form)",
                                {}});
      return std::move(r_);
    }
    for (const auto& f : page_.fields) fields_[field_key(f.key).base].push_back(&f);
    Source s;
    const std::string stem = std::filesystem::path(page_.file).stem().string();
    s.id = slug(stem).empty() ? "page" : slug(stem);
    s.title = page_.title;
    if (s.title.empty())
      if (const auto* f = field({"agencyname", "name", "organizationname", "officialname", "organisationname"}); f && !f->items.empty())
        s.title = f->items.front().text;
    if (s.title.empty()) s.title = stem;
    s.file = page_.file;
    s.loc = {page_.file, 1, 1};
    source_ = s.id;
    r_.model.sources.push_back(s);
    r_.model.title = s.title;
    main_unit();
    parents();
    children();
    people();
    other_fields();
    sections();
    // In page order, as a reader of the page meets them.
    std::stable_sort(r_.diagnostics.begin(), r_.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
    });
    return std::move(r_);
  }

 private:
  void note(const SourceLoc& l, std::string msg) { r_.diagnostics.push_back({Severity::kNote, l, std::move(msg), {}}); }

  const InfoboxField* field(std::initializer_list<const char*> names) {
    for (const char* n : names) {
      auto it = fields_.find(n);
      if (it != fields_.end()) {
        used_.insert(it->second.front());
        return it->second.front();
      }
    }
    return nullptr;
  }

  std::string text_of(const InfoboxField& f) {
    std::string s;
    for (const auto& i : f.items) s += (s.empty() ? "" : ", ") + i.text;
    return s;
  }

  std::string new_id(const std::string& name) {
    std::string base = slug(name);
    if (base.empty()) base = "unit";  // names in other scripts (CJK, Cyrillic) all share this base
    if (ids_.insert(base).second) return base;
    // Each base remembers its next suffix: a page of N such names costs N tries, not N squared.
    int& n = next_suffix_.try_emplace(base, 2).first->second;
    std::string id;
    do id = base + "-" + std::to_string(n++);
    while (!ids_.insert(id).second);
    return id;
  }

  /// The unit a name denotes on this page: an existing one with the same normalised name, or a new one.
  std::size_t unit_for(const InfoboxItem& item, const std::string& group, const std::string& kind_hint) {
    NamedEntry e = split_parenthetical(collapse_space(item.text));
    std::vector<std::string> names{e.name};
    if (!e.alias.empty()) names.push_back(e.alias);
    if (!item.link.empty() && normalize_name(item.link) != normalize_name(e.name)) names.push_back(item.link);
    for (const auto& n : names) {
      auto it = by_name_.find(normalize_name(n));
      if (it == by_name_.end()) continue;
      Unit& u = r_.model.units[it->second];
      if (u.loc.line != item.loc.line)
        note(item.loc, "'" + e.name + "' is the unit '" + u.name + "' named at " + where(u.loc) + ": listed once");
      add_names(it->second, names, e.abbreviation);
      return it->second;
    }
    Unit u;
    u.id = new_id(e.name);
    u.name = e.name;
    u.group = group;
    u.kind = kind_hint;
    if (u.kind.empty()) u.kind = kind_from_words(e.name);
    if (u.kind.empty() && !e.alias.empty()) u.kind = kind_from_words(e.alias);
    if (u.kind.empty()) u.kind = "organization";
    u.loc = item.loc;
    u.sources = {source_};
    r_.model.units.push_back(std::move(u));
    add_names(r_.model.units.size() - 1, names, e.abbreviation);
    return r_.model.units.size() - 1;
  }

  void add_names(std::size_t i, const std::vector<std::string>& names, const std::string& abbreviation) {
    Unit& u = r_.model.units[i];
    for (const auto& n : names) {
      by_name_.emplace(normalize_name(n), i);
      if (n != u.name && std::find(u.aliases.begin(), u.aliases.end(), n) == u.aliases.end()) u.aliases.push_back(n);
    }
    if (!abbreviation.empty() &&
        std::find(u.abbreviations.begin(), u.abbreviations.end(), abbreviation) == u.abbreviations.end())
      u.abbreviations.push_back(abbreviation);
  }

  void main_unit() {
    InfoboxItem item{r_.model.sources[0].title, "", page_.title_loc.line ? page_.title_loc : page_.infobox_loc};
    if (const auto* f = field({"agencyname", "name", "organizationname", "officialname", "organisationname"}); f && !f->items.empty())
      item = f->items.front();
    if (item.loc.line == 0) item.loc = {page_.file, 1, 1};
    if (collapse_space(item.text).empty()) item.text = std::filesystem::path(page_.file).stem().string();
    const auto* type = field({"agencytype", "type"});
    main_ = unit_for(item, "", type ? kind_from_words(text_of(*type)) : "");
    Unit& u = r_.model.units[main_];
    if (!page_.title.empty() && normalize_name(page_.title) != normalize_name(u.name)) add_names(main_, {page_.title}, "");
    if (type) {
      const std::string t = text_of(*type);
      const std::string lt = lower_ascii(t);
      u.type = collapse_space(t.substr(0, t.find(',')));
      if (contains(lt, "vice-ministerial") || contains(lt, "vice ministerial")) u.level = "vice-ministerial";
      else if (contains(lt, "ministerial level") || contains(lt, "ministry-level") || contains(lt, "ministerial-level"))
        u.level = "ministerial";
    }
  }

  void parents() {
    const InfoboxField* f = field({"parentagency", "parentorganization", "parentorganisation", "parentdepartment",
                                   "parent", "parentbody", "parentunit"});
    if (!f) return;
    std::vector<InfoboxItem> bodies;
    for (const auto& item : f->items) {
      const auto parts = item.link.empty() ? split_bodies(item.text) : std::vector<std::string>{item.text};
      for (const auto& p : parts) bodies.push_back({p, item.link, item.loc});
    }
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      const std::size_t p = unit_for(bodies[i], "", "");
      if (p == main_) continue;
      if (r_.model.units[main_].parent.empty()) {
        r_.model.units[main_].parent = r_.model.units[p].id;
        r_.model.units[main_].parent_loc = bodies[i].loc;
        continue;
      }
      Relation rel;
      rel.unit = r_.model.units[main_].id;
      rel.kind = "also-reports-to";
      rel.target = r_.model.units[p].id;
      rel.sources = {source_};
      rel.loc = rel.unit_loc = rel.target_loc = bodies[i].loc;
      r_.model.relations.push_back(std::move(rel));
    }
  }

  void child_list(const InfoboxField& f, const std::string& group) {
    used_.insert(&f);
    for (const auto& item : f.items) {
      const std::size_t c = unit_for(item, group, "");
      if (c == main_) continue;
      Unit& u = r_.model.units[c];
      if (u.parent.empty()) {
        u.parent = r_.model.units[main_].id;
        u.parent_loc = item.loc;
      }
    }
  }

  void children() {
    for (const char* key : {"childagency", "childorganization", "childorganisation", "childunit"})
      if (auto it = fields_.find(key); it != fields_.end())
        for (const auto* f : it->second) child_list(*f, "Child agencies");
    for (const char* key : {"subsidiaries", "subsidiary", "divisions", "subdivisions", "units"})
      if (auto it = fields_.find(key); it != fields_.end())
        for (const auto* f : it->second) child_list(*f, "Subsidiaries");
  }

  /// Leaders of one numbered family (`Minister1 Name` with `Minister1 Pfo`, ...), in index order.
  void leader_family(const char* name_key, const char* title_key, const std::string& default_role) {
    auto names = fields_.find(name_key);
    if (names == fields_.end()) return;
    std::map<int, const InfoboxField*> titles;
    if (auto t = fields_.find(title_key); t != fields_.end())
      for (const auto* f : t->second) titles[std::max(1, field_key(f->key).index)] = f;
    std::vector<const InfoboxField*> ordered(names->second.begin(), names->second.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](auto* a, auto* b) { return field_key(a->key).index < field_key(b->key).index; });
    for (const auto* f : ordered) {
      used_.insert(f);
      const InfoboxField* tf = nullptr;
      if (auto it = titles.find(std::max(1, field_key(f->key).index)); it != titles.end()) {
        tf = it->second;
        used_.insert(tf);
      }
      std::vector<std::string> positions = tf ? split_glued(text_of(*tf)) : std::vector<std::string>{};
      std::vector<std::pair<std::string, SourceLoc>> people;
      for (const auto& item : f->items)
        for (const auto& n : split_glued(item.text)) people.push_back({n, item.loc});
      for (std::size_t i = 0; i < people.size(); ++i) {
        std::string position = positions.size() == people.size() ? positions[i] : tf ? collapse_space(text_of(*tf)) : "";
        add_leader(people[i].first, people[i].second, position, default_role);
      }
    }
  }

  void add_leader(const std::string& text, const SourceLoc& loc, std::string position, const std::string& default_role) {
    // "Xi Jinping (General Secretary)", "Wang Xiaohong (since 2022)": the parenthesis is not part of the name; it is
    // the title when the field gives none.
    std::string name = text;
    if (const auto open = name.find(" ("); open != std::string::npos && open > 0 && name.back() == ')') {
      const std::string inner = collapse_space(name.substr(open + 2, name.size() - open - 3));
      if (position.empty() && !inner.empty() && std::isupper(static_cast<unsigned char>(inner[0]))) position = inner;
      name.erase(open);
    }
    RankedName rn = split_rank(name);
    const bool remark = !rn.name.empty() && rn.name.front() == '(';  // "(since 2022)" under a name
    if (remark || std::none_of(rn.name.begin(), rn.name.end(),
                               [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c & 0x80; })) {
      note(loc, "'" + text + "' is not a name: no leader recorded");
      return;
    }
    if (position.empty()) position = rn.title;
    const std::string lp = lower_ascii(position);
    std::string role = default_role;
    if (contains(lp, "deput") || contains(lp, "vice") || contains(lp, "assistant")) role = "deputy-head";
    else if (role.empty()) {
      role = "other";
      for (const char* w : {"head", "director", "chief", "minister", "chair", "president", "commissioner", "secretary",
                            "leader", "administrator", "governor", "commander"})
        if (contains(lp, w) || lp.empty()) role = "head";
    }
    if (role == "head" && has_head_) role = "other";  // one head per page; the others keep their titles
    if (role == "head") has_head_ = true;
    Role r;
    r.unit = r_.model.units[main_].id;
    r.role = role;
    r.title = position;
    r.sources = {source_};
    r.loc = r.unit_loc = loc;
    for (auto& p : r_.model.people)
      if (p.name == rn.name) {
        p.roles.push_back(std::move(r));
        return;
      }
    Person p;
    p.name = rn.name;
    p.loc = loc;
    p.roles.push_back(std::move(r));
    r_.model.people.push_back(std::move(p));
  }

  void people() {
    leader_family("ministername", "ministerpfo", "head");
    leader_family("chiefname", "chiefposition", "");
    leader_family("leadername", "leadertitle", "");
    leader_family("deputyministername", "deputyministerpfo", "deputy-head");
    leader_family("keypeople", "", "");
  }

  void set_text(std::string& out, std::initializer_list<const char*> keys) {
    if (const auto* f = field(keys); f && out.empty()) out = collapse_space(text_of(*f));
  }

  void other_fields() {
    Unit& u = r_.model.units[main_];
    set_text(u.native_name, {"nativenamea", "nativename"});
    set_text(u.romanized_name, {"nativenamer"});
    set_text(u.headquarters, {"headquarters"});
    set_text(u.website, {"website", "url"});
    if (const auto* f = field({"abbreviation", "acronym"}))
      for (const auto& i : f->items) add_names(main_, {}, collapse_space(i.text));
    for (const char* key : {"formerly", "formername", "formernames", "formerlycalled", "othername", "othernames"})
      if (const auto* f = field({key}))
        for (const auto& i : f->items) add_names(main_, {collapse_space(i.text)}, "");
    if (const auto* f = field({"formed", "formation", "founded", "established"})) {
      if (auto d = find_date(text_of(*f))) u.founded = d;
      else note(f->loc, "'" + f->key + "' gives no year ('" + text_of(*f) + "'); the founding date is left out");
    }
    if (const auto* f = field({"dissolved", "defunct"})) {
      if (auto d = find_date(text_of(*f))) u.valid.until = d;
      else note(f->loc, "'" + f->key + "' gives no year ('" + text_of(*f) + "'); the end date is left out");
    }
    if (const auto* f = field({"affiliations", "affiliation"}))
      for (const auto& item : f->items) {
        const std::size_t t = unit_for(item, "", "");
        if (t == main_) continue;
        Relation rel;
        rel.unit = r_.model.units[main_].id;
        rel.kind = "affiliation";
        rel.target = r_.model.units[t].id;
        rel.sources = {source_};
        rel.loc = rel.unit_loc = rel.target_loc = item.loc;
        r_.model.relations.push_back(std::move(rel));
      }
    for (const auto& f : page_.fields) {
      if (used_.count(&f)) continue;
      const std::string base = field_key(f.key).base;
      if (f.items.empty()) continue;  // an empty field says nothing
      if (contains(base, "logo") || contains(base, "seal") || contains(base, "image") || contains(base, "flag") ||
          contains(base, "map") || contains(base, "caption") || contains(base, "width") || contains(base, "alt") ||
          contains(base, "size") || contains(base, "picture") || contains(base, "emblem")) {
        note(f.loc, "field '" + f.key + "' is an image or its caption: not imported");
        continue;
      }
      const std::string name = slug(f.key);
      r_.model.units[main_].attributes[name] = text_of(f);
      note(f.loc, "field '" + f.key + "' has no place in the chart: kept as attribute '" + name + "' of '" +
                      r_.model.units[main_].id + "'");
    }
  }

  void sections() {
    for (const auto& s : page_.sections) {
      const std::string h = lower_ascii(s.heading), ph = lower_ascii(s.parent_heading);
      if (s.prose_lines > 0)
        note(s.loc, (s.heading.empty() ? std::string("the text before the first heading") : "section '" + s.heading + "'") +
                        ": " + std::to_string(s.prose_lines) + " line" + (s.prose_lines == 1 ? "" : "s") +
                        " of running text not imported");
      if (s.items.empty()) continue;
      const bool skipped = std::any_of(std::begin(kSkippedSections), std::end(kSkippedSections),
                                       [&](const char* k) { return h == k; });
      const bool organization = !skipped && std::any_of(std::begin(kOrganizationWords), std::end(kOrganizationWords),
                                                        [&](const char* k) { return contains(h, k) || contains(ph, k); });
      if (!organization) {
        note(s.loc, "the list under '" + s.heading + "' (" + std::to_string(s.items.size()) + (s.items.size() == 1 ? " entry" : " entries") + ") is not imported: " +
                        (skipped ? "it names related pages" : "its heading does not name parts of the body") + "");
        continue;
      }
      const std::string kind = kind_from_words(s.heading);
      for (const auto& item : s.items) {
        const std::size_t c = unit_for(item, s.heading, kind);
        if (c == main_) continue;
        Unit& u = r_.model.units[c];
        if (u.parent.empty() && u.id != r_.model.units[main_].parent) {
          u.parent = r_.model.units[main_].id;
          u.parent_loc = item.loc;
        }
      }
    }
  }

  const InfoboxPage& page_;
  ReadResult r_;
  std::string source_;
  std::size_t main_ = 0;
  bool has_head_ = false;
  std::map<std::string, std::vector<const InfoboxField*>> fields_;
  std::set<const InfoboxField*> used_;
  std::unordered_set<std::string> ids_;
  std::unordered_map<std::string, int> next_suffix_;  // by base: the suffix new_id tries next
  std::unordered_map<std::string, std::size_t> by_name_;
};

}  // namespace

ReadResult build_infobox_model(const InfoboxPage& page) { return Builder(page).run(); }

}  // namespace orgchart
