#include "orgchart/model/diff.hpp"

#include <gtest/gtest.h>

#include "orgchart/readers/yaml_reader.hpp"
#include "orgchart/writers/diff_writer.hpp"

namespace orgchart {
namespace {

// One file, two dates: in 2020 'b' is renamed and 'c' moves, 'd' is dissolved, 'e' is founded, a relation ends
// and another starts, and the head changes.
const char* kHistory = R"(units:
  - {id: a, name: A, kind: department}
  - {id: b, name: Old B, kind: office, parent: a, until: 2020}
  - {id: b2, name: New B, kind: office, parent: a, from: 2020}
  - {id: c, name: C, kind: office, parent: a}
  - {id: d, name: D, kind: office, parent: a, until: 2020}
  - {id: e, name: E, kind: office, parent: c, from: 2020}
people:
  - {name: P, unit: a, role: head, until: 2020}
  - {name: Q, unit: a, role: head, from: 2020}
relations:
  - {unit: c, kind: funds, target: d, until: 2020}
  - {unit: c, kind: operates, target: e, from: 2020}
)";

TEST(Diff, UnitsRolesAndRelationsBetweenTwoDates) {
  const OrgModel m = load_org_string(kHistory, "t.yaml").model;
  const OrgDiff d = diff_models(snapshot(m, parse_date("2019")), snapshot(m, parse_date("2021")));
  std::ostringstream text;
  write_diff_text(text, d, snapshot(m, parse_date("2019")), snapshot(m, parse_date("2021")), {"2019", "2021"});
  EXPECT_EQ(text.str(),
            "Changes from 2019 to 2021:\n\n"
            "Units\n"
            "  + added   New B [b2]\n"
            "  + added   E [e]\n"
            "  - removed Old B [b]\n"
            "  - removed D [d]\n\n"
            "People\n"
            "  + Q took the role Head of A [a]\n"
            "  - P left the role Head of A [a]\n\n"
            "Relations\n"
            "  + C [c] operates E [e]\n"
            "  - C [c] funds D [d]\n\n"
            "4 unit, 2 role and 2 relation changes\n");
}

TEST(Diff, TextReportShowsControlCharactersInDataEscaped) {
  // A name from a table cell or YAML string may hold a newline (which would forge a report line), ESC and C1 CSI
  // sequences (which a terminal obeys): each is shown as \xNN, on the line of its change.
  OrgModel before = load_org_string("units:\n  - {id: a, name: A, kind: office}\n", "t.yaml").model, after = before;
  after.units[0].name = "B\x1b]0;title\x07\n  - removed CEO [ceo]\xC2\x9B" "2J \xC3\xA9";
  const OrgDiff d = diff_models(before, after);
  std::ostringstream text;
  write_diff_text(text, d, before, after, {"before\r", "after"});
  EXPECT_EQ(text.str(),
            "Changes from before\\x0d to after:\n\n"
            "Units\n"
            "  ~ renamed [a]: A -> B\\x1b]0;title\\x07\\x0a  - removed CEO [ceo]\\xc2\\x9b2J \xC3\xA9\n\n"
            "1 unit, 0 role and 0 relation changes\n");
}

TEST(Diff, RenamedAndMovedUnitsKeepTheirId) {
  OrgModel before = load_org_string(kHistory, "t.yaml").model, after = before;
  after.units[3].name = "Renamed C";   // c
  after.units[3].parent = "b";         // moved under b
  const OrgDiff d = diff_models(snapshot(before, parse_date("2019")), snapshot(after, parse_date("2019")));
  ASSERT_EQ(d.units.size(), 2u);
  EXPECT_EQ(d.units[0].kind, UnitDiff::Kind::kRenamed);
  EXPECT_EQ(d.units[0].before, "C");
  EXPECT_EQ(d.units[0].after, "Renamed C");
  EXPECT_EQ(d.units[1].kind, UnitDiff::Kind::kMoved);
  EXPECT_EQ(d.units[1].before, "a");
  EXPECT_EQ(d.units[1].after, "b");
  EXPECT_TRUE(d.roles.empty());
  EXPECT_TRUE(d.relations.empty());
}

TEST(Diff, SameStateIsEmptyAndMergedStatesHoldBoth) {
  const OrgModel m = load_org_string(kHistory, "t.yaml").model;
  EXPECT_TRUE(diff_models(snapshot(m, parse_date("2019")), snapshot(m, parse_date("2019"))).empty());
  const OrgModel merged = merge_states(snapshot(m, parse_date("2019")), snapshot(m, parse_date("2021")));
  EXPECT_EQ(merged.units.size(), 6u);
  EXPECT_EQ(merged.relations.size(), 2u);
  for (const auto& u : merged.units) EXPECT_FALSE(u.valid.from || u.valid.until) << u.id;
}

}  // namespace
}  // namespace orgchart
