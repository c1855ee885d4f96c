#include "graphml_vocabulary.hpp"

namespace orgchart::detail {

int GraphmlKeys::intern(const std::string& name) {
  if (auto it = name_ids_.find(name); it != name_ids_.end()) return it->second;
  const int id = static_cast<int>(names_.size());
  name_ids_.emplace(name, id);
  names_.push_back(name);
  ours_.push_back({is_graphml_attribute(name, AttributeFor::kNode), is_graphml_attribute(name, AttributeFor::kEdge)});
  return id;
}

void GraphmlKeys::declare(GraphmlKey key, const std::string& file, std::vector<Diagnostic>& diags) {
  if (auto it = keys_.find(key.id); it != keys_.end()) {
    diags.push_back({Severity::kError, SourceLoc{file, key.line, key.column},
                     "the key id '" + key.id + "' is declared twice (first at line " + std::to_string(it->second.line) +
                         "); give each <key> its own id",
                     {}});
    defaults_.erase(key.id);
  }
  intern(key.name);
  if (key.name == "Edge Label") intern("label");
  auto [it, fresh] = keys_.insert_or_assign(key.id, std::move(key));
  if (it->second.default_value) defaults_[it->first] = &it->second;
}

const GraphmlKey* GraphmlKeys::find(std::string_view id) const {
  auto it = keys_.find(id);
  return it == keys_.end() ? nullptr : &it->second;
}

int GraphmlKeys::name_id(std::string_view name) const {
  auto it = name_ids_.find(name);
  return it == name_ids_.end() ? -1 : it->second;
}

int GraphmlKeys::name_of(const GraphmlKey& k, std::string_view domain) const {
  // Gephi saves an edge's label under the name "Edge Label".
  return name_id(domain == "edge" && k.name == "Edge Label" ? std::string_view("label") : std::string_view(k.name));
}

void GraphmlFields::read(std::string_view domain, int line, int column, std::span<const GraphmlDatum> data,
                         const std::string& file, std::vector<Diagnostic>& diags) {
  if (values_.size() < keys_.name_count()) {
    values_.resize(keys_.name_count());
    stamp_.resize(keys_.name_count(), 0);
  }
  ++stamp_now_;
  set_.clear();
  auto put = [&](int id, std::string_view text, int l, int c) {
    const auto i = static_cast<std::size_t>(id);
    if (stamp_[i] != stamp_now_) {
      stamp_[i] = stamp_now_;
      set_.push_back(id);
    }
    values_[i] = {text, l, c, true};
  };
  for (const auto& [id, key] : keys_.defaults())
    if (key->domain == domain || key->domain == "all") put(keys_.name_of(*key, "graph"), *key->default_value, line, column);
  for (const GraphmlDatum& d : data) {
    const GraphmlKey* key = keys_.find(d.key);
    if (!key) {
      diags.push_back({Severity::kError, SourceLoc{file, d.line, d.column},
                       "<data> uses the key '" + std::string(d.key) + "', which no <key> declares; declare it or remove the data",
                       {}});
      continue;
    }
    if (key->graphics) continue;
    put(keys_.name_of(*key, domain), d.value, d.line, d.column);
  }
}

const GraphmlValue& GraphmlFields::get(std::string_view name) const {
  static const GraphmlValue kNone;
  const int id = keys_.name_id(name);
  if (id < 0 || static_cast<std::size_t>(id) >= stamp_.size() || stamp_[static_cast<std::size_t>(id)] != stamp_now_)
    return kNone;
  return values_[static_cast<std::size_t>(id)];
}

std::map<std::string, std::string> GraphmlFields::except(AttributeFor domain) const {
  std::map<std::string, std::string> out;
  for (int id : set_) {
    const GraphmlValue& v = values_[static_cast<std::size_t>(id)];
    if (!keys_.ours(id, domain) && !v.text.empty()) out.emplace(keys_.name(id), std::string(v.text));
  }
  return out;
}

}  // namespace orgchart::detail
