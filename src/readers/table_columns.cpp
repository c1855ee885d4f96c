#include "orgchart/readers/table_columns.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "orgchart/error.hpp"  // utf8_sequence_length
#include "orgchart/model/validate.hpp"
#include "orgchart/readers/whitespace.hpp"

namespace orgchart {

namespace {

struct RoleInfo {
  ColumnRole role;
  const char* name;
  std::vector<std::string> synonyms;  // normalised; the first matching column in this order wins
  bool field;                         // has a model field of its own (else the column is also an attribute)
};

const std::vector<RoleInfo>& roles() {
  static const std::vector<RoleInfo> kRoles = {
      {ColumnRole::kId, "id", {"id", "employeeid", "personid", "unitid", "key", "empid", "employeeno", "employeenumber", "staffid", "userid", "nodeid", "personnelno", "personnelnumber", "persno", "workerid", "staffno", "staffnumber"}, true},
      {ColumnRole::kParent, "parent", {"parentid", "managerid", "reportstoid", "supervisorid", "parent", "manager", "reportsto", "supervisor", "superior", "linemanager", "boss", "parentunit", "managername", "manageremail", "parentname"}, true},
      {ColumnRole::kName, "name", {"name", "fullname", "displayname", "employeename", "personname", "unitname"}, true},
      {ColumnRole::kFirstName, "first_name", {"firstname", "givenname", "forename"}, false},
      {ColumnRole::kLastName, "last_name", {"lastname", "surname", "familyname"}, false},
      {ColumnRole::kTitle, "title", {"title", "jobtitle", "position", "positiontitle", "role"}, true},
      {ColumnRole::kGroup, "group", {"group", "department", "division", "team", "dept", "businessunit"}, true},
      {ColumnRole::kKind, "kind", {"kind", "nodekind"}, true},
      {ColumnRole::kPhoto, "photo", {"photo", "image", "imageurl", "avatar", "picture", "photourl", "avatarurl", "imagepath"}, true},
      {ColumnRole::kFrom, "from", {"from", "start", "startdate", "hiredate", "validfrom", "since"}, true},
      {ColumnRole::kUntil, "until", {"until", "end", "enddate", "validuntil", "leftdate", "terminationdate"}, true},
      {ColumnRole::kAssistant, "assistant", {"assistant", "isassistant", "placement", "staffposition"}, true},
      {ColumnRole::kDottedLine, "dotted_line", {"dottedline", "dottedlinemanager", "dottedlinemanagers", "dottedlinemanagerid", "dottedlinemanagerids", "dottedlinereportsto", "matrixmanager", "matrixmanagers", "secondarymanager", "secondarymanagers"}, true},
      {ColumnRole::kEmail, "email", {"email", "emailaddress", "mail", "workemail"}, false},
      {ColumnRole::kVacant, "vacant", {"vacant", "isvacant", "vacancy"}, true},
  };
  return kRoles;
}

const RoleInfo& info(ColumnRole r) { return roles()[static_cast<std::size_t>(r)]; }

/// did_you_mean over headers, ignoring case, spaces and underscores; the header as written.
std::string header_hint(const std::string& word, const std::vector<std::string>& headers) {
  std::vector<std::string> normalized;
  for (const auto& h : headers) normalized.push_back(normalize_header(h));
  const std::string best = did_you_mean(normalize_header(word), normalized);
  if (best.empty()) return "";
  return headers[static_cast<std::size_t>(std::find(normalized.begin(), normalized.end(), best) - normalized.begin())];
}

}  // namespace

const char* column_role_name(ColumnRole role) { return info(role).name; }
const std::vector<std::string>& column_synonyms(ColumnRole role) { return info(role).synonyms; }

std::string header_list(const std::vector<std::string>& headers) {
  std::string s;
  for (std::size_t i = 0; i < headers.size() && i < kListedHeaders; ++i) {
    std::size_t n = 0;  // bytes of the header shown: whole UTF-8 sequences, kListedHeaderBytes at most
    while (n < headers[i].size()) {
      const std::size_t len = std::max<std::size_t>(1, utf8_sequence_length(headers[i], n));
      if (n + len > kListedHeaderBytes) break;
      n += len;
    }
    s += (i ? ", '" : "'") + headers[i].substr(0, n) + (n < headers[i].size() ? "...'" : "'");
  }
  if (headers.size() > kListedHeaders) s += " and " + std::to_string(headers.size() - kListedHeaders) + " more";
  return s;
}

std::string normalize_header(const std::string& header) {
  std::string out;
  for (char c : trim(header)) {
    if (c == ' ' || c == '_' || c == '-' || c == '.') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool TableColumns::is_field(std::size_t i) const {
  for (std::size_t r = 0; r < kColumnRoleCount; ++r)
    if (role[r] == i && roles()[r].field && !(email_is_id && static_cast<ColumnRole>(r) == ColumnRole::kEmail))
      return true;
  return false;
}

TableColumns detect_columns(const TableRecord& header, const std::string& overrides, const std::string& file,
                            std::vector<Diagnostic>& diags) {
  TableColumns cols;
  std::vector<std::string> normalized;
  // Trailing delimiters on the header line ("id,name,") make empty headers at the end: not columns.
  std::size_t width = header.fields.size();
  while (width > 1 && trim(header.fields[width - 1].text).empty()) --width;
  for (std::size_t i = 0; i < width; ++i) {
    cols.headers.emplace_back(trim(header.fields[i].text));
    normalized.push_back(normalize_header(header.fields[i].text));
  }
  auto error_at = [&](const TableField* f, std::string msg) {
    diags.push_back({Severity::kError, f ? SourceLoc{file, f->line, f->column} : SourceLoc{file, 0, 0}, std::move(msg), {}});
  };
  // Headers must be unique: a second 'Name' would be an attribute that overwrites the first. (Hashed: a header
  // row may have thousands of columns.)
  std::unordered_map<std::string_view, std::size_t> first_column;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    if (cols.headers[i].empty()) {
      error_at(&header.fields[i], "column " + std::to_string(i + 1) + " has no header; name it (or delete the column)");
      continue;
    }
    const auto [j, fresh] = first_column.emplace(cols.headers[i], i);
    if (!fresh)
      error_at(&header.fields[i], "column '" + cols.headers[i] + "' appears twice (columns " +
                                      std::to_string(j->second + 1) + " and " + std::to_string(i + 1) + "); rename one");
  }
  // --columns first: what it names is taken.
  std::vector<bool> forced(kColumnRoleCount, false);
  std::size_t start = 0;
  while (start < overrides.size()) {
    std::size_t end = overrides.find(',', start);
    if (end == std::string::npos) end = overrides.size();
    const std::string item = overrides.substr(start, end - start);
    start = end + 1;
    if (trim(item).empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      error_at(nullptr, "--columns: '" + item + "' is not ROLE=HEADER (e.g. --columns id=EmpNo,parent=Boss)");
      continue;
    }
    const std::string role(trim(item.substr(0, eq))), column(trim(item.substr(eq + 1)));
    std::vector<std::string> names;
    std::optional<std::size_t> r;
    for (std::size_t k = 0; k < kColumnRoleCount; ++k) {
      names.push_back(roles()[k].name);
      if (normalize_header(role) == normalize_header(roles()[k].name)) r = k;
    }
    if (!r) {
      std::string hint = did_you_mean(role, names);
      std::string msg = "--columns: unknown role '" + role + "'";
      if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
      msg += "; the roles are ";
      for (std::size_t k = 0; k < names.size(); ++k) msg += (k ? ", " : "") + names[k];
      error_at(nullptr, msg);
      continue;
    }
    std::optional<std::size_t> col;
    for (std::size_t i = 0; i < cols.headers.size() && !col; ++i)
      if (cols.headers[i] == column) col = i;
    for (std::size_t i = 0; i < cols.headers.size() && !col; ++i)
      if (normalize_header(cols.headers[i]) == normalize_header(column)) col = i;
    if (!col) {
      std::string hint = header_hint(column, cols.headers);
      error_at(nullptr, "--columns: the table has no column '" + column + "' for " + role +
                            (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; its columns are " +
                            header_list(cols.headers));
      continue;
    }
    cols.role[*r] = col;
    forced[*r] = true;
  }
  // Then the synonyms, each column used by one role at most, roles in table order of preference.
  std::vector<bool> taken(cols.headers.size(), false);
  for (std::size_t r = 0; r < kColumnRoleCount; ++r)
    if (cols.role[r]) taken[*cols.role[r]] = true;
  for (std::size_t r = 0; r < kColumnRoleCount; ++r) {
    if (forced[r]) continue;
    for (const auto& syn : roles()[r].synonyms) {
      auto it = std::find(normalized.begin(), normalized.end(), syn);
      if (it == normalized.end()) continue;
      const auto i = static_cast<std::size_t>(it - normalized.begin());
      if (taken[i]) continue;
      cols.role[r] = i;
      taken[i] = true;
      break;
    }
  }
  // HR systems name the manager column in their own words ("Manager Personnel No.", "Reports To (ID)"): a header
  // that names a manager is the parent column when no synonym matched, and a warning says which was taken.
  if (!forced[static_cast<std::size_t>(ColumnRole::kParent)] && !cols[ColumnRole::kParent]) {
    for (std::size_t i = 0; i < normalized.size() && !cols[ColumnRole::kParent]; ++i) {
      if (taken[i]) continue;
      const std::string& h = normalized[i];
      auto has = [&](const char* w) { return h.find(w) != std::string::npos; };
      if ((has("manager") || has("reportsto") || has("supervisor") || has("superior")) && !has("dotted") &&
          !has("matrix") && !has("secondary")) {
        cols.role[static_cast<std::size_t>(ColumnRole::kParent)] = i;
        taken[i] = true;
        diags.push_back({Severity::kWarning, {file, header.fields[i].line, header.fields[i].column},
                         "column '" + cols.headers[i] + "' is read as each row's parent (manager); if it is not, say "
                         "which column is with --columns parent=HEADER",
                         {}});
      }
    }
  }
  if (!cols[ColumnRole::kId] && cols[ColumnRole::kEmail]) cols.email_is_id = true;
  const bool names = cols[ColumnRole::kName] || cols[ColumnRole::kFirstName] || cols[ColumnRole::kLastName];
  if (!names && !header.fields.empty())
    error_at(&header.fields[0], "no column holds names: call one 'name' (or 'full name', or 'first name' and 'last name'), "
                                "or say which with --columns name=HEADER; the columns are " + header_list(cols.headers));
  return cols;
}

LabelTemplate::LabelTemplate(const std::string& text, const std::vector<std::string>& headers, const std::string& file,
                             std::vector<Diagnostic>& diags) {
  auto error = [&](std::string msg) { diags.push_back({Severity::kError, {file, 0, 0}, "--label: " + std::move(msg), {}}); };
  std::string lit;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      lit.push_back('\n');
      ++i;
    } else if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      lit.push_back(c);
      ++i;
    } else if (c == '{') {
      const auto close = text.find('}', i);
      if (close == std::string::npos) {
        error("the '{' at character " + std::to_string(i + 1) + " is never closed; write {Column}, or {{ for a brace");
        return;
      }
      const std::string name = text.substr(i + 1, close - i - 1);
      std::optional<std::size_t> col;
      for (std::size_t k = 0; k < headers.size() && !col; ++k)
        if (headers[k] == name) col = k;
      for (std::size_t k = 0; k < headers.size() && !col; ++k)
        if (normalize_header(headers[k]) == normalize_header(name)) col = k;
      if (!col) {
        std::string hint = header_hint(name, headers);
        error("the table has no column '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
              "; its columns are " + header_list(headers));
      }
      if (!lit.empty()) parts_.push_back({std::move(lit), std::nullopt});
      lit.clear();
      parts_.push_back({"", col});
      i = close;
    } else {
      lit.push_back(c);
    }
  }
  if (!lit.empty()) parts_.push_back({std::move(lit), std::nullopt});
}

std::string LabelTemplate::fill(const TableRecord& row) const {
  std::string s;
  for (const auto& p : parts_) {
    if (!p.column) s += p.text;
    else if (*p.column < row.fields.size()) s += trim(row.fields[*p.column].text);
  }
  // Drop lines a missing field left blank, and trailing spaces.
  std::string out, line;
  std::size_t b = 0;
  while (b <= s.size()) {
    auto e = s.find('\n', b);
    if (e == std::string::npos) e = s.size();
    line = trim(s.substr(b, e - b));
    if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
    b = e + 1;
  }
  return out;
}

}  // namespace orgchart
