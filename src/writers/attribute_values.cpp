#include "orgchart/writers/attribute_values.hpp"

#include "orgchart/writers/escape.hpp"
#include "orgchart/writers/number.hpp"

namespace orgchart {

namespace {

Drawn with_colour(Drawn d, const Rgb& c) {
  d.r = c.r;
  d.g = c.g;
  d.b = c.b;
  return d;
}

}  // namespace

const KindStyle& node_style(const OrgGraph& g, const ColourScheme& colours, Vertex v) {
  return g.graph[v].type == NodeType::kUnit ? colours.entry_of(g.unit(v)).style : other_node_style();
}

Drawn drawn_node(const OrgGraph& g, const Layout& layout, const ColourScheme& colours, Vertex v) {
  Drawn d;
  if (!layout.empty()) {
    const Point c = layout.centre[v];
    d.x = c.x;
    d.y = layout.bounds.height - c.y;  // Gephi's y points up
    d.width = layout.size[v].width;
    d.height = layout.size[v].height;
  }
  const Change change = g.graph[v].change;
  return with_colour(d, change == Change::kNone ? node_style(g, colours, v).border : parse_rgb(change_colour(change)));
}

Drawn drawn_edge(const OrgGraph& g, Edge e) {
  const Change change = g.graph[e].change;
  return with_colour({}, change == Change::kNone ? relation_colour(g.graph[e].relation) : parse_rgb(change_colour(change)));
}

std::optional<std::string_view> value_string(const AttributeValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* s = std::get_if<std::string_view>(&v)) return *s;
  return std::nullopt;
}

std::string value_text(const AttributeValue& v) {
  if (const auto s = value_string(v)) return std::string(*s);
  if (const auto* i = std::get_if<long long>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return format_number(*d);
  return std::get<bool>(v) ? "true" : "false";
}

std::string graphml_text(const AttributeValue& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "1" : "0";
  return value_text(v);
}

std::string value_json(const AttributeValue& v) {
  if (const auto s = value_string(v)) return json_quote(*s);
  return value_text(v);
}

const char* graphml_type(AttributeType t) {
  switch (t) {
    case AttributeType::kString: return "string";
    case AttributeType::kInt: return "int";
    case AttributeType::kFloat: return "float";
    case AttributeType::kDouble: return "double";
    case AttributeType::kBool: return "int";
  }
  return "string";
}

const char* gexf_type(AttributeType t) {
  switch (t) {
    case AttributeType::kString: return "string";
    case AttributeType::kInt: return "integer";
    case AttributeType::kFloat:
    case AttributeType::kDouble: return "double";
    case AttributeType::kBool: return "boolean";
  }
  return "string";
}

}  // namespace orgchart
