#include "orgchart/readers/table_xlsx.hpp"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "orgchart/c_ptr.hpp"
#include "orgchart/readers/whitespace.hpp"
#include "xlsx_merged.hpp"

namespace orgchart {

namespace {

class Workbook {
 public:
  Workbook(std::string path, std::vector<Diagnostic>& diags) : path_(std::move(path)), diags_(diags) {}

  /// Opens the archive held in `bytes` (which must outlive the workbook).
  bool open(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) {
      zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &err));
      if (!zip_) zip_source_free(src);
    }
    zip_error_fini(&err);
    if (!zip_ && bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
      error("this is an Excel 97-2003 workbook (.xls), which orgchart does not read: save it as .xlsx or as CSV UTF-8");
      return false;
    }
    if (!zip_) {
      error("not an XLSX workbook (not a zip archive, or a damaged one); save it from the spreadsheet program as .xlsx, "
            "or as CSV UTF-8");
      return false;
    }
    return true;
  }

  /// The bytes of one entry, or nullopt (with a diagnostic when `required`).
  std::optional<std::string> entry(const std::string& name, bool required) {
    zip_stat_t st;
    zip_stat_init(&st);
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0 || zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) {
      if (required) error("not an XLSX workbook: it has no '" + name + "'");
      return std::nullopt;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxXlsxEntryBytes) {
      error("'" + name + "' in the workbook would be " + std::to_string(st.size >> 20) +
            " MiB uncompressed, more than the limit of " + std::to_string(kMaxXlsxEntryBytes >> 20) +
            " MiB; refusing it (a damaged file or a zip bomb)");
      return std::nullopt;
    }
    CPtr<zip_file_t, zip_fclose> f(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!f) {
      error("cannot read '" + name + "' in the workbook: " + zip_strerror(zip_.get()));
      return std::nullopt;
    }
    std::string out;
    char buf[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0) {
        error("cannot read '" + name + "' in the workbook: " + zip_file_strerror(f.get()));
        return std::nullopt;
      }
      if (n == 0) break;
      // The size in the header may lie: count what really comes out.
      if (out.size() + static_cast<std::size_t>(n) > kMaxXlsxEntryBytes) {
        error("'" + name + "' in the workbook is larger than " + std::to_string(kMaxXlsxEntryBytes >> 20) +
              " MiB uncompressed; refusing it (a damaged file or a zip bomb)");
        return std::nullopt;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

  void error(std::string msg) { diags_.push_back({Severity::kError, {path_, 0, 0}, std::move(msg), {}}); }

 private:
  std::string path_;
  std::vector<Diagnostic>& diags_;
  CPtr<zip_t, zip_discard> zip_;
};

/// A streaming XML reader over one part, without network, DTD loading or entity substitution.
class Xml {
 public:
  Xml(const std::string& text, const std::string& name)
      : reader_(xmlReaderForMemory(text.data(), static_cast<int>(text.size()), name.c_str(), nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT | XML_PARSE_HUGE)) {}
  /// Next node; false at the end or on an error (`failed()` tells which).
  bool next() {
    if (!reader_) return false;
    const int r = xmlTextReaderRead(reader_.get());
    if (r < 0) failed_ = true;
    if (r == 1 && type() == XML_READER_TYPE_DOCUMENT_TYPE) {
      failed_ = true;  // OOXML has no DOCTYPE; one here can only declare entities
      return false;
    }
    return r == 1;
  }
  bool failed() const { return failed_ || !reader_; }
  int type() const { return xmlTextReaderNodeType(reader_.get()); }
  bool start(const char* local) const { return type() == XML_READER_TYPE_ELEMENT && is(local); }
  bool end(const char* local) const { return type() == XML_READER_TYPE_END_ELEMENT && is(local); }
  bool empty_element() const { return xmlTextReaderIsEmptyElement(reader_.get()) == 1; }
  bool is(const char* local) const {
    const xmlChar* n = xmlTextReaderConstLocalName(reader_.get());
    return n && std::string_view(reinterpret_cast<const char*>(n)) == local;
  }
  int depth() const { return xmlTextReaderDepth(reader_.get()); }
  std::string attr(const char* name) const {
    xmlChar* v = xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  /// The value of the namespaced attribute with this local name (e.g. r:id), whatever its prefix.
  std::string ns_attr(const char* local) const {
    std::string s;
    if (xmlTextReaderMoveToFirstAttribute(reader_.get()) != 1) return s;
    do {
      const xmlChar* ns = xmlTextReaderConstNamespaceUri(reader_.get());
      if (ns && is(local)) s = reinterpret_cast<const char*>(xmlTextReaderConstValue(reader_.get()));
    } while (xmlTextReaderMoveToNextAttribute(reader_.get()) == 1);
    xmlTextReaderMoveToElement(reader_.get());
    return s;
  }
  std::string value() const {
    const xmlChar* v = xmlTextReaderConstValue(reader_.get());
    return v ? reinterpret_cast<const char*>(v) : "";
  }
  /// The text inside the current element, up to its end (for <v>, <t>).
  std::string text(const char* local) {
    std::string s;
    if (empty_element()) return s;
    while (next() && !end(local))
      if (type() == XML_READER_TYPE_TEXT || type() == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
          type() == XML_READER_TYPE_CDATA || type() == XML_READER_TYPE_WHITESPACE)
        s += value();
    return s;
  }

 private:
  CPtr<xmlTextReader, xmlFreeTextReader> reader_;
  bool failed_ = false;
};

/// Text of a string item (<si> or <is>): its <t>, or the <t> of each rich-text run; phonetic runs left out.
std::string string_item(Xml& x, const char* element) {
  std::string s;
  if (x.empty_element()) return s;
  int skip_depth = -1;
  while (x.next() && !x.end(element)) {
    if (x.start("rPh")) skip_depth = x.depth();
    else if (x.end("rPh")) skip_depth = -1;
    else if (skip_depth < 0 && x.start("t")) s += x.text("t");
  }
  return s;
}

bool builtin_date_format(std::size_t id) { return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58); }

/// A format code shows a date when it has day, month or year letters outside quotes, brackets and escapes.
bool date_format_code(const std::string& code) {
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\\' || c == '_' || c == '*') ++i;
    else if (c == '[') {
      const auto close = code.find(']', i);
      if (close == std::string::npos) return false;
      i = close;
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M') {
      // 'm' alone may be minutes, but then 'h' or 's' come with it and there is no d or y.
      if (c == 'm' || c == 'M') continue;
      return true;
    }
  }
  return false;
}

std::string number_text(const std::string& v) {
  double d = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || ptr != v.data() + v.size()) return v;
  char buf[64];
  if (std::floor(d) == d && std::fabs(d) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  // Excel stores 17 significant digits ("0.10000000000000001"): the shortest text that reads back the same.
  const auto [end, err] = std::to_chars(buf, buf + sizeof buf, d);
  return err == std::errc() ? std::string(buf, end) : v;
}

/// A decimal index as OOXML writes it ("12"), or nullopt for anything else (a sign, a fraction, too many digits).
std::optional<std::size_t> index_of(const std::string& v) {
  std::size_t n = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size()) return std::nullopt;
  return n;
}

/// The most rows a sheet has (Excel, LibreOffice: 1048576).
constexpr std::size_t kMaxSheetRows = std::size_t{1} << 20;

/// "BC12" -> column 55 (1-based), or 0.
int column_of(const std::string& ref) {
  int col = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') col = col * 26 + (c - 'A' + 1);
    else break;
    if (col > 1 << 20) return 0;
  }
  return col;
}

/// 'A', 'B', 'C' as a list for messages.
std::string quoted_names(const std::vector<std::pair<std::string, std::string>>& sheets) {
  std::string out;
  for (std::size_t i = 0; i < sheets.size(); ++i)
    out += (i == 0 ? "'" : ", '") + sheets[i].first + "'";
  return out;
}

/// A sheet name as one word of a shell command line: as it is when that is safe, else in single quotes.
std::string shell_word(const std::string& s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
  if (plain) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string resolve_target(const std::string& target) {
  // Targets are relative to xl/ (or absolute from the package root); anything that climbs out is refused.
  std::string t = target.empty() || target[0] != '/' ? "xl/" + target : target.substr(1);
  std::vector<std::string> parts;
  std::size_t b = 0;
  while (b <= t.size()) {
    auto e = t.find('/', b);
    if (e == std::string::npos) e = t.size();
    const std::string p = t.substr(b, e - b);
    if (p == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (!p.empty() && p != ".") {
      parts.push_back(p);
    }
    b = e + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

std::string excel_serial_to_iso(double serial, bool date1904) {
  double whole = std::floor(serial);
  const double fraction = serial - whole;
  long days = static_cast<long>(whole);
  // Days since 1970-01-01 of Excel's epoch. In the 1900 system Excel counts 1900-02-29, which never was:
  // serial 60 is that day, serials after it are one too high.
  long unix_days;
  if (date1904) unix_days = days - 24107;  // 1904-01-01 is serial 0
  else if (days == 60) return "1900-02-29";
  else unix_days = days - (days > 60 ? 25569 : 25568);
  // Howard Hinnant's civil_from_days.
  long z = unix_days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  std::string out = buf;
  const long minutes = std::lround(fraction * 24 * 60);
  if (minutes > 0 && minutes < 24 * 60) {
    std::snprintf(buf, sizeof buf, " %02ld:%02ld", minutes / 60, minutes % 60);
    out += buf;
  }
  return out;
}

bool read_xlsx_rows(const std::string& bytes, const std::string& path, const std::string& sheet,
                    const std::function<void(const TableRecord&)>& row, std::vector<Diagnostic>& diags) {
  Workbook wb(path, diags);
  if (!wb.open(bytes)) return false;
  auto broken = [&](const std::string& part) {
    wb.error("the workbook's '" + part + "' is not well-formed XML (or declares a DTD); the file is damaged");
    return false;
  };
  // The workbook: sheet names and relationship ids, and the date system.
  const auto workbook = wb.entry("xl/workbook.xml", true);
  if (!workbook) return false;
  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  {
    Xml x(*workbook, "xl/workbook.xml");
    while (x.next()) {
      if (x.start("workbookPr")) {
        const std::string v = x.attr("date1904");
        date1904 = v == "1" || v == "true";
      } else if (x.start("sheet")) {
        sheets.emplace_back(x.attr("name"), x.ns_attr("id"));
      }
    }
    if (x.failed()) return broken("xl/workbook.xml");
  }
  if (sheets.empty()) {
    wb.error("the workbook has no sheets");
    return false;
  }
  std::size_t chosen = 0;
  if (!sheet.empty()) {
    chosen = sheets.size();
    for (std::size_t i = 0; i < sheets.size(); ++i)
      if (sheets[i].first == sheet) chosen = i;
    if (chosen == sheets.size()) {
      wb.error("--sheet: the workbook has no sheet '" + sheet + "'; its sheets are " + quoted_names(sheets));
      return false;
    }
  }
  // Where each sheet is: relationship id -> part.
  std::unordered_map<std::string, std::string> targets;
  if (const auto rels = wb.entry("xl/_rels/workbook.xml.rels", true)) {
    Xml x(*rels, "xl/_rels/workbook.xml.rels");
    while (x.next())
      if (x.start("Relationship")) targets.emplace(x.attr("Id"), resolve_target(x.attr("Target")));
    if (x.failed()) return broken("xl/_rels/workbook.xml.rels");
  } else {
    return false;
  }
  auto part_of = [&](std::size_t i) {
    const auto t = targets.find(sheets[i].second);
    return t == targets.end() ? std::string() : t->second;
  };
  if (part_of(chosen).empty()) {
    wb.error("the workbook does not say where sheet '" + sheets[chosen].first + "' is (or points outside the archive)");
    return false;
  }
  // Shared strings and the styles that show dates.
  std::vector<std::string> shared;
  if (const auto sst = wb.entry("xl/sharedStrings.xml", false)) {
    Xml x(*sst, "xl/sharedStrings.xml");
    while (x.next())
      if (x.start("si")) shared.push_back(string_item(x, "si"));
    if (x.failed()) return broken("xl/sharedStrings.xml");
  }
  std::vector<bool> date_style;
  if (const auto styles = wb.entry("xl/styles.xml", false)) {
    Xml x(*styles, "xl/styles.xml");
    std::set<std::size_t> custom_dates;
    bool in_xfs = false;
    while (x.next()) {
      if (x.start("numFmt")) {
        if (date_format_code(x.attr("formatCode"))) custom_dates.insert(index_of(x.attr("numFmtId")).value_or(0));
      } else if (x.start("cellXfs")) {
        in_xfs = !x.empty_element();
      } else if (x.end("cellXfs")) {
        in_xfs = false;
      } else if (in_xfs && x.start("xf")) {
        const std::size_t id = index_of(x.attr("numFmtId")).value_or(0);
        date_style.push_back(builtin_date_format(id) || custom_dates.count(id));
      }
    }
    if (x.failed()) return broken("xl/styles.xml");
  }
  // One sheet's rows to `emit`; the number of rows with data, or nullopt when the sheet cannot be read.
  auto read_sheet = [&](std::size_t index, const std::function<void(const TableRecord&)>& emit) -> std::optional<std::size_t> {
    const std::string sheet_part = part_of(index);
    const auto sheet_xml = sheet_part.empty() ? std::nullopt : wb.entry(sheet_part, true);
    if (!sheet_xml) return std::nullopt;
    // Merged areas come after the cells (<mergeCells> follows <sheetData>): read them first, in a pass of their own
    // when the sheet has any.
    std::vector<detail::MergedArea> areas;
    if (sheet_xml->find("mergeCell") != std::string::npos) {
      Xml m(*sheet_xml, sheet_part);
      while (m.next())
        if (m.start("mergeCell")) {
          if (const auto a = detail::merged_area(m.attr("ref"))) areas.push_back(*a);
        }
    }
    detail::MergedCells merged(std::move(areas));
    Xml x(*sheet_xml, sheet_part);
    TableRecord record;
    int last_row = 0;
    bool bad_ref = false;
    std::size_t emitted = 0, uncalculated = 0;
    std::pair<int, int> first_uncalculated;
    while (x.next()) {
      if (!x.start("row")) continue;
      record.fields.clear();
      const std::string r = x.attr("r");
      const auto given = r.empty() ? std::nullopt : index_of(r);
      if (!r.empty() && (!given || *given < 1 || *given > kMaxSheetRows)) bad_ref = true;
      // Rows come in order; one given out of order (or not at all) is numbered after the last.
      record.row = given && *given <= kMaxSheetRows && static_cast<int>(*given) > last_row ? static_cast<int>(*given)
                                                                                            : last_row + 1;
      last_row = record.row;
      record.line = record.row;
      if (x.empty_element()) continue;
      while (x.next() && !x.end("row")) {
        if (!x.start("c")) continue;
        const std::string ref = x.attr("r"), type = x.attr("t"), style = x.attr("s");
        int col = ref.empty() ? static_cast<int>(record.fields.size()) + 1 : column_of(ref);
        if (col <= 0 || col > 16384) {
          bad_ref = true;
          col = static_cast<int>(record.fields.size()) + 1;
        }
        std::string v, inline_text;
        bool has_inline = false, has_formula = false;
        if (!x.empty_element()) {
          while (x.next() && !x.end("c")) {
            if (x.start("f")) has_formula = true;
            if (x.start("v")) v = x.text("v");
            else if (x.start("is")) {
              inline_text = string_item(x, "is");
              has_inline = true;
            }
          }
        }
        std::string text;
        if (type == "s") {
          const auto i = index_of(v);
          text = i && *i < shared.size() ? shared[*i] : "";
        } else if (type == "inlineStr" || has_inline) {
          text = inline_text;
        } else if (type == "b") {
          text = v == "1" ? "TRUE" : "FALSE";
        } else if (type == "str" || type == "e" || type == "d") {
          text = v;  // formula text results, errors (#N/A), ISO dates
        } else if (!v.empty()) {
          const std::size_t s = index_of(style).value_or(0);
          double d = 0;
          const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
          if (s < date_style.size() && date_style[s] && ec == std::errc() && d >= 0 && d < 2958466)
            text = excel_serial_to_iso(d, date1904);
          else
            text = number_text(v);
        }
        // Programs that write workbooks without calculating them (openpyxl, many exporters) leave a formula's value
        // out: the spreadsheet shows it, the file does not have it.
        // (openpyxl writes an empty <v/>; a formula whose result is the empty text is t="str".)
        if (has_formula && v.empty() && type != "str" && !has_inline && !uncalculated++) first_uncalculated = {record.row, col};
        while (static_cast<int>(record.fields.size()) < col - 1)
          record.fields.push_back({"", record.row, static_cast<int>(record.fields.size()) + 1});
        if (static_cast<int>(record.fields.size()) >= col) {
          // A cell before one already read (writers other than Excel need not keep column order) fills its place;
          // a cell given twice keeps the first value.
          TableField& f = record.fields[static_cast<std::size_t>(col - 1)];
          if (f.text.empty()) f.text = std::move(text);
          continue;
        }
        record.fields.push_back({std::move(text), record.row, col});
      }
      if (!merged.empty()) merged.fill(record);
      // Empty cells are not stored: drop trailing empties, skip rows with nothing in them (spaces are nothing).
      while (!record.fields.empty() && trim(record.fields.back().text).empty()) record.fields.pop_back();
      if (!record.fields.empty()) {
        ++emitted;
        emit(record);
      }
    }
    if (x.failed()) {
      broken(sheet_part);
      return std::nullopt;
    }
    if (uncalculated > 0)
      diags.push_back({Severity::kWarning, {path, first_uncalculated.first, first_uncalculated.second},
                       "sheet '" + sheets[index].first + "' has " + std::to_string(uncalculated) +
                           (uncalculated == 1 ? " formula" : " formulas") +
                           " without a saved value (the program that wrote the file did not calculate them), read "
                           "as empty cells: open the file in Excel or LibreOffice and save it again",
                       {}});
    if (bad_ref) {
      wb.error("sheet '" + sheets[index].first + "' has rows or cells with malformed references (a row number that is not 1 "
               "to 1048576, a column past XFD); the file is damaged");
      return std::nullopt;
    }
    return emitted;
  };
  const auto rows = read_sheet(chosen, row);
  if (!rows) return false;
  if (*rows > 0) return true;
  // An empty sheet (a cover sheet, a chart, a tab left blank above the data): say which sheets have data.
  std::vector<std::pair<std::string, std::string>> with_data;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (i == chosen) continue;
    const std::size_t before = diags.size();
    const auto n = read_sheet(i, [](const TableRecord&) {});
    diags.erase(diags.begin() + static_cast<std::ptrdiff_t>(before), diags.end());  // a damaged other sheet is not this run's problem
    if (n && *n > 0) with_data.push_back(sheets[i]);
  }
  const std::string fill = ": write a header row (e.g. id,name,title,parent) and one row per person or unit";
  if (with_data.empty()) {
    wb.error(sheets.size() == 1 ? "the workbook's only sheet, '" + sheets[0].first + "', is empty" + fill
                                : "every sheet of the workbook (" + quoted_names(sheets) + ") is empty" + fill);
    return false;
  }
  const std::string which = sheet.empty() ? "the first sheet, '" + sheets[chosen].first + "'," : "sheet '" + sheets[chosen].first + "'";
  wb.error(which + " is empty; " +
           (with_data.size() == 1 ? "sheet " + quoted_names(with_data) + " has data: read it with --sheet "
                                  : "the sheets " + quoted_names(with_data) + " have data: choose one with --sheet NAME, e.g. --sheet ") +
           shell_word(with_data.front().first));
  return false;
}

}  // namespace orgchart
