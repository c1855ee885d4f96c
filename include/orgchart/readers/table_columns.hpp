#pragma once
/// Which column of a table holds what: headers matched ignoring case, spaces, underscores, hyphens and dots,
/// against documented synonyms (README "From a spreadsheet"), overridden by `--columns role=Header,...`.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/readers/table_csv.hpp"

namespace orgchart {

/// What a column can mean. `kFirstName` + `kLastName` make a name when there is no name column.
enum class ColumnRole {
  kId, kParent, kName, kFirstName, kLastName, kTitle, kGroup, kKind, kPhoto, kFrom, kUntil, kAssistant,
  kDottedLine, kEmail, kVacant,
};
inline constexpr std::size_t kColumnRoleCount = 15;

/// The role's name in `--columns` (`id`, `parent`, `first_name`, `dotted_line`, ...).
const char* column_role_name(ColumnRole role);
/// Header spellings recognised for a role, normalised, in order of preference.
const std::vector<std::string>& column_synonyms(ColumnRole role);
/// Lower-cased ASCII with spaces, underscores, hyphens and dots removed: "Reports-To" -> "reportsto".
std::string normalize_header(const std::string& header);

/// Headers quoted for a message, `'id', 'name', ...`: the first kListedHeaders, each cut to kListedHeaderBytes
/// (a wrong delimiter makes one header of the whole line; a hostile one a million headers), then how many more.
std::string header_list(const std::vector<std::string>& headers);
inline constexpr std::size_t kListedHeaders = 30;
inline constexpr std::size_t kListedHeaderBytes = 60;

/// The columns of one table: for each role the column index (nullopt = absent), and the header texts.
struct TableColumns {
  std::array<std::optional<std::size_t>, kColumnRoleCount> role;
  std::vector<std::string> headers;
  bool email_is_id = false;  ///< no id column: the e-mail column is the key

  std::optional<std::size_t> operator[](ColumnRole r) const { return role[static_cast<std::size_t>(r)]; }
  /// True when column `i` is used by a role whose value has a field of its own (not kept as an attribute).
  bool is_field(std::size_t i) const;
};

/// Detects the roles of `header`'s columns; `overrides` is `--columns` (`role=Header,...`, may be empty).
/// Unknown role names (did you mean), headers not in the table (listing them), a header named twice and a
/// table without a name column are diagnostics against `file`.
TableColumns detect_columns(const TableRecord& header, const std::string& overrides, const std::string& file,
                            std::vector<Diagnostic>& diags);

/// A `--label` template: literal text and `{Column}` references (header text, matched as headers are), `\n`
/// for a line break, `{{` and `}}` for braces.
class LabelTemplate {
 public:
  /// Parses `text` against the headers; unknown columns and unclosed braces are diagnostics against `file`.
  LabelTemplate(const std::string& text, const std::vector<std::string>& headers, const std::string& file,
                std::vector<Diagnostic>& diags);
  bool empty() const { return parts_.empty(); }
  /// The label of one row; missing fields read as empty, and blank lines left by them are dropped.
  std::string fill(const TableRecord& row) const;

 private:
  struct Part {
    std::string text;
    std::optional<std::size_t> column;
  };
  std::vector<Part> parts_;
};

}  // namespace orgchart
