// The ILD dataset against the checklist of what the seeds state (tests/data/seed_inventory.yaml).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "orgchart/readers/yaml_reader.hpp"

namespace orgchart {
namespace {

class IldData : public ::testing::Test {
 protected:
  void SetUp() override {
    model_ = load_org_file("data/ild.yaml").model;
    inventory_ = YAML::LoadFile("tests/data/seed_inventory.yaml");
  }

  /// Units whose name or alias is exactly `name`.
  std::vector<const Unit*> units_named(const std::string& name) const {
    std::vector<const Unit*> out;
    for (const auto& u : model_.units)
      if (u.name == name || std::find(u.aliases.begin(), u.aliases.end(), name) != u.aliases.end()) out.push_back(&u);
    return out;
  }

  OrgModel model_;
  YAML::Node inventory_;
};

TEST_F(IldData, EveryOrganizationOfTheSeedsIsOneUnitOnce) {
  std::set<std::string> matched;
  ASSERT_GT(inventory_["units"].size(), 25u);
  for (const auto& entry : inventory_["units"]) {
    std::set<std::string> ids;
    for (const auto& n : entry["names"]) {
      const std::string name = n.as<std::string>();
      const auto found = units_named(name);
      EXPECT_EQ(found.size(), 1u) << "'" << name << "' should name exactly one unit";
      for (const Unit* u : found) ids.insert(u->id);
    }
    EXPECT_EQ(ids.size(), 1u) << "all spellings of one organization must be one unit: " << entry["names"];
    for (const auto& id : ids) EXPECT_TRUE(matched.insert(id).second) << "two inventory entries map to unit " << id;
  }
  // Nothing invented: every unit of the file is an organization of the checklist.
  for (const auto& u : model_.units) EXPECT_TRUE(matched.count(u.id)) << "unit '" << u.id << "' is not in the seeds' checklist";
}

TEST_F(IldData, TheTwoCentersForContemporaryWorldStudiesAreOneNode) {
  const auto a = units_named("Center for Contemporary World Studies");
  const auto b = units_named("China Center for Contemporary World Studies");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0], b[0]);
}

TEST_F(IldData, PeopleHoldTheirRolesInTheSnapshotsThatStateThem) {
  // The 2024 copy is dated 2024-01-30 or later: before that day its state holds for certain. Between it and the
  // end of 2025 (the 2025 revision) a role only one copy states may or may not hold: kept, marked uncertain.
  const auto in_2024 = snapshot(model_, parse_date("2024-01-29"));
  const auto between = snapshot(model_, parse_date("2025-06-01"));
  const auto latest = snapshot(model_, std::nullopt);
  auto holds = [](const OrgModel& m, const std::string& name, const std::string& unit, const std::string& role,
                  bool uncertain = false) {
    int n = 0;
    for (const auto& p : m.people)
      for (const auto& r : p.roles) n += p.name == name && r.unit == unit && r.role == role && r.uncertain == uncertain;
    return n;
  };
  std::size_t count = 0;
  for (const auto& e : inventory_["people"]) {
    const auto name = e["name"].as<std::string>(), unit = e["unit"].as<std::string>(), role = e["role"].as<std::string>();
    std::set<std::string> seeds;
    for (const auto& s : e["seeds"]) seeds.insert(s.as<std::string>());
    EXPECT_EQ(holds(model_, name, unit, role), 1) << name << " " << role << " once in the data";
    EXPECT_EQ(holds(in_2024, name, unit, role), seeds.count("wiki-2024") ? 1 : 0) << name << " as of 2024-01-29";
    EXPECT_EQ(holds(between, name, unit, role, seeds.size() == 1), 1) << name << " as of 2025-06-01";
    EXPECT_EQ(holds(latest, name, unit, role), seeds.count("wiki-2025") ? 1 : 0) << name << " latest";
    for (const auto& p : model_.people) {
      for (const auto& r : p.roles) {
        if (p.name != name || r.unit != unit || r.role != role) continue;
        for (const auto& s : seeds)
          EXPECT_NE(std::find(r.sources.begin(), r.sources.end(), s), r.sources.end()) << name << " cites " << s;
      }
    }
    ++count;
  }
  std::size_t roles = 0;
  for (const auto& p : model_.people) roles += p.roles.size();
  EXPECT_EQ(roles, count) << "every role in the data is in the checklist";
}

TEST_F(IldData, EveryStatedRelationOnce) {
  std::size_t count = 0;
  for (const auto& e : inventory_["relations"]) {
    int n = 0;
    for (const auto& r : model_.relations)
      n += r.unit == e["unit"].as<std::string>() && r.kind == e["kind"].as<std::string>() &&
           r.target == e["target"].as<std::string>();
    EXPECT_EQ(n, 1) << e;
    ++count;
  }
  EXPECT_EQ(model_.relations.size(), count) << "no relation the checklist does not list";
}

TEST_F(IldData, FourteenOfficesEightOfThemRegionalBureaus) {
  // "The department has 14 offices, 8 of which are regional bureaus." The seeds do not say which 14 of the 17
  // internal units are the offices; what the data can be held to: 8 regional bureaus, First to Eighth, among
  // at least 14 internal units, and the statement itself kept in the ILD's notes.
  const Unit* ild = model_.find_unit("ild");
  ASSERT_TRUE(ild);
  EXPECT_NE(ild->notes.find("14 offices, 8 of which are regional bureaus"), std::string::npos);
  std::vector<const Unit*> internal, regional;
  for (const auto& u : model_.units) {
    if (u.parent != "ild" || u.group != "Internal organization") continue;
    internal.push_back(&u);
    if (std::find(u.tags.begin(), u.tags.end(), "regional-bureau") != u.tags.end()) regional.push_back(&u);
  }
  EXPECT_EQ(internal.size(), 17u);
  EXPECT_GE(internal.size(), 14u);
  ASSERT_EQ(regional.size(), 8u);
  const char* ordinals[] = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"};
  for (std::size_t i = 0; i < 8; ++i) {
    const std::string ordinal = std::string(ordinals[i]) + " Bureau";
    EXPECT_NE(std::find(regional[i]->aliases.begin(), regional[i]->aliases.end(), ordinal), regional[i]->aliases.end())
        << regional[i]->id << " should be known as " << ordinal;
    EXPECT_EQ(regional[i]->kind, "bureau");
  }
}

TEST_F(IldData, EveryFactCitesASource) {
  for (const auto& u : model_.units) EXPECT_FALSE(u.sources.empty()) << u.id;
  for (const auto& p : model_.people)
    for (const auto& r : p.roles) EXPECT_FALSE(r.sources.empty()) << p.name;
  for (const auto& r : model_.relations) EXPECT_FALSE(r.sources.empty()) << r.unit << " " << r.kind;
  ASSERT_EQ(model_.sources.size(), 2u);
  EXPECT_EQ(model_.sources[0].date->str(), "2024");
  EXPECT_EQ(model_.sources[1].date->str(), "2025");
}

}  // namespace
}  // namespace orgchart
