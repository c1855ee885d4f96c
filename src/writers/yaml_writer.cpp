#include "orgchart/writers/yaml_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <utility>
#include <variant>

#include "orgchart/graph/attributes.hpp"  // source_fields

namespace orgchart {

namespace {

/// A field's value: text (left out when empty), a list (left out when empty, written [a, b]), a flag (written
/// only when true), a date (left out when absent), or the free attributes of a unit (a mapping).
using Value = std::variant<std::string, std::vector<std::string>, bool, std::optional<Date>,
                           std::map<std::string, std::string>>;
using Fields = std::vector<std::pair<const char*, Value>>;

struct Emit {
  YAML::Emitter& e;
  const char* key;
  void operator()(const std::string& s) const {
    // yaml-cpp quotes only where YAML needs it (line breaks as \n: its literal blocks would add a final one).
    if (!s.empty()) e << YAML::Key << key << YAML::Value << s;
  }
  void operator()(const std::vector<std::string>& values) const {
    if (values.empty()) return;
    e << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& v : values) e << v;
    e << YAML::EndSeq;
  }
  void operator()(bool b) const {
    if (b) e << YAML::Key << key << YAML::Value << true;
  }
  void operator()(const std::optional<Date>& d) const {
    if (d) e << YAML::Key << key << YAML::Value << d->str();
  }
  void operator()(const std::map<std::string, std::string>& m) const {
    if (m.empty()) return;
    e << YAML::Key << key << YAML::Value << YAML::BeginMap;
    for (const auto& [k, v] : m) e << YAML::Key << k << YAML::Value << v;
    e << YAML::EndMap;
  }
};

void write_fields(YAML::Emitter& e, const Fields& fields) {
  for (const auto& [key, value] : fields) std::visit(Emit{e, key}, value);
}

// Each record's fields in the order a person would write them.
Fields unit_fields(const Unit& u) {
  return {{"id", u.id}, {"name", u.name}, {"kind", u.kind}, {"parent", u.parent}, {"placement", u.placement},
          {"title", u.title}, {"vacant", u.vacant}, {"group", u.group}, {"photo", u.photo}, {"label", u.label},
          {"native_name", u.native_name}, {"romanized_name", u.romanized_name}, {"abbreviation", u.abbreviations},
          {"aliases", u.aliases}, {"tags", u.tags}, {"type", u.type}, {"level", u.level}, {"founded", u.founded},
          {"headquarters", u.headquarters}, {"website", u.website}, {"from", u.valid.from},
          {"until", u.valid.until}, {"notes", u.notes}, {"sources", u.sources}, {"attributes", u.attributes}};
}

Fields role_fields(const Role& r) {
  return {{"unit", r.unit}, {"role", r.role}, {"title", r.title},
          {"from", r.valid.from}, {"until", r.valid.until}, {"sources", r.sources}};
}

Fields relation_fields(const Relation& r) {
  return {{"unit", r.unit}, {"kind", r.kind}, {"target", r.target}, {"label", r.label}, {"amount", r.amount},
          {"from", r.valid.from}, {"until", r.valid.until}, {"notes", r.notes}, {"sources", r.sources}};
}

Fields source_record(const Source& s) {
  Fields f;
  for (auto& [name, value] : source_fields(s)) f.emplace_back(name, std::move(value));
  return f;
}

/// `key:` and a list of records, each a mapping written by `write`; nothing when there are none.
template <typename T, typename Write>
void records(YAML::Emitter& e, const char* key, const std::vector<T>& items, Write write) {
  if (items.empty()) return;
  e << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (const T& item : items) {
    e << YAML::BeginMap;
    write(item);
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
}

}  // namespace

void write_yaml(std::ostream& out, const OrgModel& model, const std::string& header) {
  YAML::Emitter e;
  e.SetIndent(2);
  e << YAML::BeginMap;
  write_fields(e, {{"title", model.title}, {"description", model.description}});
  records(e, "sources", model.sources, [&](const Source& s) { write_fields(e, source_record(s)); });
  records(e, "units", model.units, [&](const Unit& u) { write_fields(e, unit_fields(u)); });
  records(e, "people", model.people, [&](const Person& p) {
    write_fields(e, {{"name", p.name}, {"native_name", p.native_name}, {"notes", p.notes}});
    // Every person holds a role; the key is written even for none, as the reader asks for one.
    if (p.roles.empty()) e << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq << YAML::EndSeq;
    records(e, "roles", p.roles, [&](const Role& r) { write_fields(e, role_fields(r)); });
  });
  records(e, "relations", model.relations, [&](const Relation& r) { write_fields(e, relation_fields(r)); });
  e << YAML::EndMap;
  std::size_t b = 0;
  while (b < header.size()) {
    auto n = header.find('\n', b);
    if (n == std::string::npos) n = header.size();
    out << "# " << header.substr(b, n - b) << "\n";
    b = n + 1;
  }
  out << e.c_str() << "\n";
}

}  // namespace orgchart
