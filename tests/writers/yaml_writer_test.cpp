#include "orgchart/writers/yaml_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/graphml_writer.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

std::string graphml_of(const OrgModel& m) {
  const OrgGraph g = build_graph(m, {});
  std::ostringstream out;
  write_graphml(out, g, test::fixed_layout(g), GraphmlOptions{GraphmlDialect::kPlain});
  return out.str();
}

std::string yaml_of(const OrgModel& m) {
  std::ostringstream out;
  write_yaml(out, m);
  return out.str();
}

TEST(YamlWriter, WhatItWritesReadsBackToTheSameGraph) {
  // Text built to break every format (quotes, colons, '#', line breaks, non-ASCII, YAML-looking words).
  // The flagship data too, with its includes (party-state.yaml includes ild.yaml): people, relations, dates.
  for (const char* file : {"tests/data/yaml/valid/tricky.yaml", "data/ild.yaml", "data/party-state.yaml"}) {
    const OrgModel m = load_org_file(file).model;
    const std::string yaml = yaml_of(m);
    const OrgModel back = load_org_string(yaml, "back.yaml").model;
    EXPECT_EQ(graphml_of(back), graphml_of(m)) << file;
    EXPECT_EQ(yaml_of(back), yaml) << file;
  }
}

TEST(YamlWriter, TableFieldsSurvive) {
  OrgModel m;
  Unit u;
  u.id = "a@x.org";
  u.name = "yes";
  u.kind = "person";
  u.title = "true";
  u.photo = "p.png";
  u.label = "A\nB: c";
  u.vacant = true;
  u.placement = "side";
  u.attributes = {{"Desk #", "null"}, {"z", "- x"}};
  m.units.push_back(u);
  const std::string yaml = yaml_of(m);
  const OrgModel back = load_org_string(yaml, "back.yaml").model;
  ASSERT_EQ(back.units.size(), 1u);
  const Unit& b = back.units[0];
  EXPECT_EQ(b.id, u.id);
  EXPECT_EQ(b.name, "yes");
  EXPECT_EQ(b.title, "true");
  EXPECT_EQ(b.photo, "p.png");
  EXPECT_EQ(b.label, "A\nB: c");
  EXPECT_TRUE(b.vacant);
  EXPECT_EQ(b.placement, "side");
  EXPECT_EQ(b.attributes, u.attributes);
}

}  // namespace
}  // namespace orgchart
