#pragma once
/// The org-chart model: plain records as read from a data file, in file order. Knows no file format,
/// no Boost and no Graphviz.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/model/date.hpp"

namespace orgchart {

struct Source {
  std::string id, title, url, file, notes;
  std::optional<Date> date;
  SourceLoc loc;
};

struct Unit {
  std::string id, name, kind, parent, group;
  /// "" (a report, drawn below its parent) or "side" (an assistant or staff position, drawn beside its parent).
  std::string placement;
  /// For a unit that is a person or position (a row of a people table): the job title shown under the name.
  std::string title;
  /// A local image file (PNG, JPEG, SVG) drawn in the card; a URL is never fetched.
  std::string photo;
  SourceLoc photo_loc;     ///< where `photo` is written, for warnings about it
  /// `photo` resolved and checked by resolve_photos() (readers/photo.hpp): an absolute path to a readable image
  /// inside the data file's folder, or "" (no photo, or one that cannot be drawn: the card shows initials).
  std::string photo_file;
  /// A position without a person: drawn as a vacancy card.
  bool vacant = false;
  /// Card text given by the data (a table's `--label` template, already filled in); empty = built from the fields.
  std::string label;
  std::string native_name, romanized_name, type, level, headquarters, website, notes;
  std::vector<std::string> abbreviations, aliases, tags, sources;
  std::optional<Date> founded;
  Validity valid;
  SourceLoc loc;
  SourceLoc parent_loc;  ///< where `parent:` is written, for errors about it
  /// Data no field above holds, by name (a yEd `url`, Gephi's `Modularity Class`, ...): carried, never drawn.
  std::map<std::string, std::string> attributes;
  /// Set by snapshot(): the chart's date falls inside the window of an uncertain `from` or `until`.
  bool uncertain = false;
};

struct Role {
  std::string unit, role, title;
  std::vector<std::string> sources;
  Validity valid;
  SourceLoc loc;
  SourceLoc unit_loc;
  bool uncertain = false;  ///< set by snapshot(): may or may not hold on the chart's date
  /// The displayed title: `title`, else the role with its first letter upper-cased and `-` as space.
  std::string display_title() const;
};

struct Person {
  std::string name, native_name, notes;
  std::vector<Role> roles;
  SourceLoc loc;
};

struct Relation {
  std::string unit, kind, target, label, amount, notes;
  std::vector<std::string> sources;
  Validity valid;
  SourceLoc loc;
  SourceLoc unit_loc, target_loc;
  /// Data no field above holds, by name (a yEd `url`, ...): carried, never drawn.
  std::map<std::string, std::string> attributes;
  bool uncertain = false;  ///< set by snapshot(): may or may not hold on the chart's date
  /// `label`, else the kind with `-` as space.
  std::string display_label() const;
};

/// How units whose colour-by value (kind by default) is `value` are drawn: a `styles:` entry. Colours `#rrggbb`.
struct ValueStyle {
  std::string value, fill, outline;
  SourceLoc loc;
};

/// Everything one data file (with its includes) says.
struct OrgModel {
  std::string title, description;
  std::vector<Source> sources;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Relation> relations;
  std::vector<std::string> files;  ///< the files read, the main one first
  std::vector<ValueStyle> styles;  ///< the `styles:` section, in file order

  const Unit* find_unit(const std::string& id) const;
  const Source* find_source(const std::string& id) const;
};

/// The unit kinds every writer has a built-in style for, in legend order. Kinds are open: any other kind is
/// valid and gets a colour of its own (writers/style.hpp).
const std::vector<std::string>& unit_kinds();

/// The model as it stood on `as_of` (nullopt = the latest state): units, roles and relations that do not hold
/// then are dropped, and so is anything that refers to a dropped unit. What may or may not hold then (the date
/// falls in the window of an uncertain `from` or `until`) is kept and marked `uncertain`.
OrgModel snapshot(const OrgModel& model, const std::optional<Date>& as_of);
/// As above, taking what it keeps from `model` (no copy of a unit's text): for a model read only to be drawn.
OrgModel snapshot(OrgModel&& model, const std::optional<Date>& as_of);

}  // namespace orgchart
