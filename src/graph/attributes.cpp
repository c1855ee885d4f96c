#include "orgchart/graph/attributes.hpp"

#include <algorithm>
#include <cmath>

namespace orgchart {

namespace {

// ---- Values: what a vertex or edge holds for an attribute ----

/// The unit of a unit vertex; null for people and stubs, whose unit fields are written empty.
const Unit* unit_at(const AttributeItem& a) {
  return a.g.graph[a.v].type == NodeType::kUnit ? &a.g.unit(a.v) : nullptr;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

template <std::string Unit::*M>
AttributeValue unit_text(const AttributeItem& a) {
  const Unit* u = unit_at(a);
  return u ? std::string_view(u->*M) : std::string_view();
}

template <bool Unit::*M>
AttributeValue unit_flag(const AttributeItem& a) {
  const Unit* u = unit_at(a);
  return u && u->*M;
}

template <std::vector<std::string> Unit::*M, const char* kSep>
AttributeValue unit_list(const AttributeItem& a) {
  const Unit* u = unit_at(a);
  return u ? join(u->*M, kSep) : std::string();
}

template <std::optional<Date> Validity::*M>
AttributeValue node_valid(const AttributeItem& a) {
  const Validity* v = a.g.validity(a.v);
  return v ? date_text(v->*M) : std::string();
}

template <std::optional<Date> Validity::*M>
AttributeValue edge_valid(const AttributeItem& a) {
  const Validity* v = a.g.validity(a.e);
  return v ? date_text(v->*M) : std::string();
}

template <std::string Relation::*M>
AttributeValue relation_text(const AttributeItem& a) {
  const Relation* r = a.g.relation(a.e);
  return r ? std::string_view(r->*M) : std::string_view();
}

template <double Drawn::*M>
AttributeValue drawn_number(const AttributeItem& a) { return a.drawn.*M; }

template <std::uint8_t Drawn::*M>
AttributeValue drawn_channel(const AttributeItem& a) { return static_cast<long long>(a.drawn.*M); }

template <auto OrgNode::*M>
AttributeValue node_count(const AttributeItem& a) { return static_cast<long long>(a.g.graph[a.v].*M); }

AttributeValue label(const AttributeItem& a) { return a.g.display_name(a.v); }
AttributeValue kind(const AttributeItem& a) { return a.g.kind_of(a.v); }
AttributeValue node_type(const AttributeItem& a) { return std::string_view(a.g.node_type_name(a.v)); }
AttributeValue unit_id(const AttributeItem& a) { return std::string_view(a.g.graph[a.v].id); }
AttributeValue parent_id(const AttributeItem& a) {
  const auto p = a.g.drawn_parent(a.v);
  return p ? std::string_view(a.g.graph[*p].id) : std::string_view();
}
AttributeValue native_name(const AttributeItem& a) {
  if (const Unit* u = unit_at(a)) return std::string_view(u->native_name);
  return a.g.graph[a.v].type == NodeType::kPerson ? std::string_view(a.g.person(a.v).native_name) : std::string_view();
}
AttributeValue founded(const AttributeItem& a) {
  const Unit* u = unit_at(a);
  return u ? date_text(u->founded) : std::string();
}
AttributeValue leaders(const AttributeItem& a) {
  if (!unit_at(a)) return std::string();
  std::string s;
  for (const auto& l : a.g.graph[a.v].leaders) s += (s.empty() ? "" : "; ") + l.title + ": " + l.name;
  return s;
}
AttributeValue node_sources(const AttributeItem& a) { return join(a.g.sources_of(a.v), " "); }
AttributeValue size(const AttributeItem& a) { return node_importance(a.g.graph[a.v].subtree_size); }

/// Hierarchy edges carry no label (their `relation` says "parent"), so that Gephi does not print "parent" on
/// every link of the tree.
AttributeValue edge_label(const AttributeItem& a) { return std::string_view(a.g.graph[a.e].label); }
AttributeValue relation(const AttributeItem& a) { return std::string_view(a.g.graph[a.e].relation); }
AttributeValue weight(const AttributeItem&) { return 1.0; }
AttributeValue edge_sources(const AttributeItem& a) { return join(a.g.sources_of(a.e), " "); }

// ---- Reading back: a GraphML value onto the model ----

template <std::string Unit::*M>
std::string read_text(Unit& u, std::string_view s) {
  u.*M = std::string(s);
  return {};
}

template <std::string Relation::*M>
std::string read_relation_text(Relation& r, std::string_view s) {
  r.*M = std::string(s);
  return {};
}

template <bool Unit::*M>
std::string read_flag(Unit& u, std::string_view s) {
  if (s.empty() || s == "false" || s == "0") u.*M = false;
  else if (s == "true" || s == "1") u.*M = true;
  else return "is not true or false: '" + std::string(s) + "'; write true or false";
  return {};
}

/// `s` cut at each `sep` ("; " between abbreviations; " " stands for any white space, between tags), empty
/// pieces left out.
std::vector<std::string> pieces(std::string_view s, std::string_view sep) {
  const bool blank = sep == " ";
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= s.size();) {
    std::size_t next = blank ? s.find_first_of(" \t\r\n", at) : s.find(sep, at);
    if (next == std::string_view::npos) next = s.size();
    if (next > at) out.emplace_back(s.substr(at, next - at));
    at = next + (blank ? 1 : sep.size());
  }
  return out;
}

template <std::vector<std::string> Unit::*M, const char* kSep>
std::string read_list(Unit& u, std::string_view s) {
  u.*M = pieces(s, kSep);
  return {};
}

std::string read_date(std::optional<Date>& out, std::string_view s) {
  out.reset();
  if (s.empty()) return {};
  std::string why;
  out = parse_date(s, &why);
  return out ? std::string() : "is not a valid date: '" + std::string(s) + "': " + why + "; write " + kDateForms;
}

std::string read_founded(Unit& u, std::string_view s) { return read_date(u.founded, s); }

template <std::optional<Date> Validity::*M>
std::string read_unit_valid(Unit& u, std::string_view s) { return read_date(u.valid.*M, s); }

template <std::optional<Date> Validity::*M>
std::string read_relation_valid(Relation& r, std::string_view s) { return read_date(r.valid.*M, s); }

// ---- The table ----

constexpr char kSemicolon[] = "; ", kSpace[] = " ";
constexpr auto S = AttributeType::kString, I = AttributeType::kInt, F = AttributeType::kFloat,
               D = AttributeType::kDouble, B = AttributeType::kBool;
constexpr auto N = AttributeFor::kNode, E = AttributeFor::kEdge;

/// A unit's text field, written to GraphML and GEXF and read back as it is.
template <std::string Unit::*M>
constexpr Attribute unit_field(const char* name, const char* json = nullptr) {
  return {name, S, N, kBothXml, unit_text<M>, json, read_text<M>};
}

/// A count on the node (depth, subtree size, reports), in GraphML and GEXF.
template <auto OrgNode::*M>
constexpr Attribute count(const char* name) { return {name, I, N, kBothXml, node_count<M>}; }

/// A drawn box coordinate or extent of the node.
template <double Drawn::*M>
constexpr Attribute drawn(const char* name, unsigned formats) { return {name, F, N, formats, drawn_number<M>}; }

/// A colour channel of the drawn node or edge, GraphML only (GEXF has viz:color).
template <std::uint8_t Drawn::*M>
constexpr Attribute channel(const char* name, AttributeFor domain = N) {
  return {name, I, domain, kGraphml, drawn_channel<M>};
}

// Gephi matches label, x, y, size, r, g, b, weight by these exact lowercase names; igraph rejects "integer"
// and list types; nobody gets a key named "id". GEXF carries label, position, size, colour and weight in
// its own XML (viz:*, label=, weight=), so those are GraphML only: graphology-gexf would merge an attribute
// titled label, x, y, z, size or color with the viz values.
constexpr Attribute kNodeAttributes[] = {
    {"label", S, N, kGraphml, label},  // the reader takes the name from it (or from yEd's label)
    {"kind", S, N, kBothXml, kind},
    {"node_type", S, N, kBothXml, node_type},
    {"unit_id", S, N, kBothXml, unit_id},
    {"parent_id", S, N, kBothXml, parent_id},
    unit_field<&Unit::group>("group"),
    {"native_name", S, N, kBothXml, native_name, nullptr, read_text<&Unit::native_name>},
    unit_field<&Unit::romanized_name>("romanized_name"),
    {"abbreviation", S, N, kBothXml, unit_list<&Unit::abbreviations, kSemicolon>, nullptr,
     read_list<&Unit::abbreviations, kSemicolon>},
    {"aliases", S, N, kBothXml, unit_list<&Unit::aliases, kSemicolon>, nullptr, read_list<&Unit::aliases, kSemicolon>},
    {"tags", S, N, kBothXml, unit_list<&Unit::tags, kSpace>, nullptr, read_list<&Unit::tags, kSpace>},
    unit_field<&Unit::type>("unit_type"),
    unit_field<&Unit::level>("level"),
    {"founded", S, N, kBothXml, founded, nullptr, read_founded},
    unit_field<&Unit::headquarters>("headquarters"),
    unit_field<&Unit::website>("website"),
    unit_field<&Unit::notes>("notes"),
    {"leaders", S, N, kBothXml, leaders},
    {"valid_from", S, N, kBothXml, node_valid<&Validity::from>, nullptr, read_unit_valid<&Validity::from>},
    {"valid_until", S, N, kBothXml, node_valid<&Validity::until>, nullptr, read_unit_valid<&Validity::until>},
    {"sources", S, N, kBothXml, node_sources},
    count<&OrgNode::depth>("depth"),
    count<&OrgNode::subtree_size>("subtree_size"),
    drawn<&Drawn::x>("x", kGraphml),
    drawn<&Drawn::y>("y", kGraphml),
    drawn<&Drawn::width>("width", kBothXml),
    drawn<&Drawn::height>("height", kBothXml),
    {"size", F, N, kGraphml, size},
    channel<&Drawn::r>("r"),
    channel<&Drawn::g>("g"),
    channel<&Drawn::b>("b"),
    count<&OrgNode::direct_reports>("direct_reports"),
    count<&OrgNode::total_reports>("total_reports"),
    unit_field<&Unit::title>("title", "title"),
    {"vacant", B, N, kBothXml, unit_flag<&Unit::vacant>, "vacant", read_flag<&Unit::vacant>},
    unit_field<&Unit::placement>("placement", "placement"),
    unit_field<&Unit::photo>("photo", "photo"),
    unit_field<&Unit::label>("card_label", "cardLabel"),
};

constexpr Attribute kEdgeAttributes[] = {
    {"label", S, E, kGraphml, edge_label},  // GEXF: the edge's label=
    {"relation", S, E, kBothXml, relation},
    {"weight", D, E, kGraphml, weight},     // GEXF: the edge's weight=
    {"amount", S, E, kBothXml, relation_text<&Relation::amount>, nullptr, nullptr,
     read_relation_text<&Relation::amount>},
    {"notes", S, E, kBothXml, relation_text<&Relation::notes>, nullptr, nullptr, read_relation_text<&Relation::notes>},
    {"sources", S, E, kBothXml, edge_sources},
    {"valid_from", S, E, kBothXml, edge_valid<&Validity::from>, nullptr, nullptr, read_relation_valid<&Validity::from>},
    {"valid_until", S, E, kBothXml, edge_valid<&Validity::until>, nullptr, nullptr,
     read_relation_valid<&Validity::until>},
    channel<&Drawn::r>("r", E),  // Gephi's GraphML importer colours edges by r, g, b
    channel<&Drawn::g>("g", E),
    channel<&Drawn::b>("b", E),
};

}  // namespace

std::span<const Attribute> node_attributes() { return kNodeAttributes; }
std::span<const Attribute> edge_attributes() { return kEdgeAttributes; }

bool is_graphml_attribute(std::string_view name, AttributeFor domain) {
  const auto list = domain == AttributeFor::kNode ? node_attributes() : edge_attributes();
  return std::any_of(list.begin(), list.end(),
                     [&](const Attribute& a) { return (a.formats & kGraphml) && name == a.name; });
}

std::string read_date_value(std::optional<Date>& out, std::string_view text) { return read_date(out, text); }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) s += sep;
    s += items[i];
  }
  return s;
}

double node_importance(std::size_t subtree_size) {
  return 10.0 + 6.0 * std::log2(static_cast<double>(subtree_size < 1 ? 1 : subtree_size));
}

std::vector<SourceField> source_fields(const Source& s) {
  return {{"id", s.id}, {"title", s.title}, {"date", s.date ? s.date->str() : ""},
          {"url", s.url}, {"file", s.file},   {"notes", s.notes}};
}

}  // namespace orgchart
