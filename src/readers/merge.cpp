#include "orgchart/readers/merge.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "orgchart/readers/infobox_names.hpp"
#include "orgchart/readers/text_file.hpp"

namespace orgchart {

namespace {

std::string where(const SourceLoc& l) { return l.file + ":" + std::to_string(l.line); }

bool ends_with_ci(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

AliasTable parse_yaml_aliases(const std::string& text, const std::string& file) {
  AliasTable t;
  std::vector<Diagnostic> errors;
  auto error = [&](const YAML::Mark& m, std::string msg) {
    errors.push_back({Severity::kError, {file, m.line + 1, m.column + 1}, std::move(msg), {}});
  };
  try {
    const YAML::Node root = YAML::Load(text);
    auto names_of = [&](const YAML::Node& list, AliasSet& set) {
      if (!list.IsSequence()) return error(list.Mark(), "expected a list of names");
      for (const auto& n : list) {
        if (!n.IsScalar()) error(n.Mark(), "expected a name");
        else set.names.push_back(collapse_space(n.Scalar()));
      }
    };
    if (root.IsSequence()) {
      for (const auto& entry : root) {
        AliasSet set{{}, {file, entry.Mark().line + 1, entry.Mark().column + 1}};
        names_of(entry, set);
        t.sets.push_back(std::move(set));
      }
    } else if (root.IsMap()) {
      for (const auto& kv : root) {
        AliasSet set{{collapse_space(kv.first.Scalar())}, {file, kv.first.Mark().line + 1, kv.first.Mark().column + 1}};
        names_of(kv.second, set);
        t.sets.push_back(std::move(set));
      }
    } else if (root.IsDefined() && !root.IsNull()) {
      error(root.Mark(), "an aliases file holds a list of lists of names, or a map from a name to a list of names");
    }
  } catch (const YAML::Exception& e) {
    errors.push_back({Severity::kError, {file, e.mark.line + 1, e.mark.column + 1}, e.msg, {}});
  }
  if (!errors.empty()) throw ParseError(std::move(errors));
  return t;
}

}  // namespace

AliasTable parse_aliases(const std::string& text, const std::string& file) {
  if (ends_with_ci(file, ".yaml") || ends_with_ci(file, ".yml")) return parse_yaml_aliases(text, file);
  AliasTable t;
  std::vector<Diagnostic> errors;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    const std::string trimmed = collapse_space(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    AliasSet set{{}, {file, line_no, static_cast<int>(line.find(trimmed[0]) + 1)}};
    std::size_t start = 0;
    const std::size_t errors_before = errors.size();
    while (true) {
      const auto eq = line.find('=', start);
      const std::string name = collapse_space(line.substr(start, eq == std::string::npos ? std::string::npos : eq - start));
      if (name.empty()) {
        errors.push_back({Severity::kError, {file, line_no, static_cast<int>(start + 1)},
                          "empty name: write 'canonical name = other name = other name'", line});
      } else {
        set.names.push_back(name);
      }
      if (eq == std::string::npos) break;
      start = eq + 1;
    }
    if (set.names.size() == 1 && errors.size() == errors_before)
      errors.push_back({Severity::kError, set.loc,
                        "'" + set.names[0] + "' has no other name: write 'canonical name = other name'", line});
    t.sets.push_back(std::move(set));
  }
  if (!errors.empty()) throw ParseError(std::move(errors));
  return t;
}

AliasTable read_aliases_file(const std::string& path) {
  std::vector<Diagnostic> diags;
  auto file = read_input_file(path, diags);
  if (!file) throw ParseError(std::move(diags));
  return parse_aliases(file->text, path);
}

namespace {

/// Words of a normalised name; at most this many make a name generic ("General Office", "Party Committee"),
/// which denotes one body only together with its parent.
constexpr std::size_t kGenericWords = 2;

constexpr char kSep = '\x1f';

bool generic(const std::string& key) { return std::count(key.begin(), key.end(), ' ') + 1 <= static_cast<long>(kGenericWords); }

template <class T>
void add_unique(std::vector<T>& to, const T& v) {
  if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

class Merger {
 public:
  Merger(const std::vector<OrgModel>& models, const AliasTable& aliases) : models_(models) {
    for (std::size_t s = 0; s < aliases.sets.size(); ++s)
      for (const auto& n : aliases.sets[s].names) alias_set_.emplace(normalize_name(n), s);
    alias_locs_.reserve(aliases.sets.size());
    for (const auto& s : aliases.sets) alias_locs_.push_back(s.loc);
  }

  ReadResult run() {
    for (std::size_t k = 0; k < models_.size(); ++k) add_model(k);
    return std::move(r_);
  }

 private:
  struct Merged {
    std::size_t model;  // the model it first came from
  };

  void note(const SourceLoc& l, std::string msg) { r_.diagnostics.push_back({Severity::kNote, l, std::move(msg), {}}); }

  std::string fresh_id(const std::string& id, std::unordered_set<std::string>& taken) {
    std::string out = id;
    for (int n = 2; taken.count(out); ++n) out = id + "-" + std::to_string(n);
    taken.insert(out);
    return out;
  }

  /// Units of a model, parents before children (breadth first from the roots); units the walk cannot reach
  /// (cycles, unknown parents) follow in file order.
  std::vector<std::size_t> parent_first(const OrgModel& m) {
    std::unordered_map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < m.units.size(); ++i) at.emplace(m.units[i].id, i);
    std::unordered_map<std::size_t, std::vector<std::size_t>> children;
    std::deque<std::size_t> queue;
    for (std::size_t i = 0; i < m.units.size(); ++i) {
      auto p = at.find(m.units[i].parent);
      if (m.units[i].parent.empty() || p == at.end() || p->second == i) queue.push_back(i);
      else children[p->second].push_back(i);
    }
    std::vector<std::size_t> order;
    std::vector<bool> seen(m.units.size(), false);
    while (!queue.empty()) {
      const std::size_t i = queue.front();
      queue.pop_front();
      if (seen[i]) continue;
      seen[i] = true;
      order.push_back(i);
      for (std::size_t c : children[i]) queue.push_back(c);
    }
    for (std::size_t i = 0; i < m.units.size(); ++i)
      if (!seen[i]) order.push_back(i);
    return order;
  }

  std::vector<std::string> names_of(const Unit& u) {
    std::vector<std::string> keys{normalize_name(u.name)};
    for (const auto& a : u.aliases) keys.push_back(normalize_name(a));
    std::erase_if(keys, [](const std::string& k) { return k.empty(); });
    return keys;
  }

  /// The merged unit `u` (of model k, parent already mapped to `parent`) is, with the reason; npos if none.
  std::pair<std::size_t, std::string> match(const Unit& u, std::size_t k, const std::string& parent) {
    std::size_t best = SIZE_MAX;
    std::string reason;
    auto consider = [&](std::size_t c, const std::string& why, bool by_alias_table, bool generic_name) {
      if (c >= best) return;
      if (!by_alias_table && merged_[c].model == k) return;  // one file's own units are distinct bodies
      const Unit& m = r_.model.units[c];
      if (generic_name && !by_alias_table && !(parent.empty() || m.parent.empty() || m.parent == parent)) return;
      best = c;
      reason = why;
    };
    const auto keys = names_of(u);
    for (const auto& key : keys) {
      if (auto it = alias_set_.find(key); it != alias_set_.end())
        if (auto s = by_alias_.find(it->second); s != by_alias_.end())
          for (std::size_t c : s->second)
            consider(c, "both are names in " + where(alias_locs_[it->second]), true, false);
      auto by_name = [&](const std::string& bucket) {
        if (auto it = by_name_.find(bucket); it != by_name_.end())
          for (std::size_t c : it->second) {
            const Unit& m = r_.model.units[c];
            consider(c, m.name == u.name ? "same name"
                        : normalize_name(m.name) == normalize_name(u.name)
                            ? "same name once case, punctuation, articles and word order are set aside"
                            : "a name of one is a name of the other",
                     false, generic(key));
          }
      };
      if (!generic(key)) {
        by_name(key);
      } else {
        // A generic name is one body only under one parent: look in its parent's bucket and among parentless
        // units; a parentless unit takes the first unit of that name.
        by_name(key + kSep + parent);
        by_name(key + kSep);
        if (parent.empty())
          if (auto it = first_generic_.find(key); it != first_generic_.end()) by_name_at(it->second, u, k, consider);
      }
      if (auto it = by_abbreviation_.find(key); it != by_abbreviation_.end())
        for (std::size_t c : it->second) consider(c, "'" + u.name + "' is its abbreviation", false, false);
    }
    for (const auto& a : u.abbreviations)
      if (auto it = by_name_.find(normalize_name(a)); it != by_name_.end())
        for (std::size_t c : it->second) consider(c, "'" + a + "' is an abbreviation of '" + u.name + "'", false, false);
    return {best, reason};
  }

  template <class F>
  void by_name_at(std::size_t c, const Unit& u, std::size_t, F& consider) {
    consider(c, r_.model.units[c].name == u.name ? "same name" : "same name once case, punctuation, articles and word order are set aside",
             false, false);
  }

  void index(std::size_t c, const Unit& u) {
    for (const auto& key : names_of(u)) {
      if (!generic(key)) add_unique(by_name_[key], c);
      else {
        add_unique(by_name_[key + kSep + u.parent], c);
        first_generic_.try_emplace(key, c);
      }
      if (auto it = alias_set_.find(key); it != alias_set_.end()) add_unique(by_alias_[it->second], c);
    }
    for (const auto& a : u.abbreviations) add_unique(by_abbreviation_[normalize_name(a)], c);
  }

  void absorb(Unit& into, const Unit& u, const std::string& parent) {
    if (u.name != into.name) add_unique(into.aliases, u.name);
    for (const auto& a : u.aliases)
      if (a != into.name) add_unique(into.aliases, a);
    for (const auto& a : u.abbreviations) add_unique(into.abbreviations, a);
    for (const auto& t : u.tags) add_unique(into.tags, t);
    for (const auto& s : u.sources) add_unique(into.sources, s);
    if ((into.kind.empty() || into.kind == "organization") && !u.kind.empty()) into.kind = u.kind;
    for (auto [to, from] : {std::pair{&into.group, &u.group}, {&into.native_name, &u.native_name},
                            {&into.romanized_name, &u.romanized_name}, {&into.type, &u.type}, {&into.level, &u.level},
                            {&into.headquarters, &u.headquarters}, {&into.website, &u.website}, {&into.notes, &u.notes},
                            {&into.title, &u.title}, {&into.photo, &u.photo}})
      if (to->empty()) *to = *from;
    if (!into.founded) into.founded = u.founded;
    if (!into.valid.from) into.valid.from = u.valid.from;
    if (!into.valid.until) into.valid.until = u.valid.until;
    for (const auto& [k, v] : u.attributes) into.attributes.emplace(k, v);
    if (!parent.empty() && parent != into.id) {
      if (into.parent.empty()) {
        into.parent = parent;
        into.parent_loc = u.parent_loc;
      } else if (into.parent != parent) {
        note(u.parent_loc, "'" + into.name + "' is under '" + parent + "' here but under '" + into.parent + "' at " +
                               where(into.parent_loc) + ": the first is kept");
      }
    }
  }

  void add_model(std::size_t k) {
    const OrgModel& m = models_[k];
    for (const auto& f : m.files) add_unique(r_.model.files, f);
    if (r_.model.title.empty()) r_.model.title = m.title;
    if (r_.model.description.empty()) r_.model.description = m.description;
    // Sources: one per file; an id already taken by another source is renamed.
    std::unordered_map<std::string, std::string> source_id;
    for (const auto& s : m.sources) {
      const Source* same = nullptr;
      for (const auto& t : r_.model.sources)
        if (t.id == s.id && t.file == s.file && t.title == s.title) same = &t;
      if (same) {
        source_id[s.id] = s.id;
        continue;
      }
      Source copy = s;
      copy.id = fresh_id(s.id, source_ids_);
      source_id[s.id] = copy.id;
      r_.model.sources.push_back(std::move(copy));
    }
    auto sources = [&](std::vector<std::string> ids) {
      for (auto& id : ids)
        if (auto it = source_id.find(id); it != source_id.end()) id = it->second;
      return ids;
    };
    std::unordered_map<std::string, std::string> unit_id;  // this model's ids -> merged ids
    for (std::size_t i : parent_first(m)) {
      Unit u = m.units[i];
      u.sources = sources(u.sources);
      const auto p = unit_id.find(u.parent);
      const std::string parent = p == unit_id.end() ? u.parent : p->second;
      const auto [c, reason] = match(u, k, p == unit_id.end() ? "" : parent);
      if (c != SIZE_MAX) {
        Unit& into = r_.model.units[c];
        note(u.loc, "'" + u.name + "' here and '" + into.name + "' at " + where(into.loc) + " are one unit, '" + into.id +
                        "' (" + reason + ")");
        unit_id[u.id] = into.id;
        absorb(into, u, parent);
        index(c, into);
        continue;
      }
      const std::string original = u.id;
      u.id = fresh_id(u.id, unit_ids_);
      unit_id[original] = u.id;
      u.parent = parent;
      r_.model.units.push_back(std::move(u));
      merged_.push_back({k});
      index(r_.model.units.size() - 1, r_.model.units.back());
    }
    auto mapped = [&](const std::string& id) {
      auto it = unit_id.find(id);
      return it == unit_id.end() ? id : it->second;
    };
    for (const auto& person : m.people) {
      const std::string key = normalize_name(person.name);
      auto [it, fresh] = person_at_.try_emplace(key, r_.model.people.size());
      if (fresh) {
        Person p = person;
        p.roles.clear();
        r_.model.people.push_back(std::move(p));
      }
      Person& into = r_.model.people[it->second];
      for (Role r : person.roles) {
        r.unit = mapped(r.unit);
        r.sources = sources(r.sources);
        auto same = std::find_if(into.roles.begin(), into.roles.end(),
                                 [&](const Role& x) { return x.unit == r.unit && x.role == r.role; });
        if (same != into.roles.end()) {
          for (const auto& s : r.sources) add_unique(same->sources, s);
          continue;
        }
        if (r.role == "head") {
          auto [h, first] = head_of_.try_emplace(r.unit, person.name);
          if (!first && h->second != person.name) {
            note(r.loc, "'" + h->second + "' is already head of '" + r.unit + "' in another file: '" + person.name +
                            "' is kept as '" + r.display_title() + "', not as head");
            if (r.title.empty()) r.title = r.display_title();
            r.role = "other";
          }
        }
        into.roles.push_back(std::move(r));
      }
    }
    for (Relation rel : m.relations) {
      rel.unit = mapped(rel.unit);
      rel.target = mapped(rel.target);
      rel.sources = sources(rel.sources);
      if (rel.unit == rel.target) {
        note(rel.loc, "relation '" + rel.kind + "' now links '" + rel.unit + "' to itself (both ends are one unit): left out");
        continue;
      }
      const std::string key = rel.unit + kSep + rel.kind + kSep + rel.target;
      if (auto same = relation_at_.find(key); same != relation_at_.end()) {
        for (const auto& s : rel.sources) add_unique(r_.model.relations[same->second].sources, s);
        continue;
      }
      relation_at_.emplace(key, r_.model.relations.size());
      r_.model.relations.push_back(std::move(rel));
    }
  }

  const std::vector<OrgModel>& models_;
  ReadResult r_;
  std::vector<Merged> merged_;
  std::unordered_map<std::string, std::size_t> alias_set_;
  std::vector<SourceLoc> alias_locs_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> by_alias_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_, by_abbreviation_;
  std::unordered_map<std::string, std::size_t> person_at_, relation_at_, first_generic_;
  std::unordered_map<std::string, std::string> head_of_;
  std::unordered_set<std::string> unit_ids_, source_ids_;
};

}  // namespace

ReadResult merge_models(const std::vector<OrgModel>& models, const AliasTable& aliases) {
  return Merger(models, aliases).run();
}

}  // namespace orgchart
