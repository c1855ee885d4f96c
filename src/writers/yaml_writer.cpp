#include "orgchart/writers/yaml_writer.hpp"

#include <yaml-cpp/yaml.h>

namespace orgchart {

namespace {

void text(YAML::Emitter& e, const char* key, const std::string& value) {
  if (value.empty()) return;
  // yaml-cpp quotes only where YAML needs it (line breaks as \n: its literal blocks would add a final one).
  e << YAML::Key << key << YAML::Value << value;
}

void date(YAML::Emitter& e, const char* key, const std::optional<Date>& d) {
  if (d) e << YAML::Key << key << YAML::Value << d->str();
}

void list(YAML::Emitter& e, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  e << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& v : values) e << v;
  e << YAML::EndSeq;
}

void validity(YAML::Emitter& e, const Validity& v) {
  date(e, "from", v.from);
  date(e, "until", v.until);
}

void write_unit(YAML::Emitter& e, const Unit& u) {
  e << YAML::BeginMap;
  text(e, "id", u.id);
  text(e, "name", u.name);
  text(e, "kind", u.kind);
  text(e, "parent", u.parent);
  text(e, "placement", u.placement);
  text(e, "title", u.title);
  if (u.vacant) e << YAML::Key << "vacant" << YAML::Value << true;
  text(e, "group", u.group);
  text(e, "photo", u.photo);
  text(e, "label", u.label);
  text(e, "native_name", u.native_name);
  text(e, "romanized_name", u.romanized_name);
  list(e, "abbreviation", u.abbreviations);
  list(e, "aliases", u.aliases);
  list(e, "tags", u.tags);
  text(e, "type", u.type);
  text(e, "level", u.level);
  date(e, "founded", u.founded);
  text(e, "headquarters", u.headquarters);
  text(e, "website", u.website);
  validity(e, u.valid);
  text(e, "notes", u.notes);
  list(e, "sources", u.sources);
  if (!u.attributes.empty()) {
    e << YAML::Key << "attributes" << YAML::Value << YAML::BeginMap;
    for (const auto& [k, v] : u.attributes) e << YAML::Key << k << YAML::Value << v;
    e << YAML::EndMap;
  }
  e << YAML::EndMap;
}

}  // namespace

void write_yaml(std::ostream& out, const OrgModel& model, const std::string& header) {
  YAML::Emitter e;
  e.SetIndent(2);
  e << YAML::BeginMap;
  text(e, "title", model.title);
  text(e, "description", model.description);
  if (!model.sources.empty()) {
    e << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    for (const Source& s : model.sources) {
      e << YAML::BeginMap;
      text(e, "id", s.id);
      text(e, "title", s.title);
      date(e, "date", s.date);
      text(e, "url", s.url);
      text(e, "file", s.file);
      text(e, "notes", s.notes);
      e << YAML::EndMap;
    }
    e << YAML::EndSeq;
  }
  if (!model.units.empty()) {
    e << YAML::Key << "units" << YAML::Value << YAML::BeginSeq;
    for (const Unit& u : model.units) write_unit(e, u);
    e << YAML::EndSeq;
  }
  if (!model.people.empty()) {
    e << YAML::Key << "people" << YAML::Value << YAML::BeginSeq;
    for (const Person& p : model.people) {
      e << YAML::BeginMap;
      text(e, "name", p.name);
      text(e, "native_name", p.native_name);
      text(e, "notes", p.notes);
      e << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
      for (const Role& r : p.roles) {
        e << YAML::BeginMap;
        text(e, "unit", r.unit);
        text(e, "role", r.role);
        text(e, "title", r.title);
        validity(e, r.valid);
        list(e, "sources", r.sources);
        e << YAML::EndMap;
      }
      e << YAML::EndSeq << YAML::EndMap;
    }
    e << YAML::EndSeq;
  }
  if (!model.relations.empty()) {
    e << YAML::Key << "relations" << YAML::Value << YAML::BeginSeq;
    for (const Relation& r : model.relations) {
      e << YAML::BeginMap;
      text(e, "unit", r.unit);
      text(e, "kind", r.kind);
      text(e, "target", r.target);
      text(e, "label", r.label);
      text(e, "amount", r.amount);
      validity(e, r.valid);
      text(e, "notes", r.notes);
      list(e, "sources", r.sources);
      e << YAML::EndMap;
    }
    e << YAML::EndSeq;
  }
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
