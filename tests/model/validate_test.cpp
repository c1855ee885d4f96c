#include "orgchart/model/validate.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

#include "orgchart/readers/yaml_reader.hpp"

namespace orgchart {
namespace {

using test::errors_of;

TEST(Validate, UnknownParentSuggestsTheClosestId) {
  EXPECT_EQ(errors_of("units:\n  - {id: ild, name: ILD, kind: department}\n"
                      "  - {id: x, name: X, kind: office, parent: ild2}\n"),
            "t.yaml:3:44: error: unknown parent 'ild2' (did you mean 'ild'?)\n"
            "      - {id: x, name: X, kind: office, parent: ild2}\n"
            "                                               ^\n");
}

TEST(Validate, DuplicateIdsNameTheFirstDefinition) {
  EXPECT_EQ(errors_of("units:\n  - {id: a, name: A, kind: office}\n  - {id: a, name: B, kind: office}\n"),
            "t.yaml:3:5: error: duplicate unit id 'a' (first defined at t.yaml:2:5); give each unit its own id, or "
            "merge the two\n"
            "      - {id: a, name: B, kind: office}\n"
            "        ^\n");
}

TEST(Validate, CycleIsReportedOnceWithItsPath) {
  const std::string text =
      "units:\n  - {id: a, name: A, kind: office, parent: c}\n  - {id: b, name: B, kind: office, parent: a}\n"
      "  - {id: c, name: C, kind: office, parent: b}\n  - {id: d, name: D, kind: office, parent: c}\n";
  EXPECT_EQ(errors_of(text),
            "t.yaml:2:44: error: the hierarchy has a cycle: a -> c -> b -> a; a unit cannot be its own ancestor, "
            "change one 'parent'\n"
            "      - {id: a, name: A, kind: office, parent: c}\n"
            "                                               ^\n");
}

TEST(Validate, SelfParent) {
  EXPECT_NE(errors_of("units:\n  - {id: a, name: A, kind: office, parent: a}\n").find("is its own parent"),
            std::string::npos);
}

TEST(Validate, KindsAreOpenButALoneNearMissOfAKnownKindWarns) {
  // Used once and two edits from 'bureau': most likely a typo, so a warning (the file still loads).
  auto r = load_org_string("units:\n  - {id: a, name: A, kind: burea}\n  - {id: b, name: B, kind: squad, parent: a}\n"
                           "  - {id: c, name: C, kind: squad, parent: a}\n  - {id: d, name: D, kind: offise, parent: a}\n"
                           "  - {id: e, name: E, kind: offise, parent: a}\n",
                           "t.yaml");
  std::string warnings;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::kWarning) warnings += format_diagnostic(d);
  // 'squad' is far from every known kind and 'offise' is used twice (meant): neither warns.
  EXPECT_EQ(warnings,
            "t.yaml:2:5: warning: unit 'a' has kind 'burea', used by no other unit (did you mean 'bureau'?); kinds "
            "are open, so it is drawn as a kind of its own\n"
            "      - {id: a, name: A, kind: burea}\n"
            "        ^\n");
  EXPECT_EQ(r.model.units[1].kind, "squad");
}

TEST(Validate, CoHeadsMayOverlapButAHeadMayNotOverlapACoHead) {
  const std::string ok = "units:\n  - {id: a, name: A, kind: office}\npeople:\n"
                         "  - {name: P, unit: a, role: co-head, from: 2020}\n  - {name: Q, unit: a, role: co-head, from: 2021}\n";
  EXPECT_EQ(errors_of(ok), "(no error)");
  const std::string mixed = "units:\n  - {id: a, name: A, kind: office}\npeople:\n"
                            "  - {name: P, unit: a, role: co-head, from: 2020}\n  - {name: Q, unit: a, role: head, from: 2021}\n"
                            "  - {name: R, unit: a, role: co-head, from: 2022}\n";
  EXPECT_EQ(errors_of(mixed),
            "t.yaml:5:5: error: 'Q' and 'P' are both head of 'a' at the same time; give the earlier one an 'until' no "
            "later than the other's 'from', or make both 'role: co-head' if they lead it together\n"
            "      - {name: Q, unit: a, role: head, from: 2021}\n"
            "        ^\n"
            "t.yaml:6:5: error: 'R' and 'Q' are both head of 'a' at the same time; give the earlier one an 'until' no "
            "later than the other's 'from', or make both 'role: co-head' if they lead it together\n"
            "      - {name: R, unit: a, role: co-head, from: 2022}\n"
            "        ^\n");
  // A co-head after the head has left is fine.
  EXPECT_EQ(errors_of("units:\n  - {id: a, name: A, kind: office}\npeople:\n"
                      "  - {name: P, unit: a, role: head, until: 2020}\n  - {name: Q, unit: a, role: co-head, from: 2020}\n"
                      "  - {name: R, unit: a, role: co-head, from: 2020}\n"),
            "(no error)");
}

TEST(Validate, UntilBeforeFromAndOverlappingHeads) {
  const std::string text = R"(units:
  - {id: a, name: A, kind: office}
people:
  - {name: P, unit: a, role: head, from: 2020, until: 2024}
  - {name: Q, unit: a, role: head, from: 2023}
  - {name: R, unit: a, role: deputy-head, from: 2024, until: 2023}
)";
  EXPECT_EQ(errors_of(text),
            "t.yaml:5:5: error: 'Q' and 'P' are both head of 'a' at the same time; give the earlier one an 'until' no "
            "later than the other's 'from', or make both 'role: co-head' if they lead it together\n"
            "      - {name: Q, unit: a, role: head, from: 2023}\n"
            "        ^\n"
            "t.yaml:6:5: error: the role of 'R' has 'until: 2023' not after 'from: 2024'; 'until' is the first date "
            "on which it no longer holds\n"
            "      - {name: R, unit: a, role: deputy-head, from: 2024, until: 2023}\n"
            "        ^\n");
}

TEST(Validate, SuccessiveHeadsDoNotOverlap) {
  EXPECT_EQ(errors_of("units:\n  - {id: a, name: A, kind: office}\npeople:\n"
                      "  - {name: P, unit: a, role: head, until: 2025}\n  - {name: Q, unit: a, role: head, from: 2025}\n"),
            "(no error)");
}

TEST(Validate, UnknownSourceAndUnknownUnitsInRelations) {
  const std::string text = R"(sources:
  - {id: wiki, title: W}
units:
  - {id: a, name: A, kind: office, sources: [wikk]}
relations:
  - {unit: a, kind: funds, target: b, sources: [wiki]}
)";
  EXPECT_EQ(errors_of(text),
            "t.yaml:4:5: error: unknown source 'wikk' cited by unit 'a' (did you mean 'wiki'?); declare it under "
            "'sources:'\n"
            "      - {id: a, name: A, kind: office, sources: [wikk]}\n"
            "        ^\n"
            "t.yaml:6:36: error: unknown unit 'b' in the 'target' of a relation\n"
            "      - {unit: a, kind: funds, target: b, sources: [wiki]}\n"
            "                                       ^\n");
}

TEST(Validate, WarningsAndNotesDoNotFail) {
  auto r = load_org_string("sources:\n  - {id: s, title: S}\nunits:\n  - {id: a, name: A, kind: office}\n", "t.yaml");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            "t.yaml:4:5: note: unit 'a' has no parent: it is drawn as a separate root\n"
            "      - {id: a, name: A, kind: office}\n"
            "        ^\n");
  EXPECT_EQ(r.diagnostics[1].severity, Severity::kWarning);
}

TEST(Validate, FiveDifferentMistakesGiveFiveErrors) {
  const std::string text = R"(units:
  - {id: cc, name: CC, kind: party-organ}
  - {id: ild, name: ILD, kind: department, parent: cc, from: 2020-13}
  - {id: bureau, name: "", kind: bureau, parent: ild}
  - {id: ild, name: Again, kind: office, parent: cc}
  - {id: x, name: X, kind: office, parent: ild2, colour: red}
)";
  const std::string got = errors_of(text);
  std::size_t count = 0;
  for (std::size_t p = 0; (p = got.find(": error: ", p)) != std::string::npos; ++p) ++count;
  EXPECT_EQ(count, 5u) << got;
}

TEST(Validate, DeepChainHasNoRecursion) {
  const int n = 100000;
  OrgModel m = test::make_chain(n);
  m.units[0].parent = "u" + std::to_string(n - 1);  // one cycle through all of them
  auto ds = validate(m);
  std::size_t cycles = 0;
  for (const auto& d : ds) cycles += d.message.find("cycle") != std::string::npos;
  EXPECT_EQ(cycles, 1u);
}

TEST(Validate, DidYouMean) {
  EXPECT_EQ(did_you_mean("parnet", {"parent", "name"}), "parent");
  EXPECT_EQ(did_you_mean("zzzzzz", {"parent", "name"}), "");
}

// Issue 8, finding 8: the suggestion was quadratic in the id's length (2 MB: more than 60 s).
TEST(DidYouMean, IsBoundedForLongWords) {
  EXPECT_EQ(did_you_mean("departmnet", {"department", "office"}), "department");
  EXPECT_EQ(did_you_mean("abc", {"xyz"}), "");
  const std::string huge(2 << 20, 'a');
  std::string near = huge;
  near.back() = 'b';
  // No suggestion past the length cap, whatever the candidates; returns at once.
  EXPECT_EQ(did_you_mean(huge, {near, huge + "c"}), "");
  // Within the cap, the banded distance still finds the close one among many far ones.
  std::vector<std::string> many(20000, std::string(100, 'z'));
  many.push_back(std::string(99, 'a') + "b");
  EXPECT_EQ(did_you_mean(std::string(100, 'a'), many), std::string(99, 'a') + "b");
}

}  // namespace
}  // namespace orgchart
