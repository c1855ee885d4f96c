#include "orgchart/readers/table_xlsx.hpp"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "orgchart/c_ptr.hpp"
#include "orgchart/readers/table_columns.hpp"  // header_list
#include "orgchart/readers/whitespace.hpp"
#include "xlsx_merged.hpp"
#include "xlsx_part.hpp"

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

  /// The index of entry `name` whose size in the archive's directory is within the limit, or nullopt (with a
  /// diagnostic when the entry is too large, or `required` and missing).
  std::optional<zip_uint64_t> locate(const std::string& name, bool required) {
    zip_stat_t st;
    zip_stat_init(&st);
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0 || zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) {
      if (required) error("not an XLSX workbook: it has no '" + name + "'");
      return std::nullopt;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxXlsxEntryBytes) {
      error_at(name, {}, "this part would be " + std::to_string(st.size >> 20) +
                             " MiB uncompressed, more than the limit of " + std::to_string(kMaxXlsxEntryBytes >> 20) +
                             " MiB; refusing it (a damaged file or a zip bomb)");
      return std::nullopt;
    }
    return static_cast<zip_uint64_t>(index);
  }

  /// Part `name`, streamed; nullptr when it is not there (a diagnostic when `required`) or cannot be opened.
  std::unique_ptr<detail::XmlPart> part(const std::string& name, bool required) {
    const auto index = locate(name, required);
    if (!index) return nullptr;
    auto x = std::make_unique<detail::XmlPart>(zip_.get(), *index, name, kMaxXlsxEntryBytes);
    if (!finished(*x)) return nullptr;
    return x;
  }

  /// Whether part `name` (within the limits) holds `needle`; false when it cannot tell.
  bool contains(const std::string& name, std::string_view needle) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    return index >= 0 &&
           detail::part_contains(zip_.get(), static_cast<zip_uint64_t>(index), needle, kMaxXlsxEntryBytes).value_or(false);
  }

  /// False, with the diagnostic, when `x` could not be read to its end.
  bool finished(const detail::XmlPart& x) {
    if (!x.failure()) return true;
    error_at(x.name(), x.failure()->place, x.failure()->message);
    return false;
  }

  void error(std::string msg) { diags_.push_back({Severity::kError, {path_, 0, 0}, std::move(msg), {}}); }

  /// An error in one part, named as `book.xlsx: xl/worksheets/sheet1.xml:12:7` (libxml2's line and column).
  void error_at(const std::string& part, const detail::PartPlace& place, std::string msg) {
    Diagnostic d{Severity::kError, {path_ + ": " + part, place.line, place.column}, std::move(msg), {}};
    if (!place.text.empty() && place.line > 0) {
      // The caret goes under the byte where the place is; the location keeps libxml2's character column.
      d.loc.column = place.text_column;
      set_source_line(d, place.text);
      d.loc.column = place.column;
    }
    diags_.push_back(std::move(d));
  }

 private:
  std::string path_;
  std::vector<Diagnostic>& diags_;
  CPtr<zip_t, zip_discard> zip_;
};

/// Shared strings, in one buffer: a workbook may have millions, and a std::string each costs 32 bytes more. The
/// text is at most the part's size (no entity is expanded), which the part cap keeps under 4 GiB.
class SharedStrings {
 public:
  void add(std::string_view s) {
    text_ += s;
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  std::size_t size() const { return ends_.size(); }
  std::string at(std::size_t i) const {
    const std::size_t b = i == 0 ? 0 : ends_[i - 1];
    return text_.substr(b, ends_[i] - b);
  }

 private:
  static_assert(kMaxXlsxEntryBytes < (std::uint64_t{1} << 32));
  std::string text_;
  std::vector<std::uint32_t> ends_;
};

/// Text of a string item (<si> or <is>): its <t>, or the <t> of each rich-text run; phonetic runs left out.
std::string string_item(detail::XmlPart& x, const char* element) {
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

/// 1048576 as "1,048,576".
std::string thousands(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

/// 'A', 'B', 'C' as a list for messages: the first kListedHeaders names, then how many more (a workbook may
/// name thousands of sheets).
std::string quoted_names(const std::vector<std::pair<std::string, std::string>>& sheets) {
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.first);
  return header_list(names);
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
                    const std::function<bool(const TableRecord&)>& row, std::vector<Diagnostic>& diags,
                    const XlsxLimits& limits) {
  Workbook wb(path, diags);
  if (!wb.open(bytes)) return false;
  // Every part is read even when one before it failed, so that one run names every damaged part; rows are
  // handed on only when nothing failed.
  bool ok = true;
  const std::string workbook_part = "xl/workbook.xml", rels_part = "xl/_rels/workbook.xml.rels";
  // The workbook: sheet names and relationship ids, and the date system.
  auto workbook = wb.part(workbook_part, true);
  if (!workbook) return false;
  bool date1904 = false;
  struct Sheet {
    std::string name, id;  // the sheet's name and its relationship id (r:id)
  };
  std::vector<Sheet> sheets;
  std::size_t chosen = std::string::npos;
  detail::PartPlace chosen_place;  // where the chosen sheet is listed in the workbook
  while (workbook->next()) {
    if (workbook->start("workbookPr")) {
      const std::string v = workbook->attr("date1904");
      date1904 = v == "1" || v == "true";
    } else if (workbook->start("sheet")) {
      // 5 million <sheet/> (150 KB zipped) took a minute and 900 MB before a sheet was read.
      if (sheets.size() == limits.sheets) {
        wb.error_at(workbook_part, workbook->here("<sheet"),
                    "the workbook names more than " + thousands(limits.sheets) +
                        " sheets (LibreOffice's limit; Excel's is memory): the workbook is damaged");
        return false;
      }
      sheets.push_back({workbook->attr("name"), workbook->ns_attr("id")});
      if (chosen == std::string::npos && (sheet.empty() || sheets.back().name == sheet)) {
        chosen = sheets.size() - 1;
        chosen_place = workbook->here("\"" + sheets.back().id + "\"");
      }
    }
  }
  const bool workbook_read = wb.finished(*workbook);
  workbook.reset();
  ok = ok && workbook_read;
  std::vector<std::pair<std::string, std::string>> names;  // for messages
  for (const auto& s : sheets) names.emplace_back(s.name, s.id);
  if (workbook_read && sheets.empty()) {
    wb.error_at(workbook_part, {}, "the workbook lists no sheets (no <sheet> in <sheets>): save it again from the "
                                   "spreadsheet program, or save the sheet as CSV UTF-8");
    return false;
  }
  if (workbook_read && chosen == std::string::npos) {
    wb.error("--sheet: the workbook has no sheet '" + sheet + "'; its sheets are " + quoted_names(names));
    return false;
  }
  // Where each sheet is: relationship id -> part (and, for the chosen sheet, where the relationship is), for the
  // ids the sheets name: the relationships may be millions.
  std::unordered_map<std::string, std::string> targets;
  std::unordered_set<std::string> named_ids;
  for (const auto& s : sheets) named_ids.insert(s.id);
  std::string chosen_target;  // as written
  detail::PartPlace target_place;
  bool rels_read = false;
  if (auto rels = wb.part(rels_part, true)) {
    while (rels->next())
      if (rels->start("Relationship")) {
        const std::string id = rels->attr("Id"), target = rels->attr("Target");
        if (chosen != std::string::npos && id == sheets[chosen].id && !targets.count(id)) {
          chosen_target = target;
          target_place = rels->here("\"" + target + "\"", "\"" + id + "\"");
        }
        if (named_ids.count(id)) targets.emplace(id, resolve_target(target));
      }
    rels_read = wb.finished(*rels);
  }
  ok = ok && rels_read;
  auto part_of = [&](std::size_t i) {
    const auto t = targets.find(sheets[i].id);
    return t == targets.end() ? std::string() : t->second;
  };
  bool chosen_readable = chosen != std::string::npos && rels_read;
  if (chosen_readable) {
    const Sheet& s = sheets[chosen];
    const std::string fix = ": the workbook is damaged; open it in Excel or LibreOffice and save it again, or save the "
                            "sheet as CSV UTF-8";
    if (!targets.count(s.id)) {
      wb.error_at(workbook_part, chosen_place,
                  "sheet '" + s.name + "' refers to relationship '" + s.id + "', which " + rels_part +
                      " does not have, so nothing says where the sheet is" + fix);
      chosen_readable = false;
    } else if (part_of(chosen).empty()) {
      wb.error_at(rels_part, target_place,
                  "relationship '" + s.id + "' of sheet '" + s.name + "' points outside the archive ('" + chosen_target +
                      "'): only parts inside the workbook are read; save the workbook again from the spreadsheet "
                      "program, or save the sheet as CSV UTF-8");
      chosen_readable = false;
    } else if (const std::size_t before = diags.size(); !wb.locate(part_of(chosen), false)) {
      if (diags.size() == before)  // not there at all (a part too large has said so)
        wb.error_at(rels_part, target_place,
                    "relationship '" + s.id + "' of sheet '" + s.name + "' points to '" + part_of(chosen) +
                        "', which the archive does not have" + fix);
      chosen_readable = false;
    }
    ok = ok && chosen_readable;
  }
  // Shared strings and the styles that show dates.
  SharedStrings shared;
  if (auto sst = wb.part("xl/sharedStrings.xml", false)) {
    while (sst->next())
      if (sst->start("si")) {
        if (shared.size() == kMaxXlsxSharedStrings) {
          // 5 bytes each (<si/>), a few megabytes of archive held gigabytes and took minutes.
          wb.error_at("xl/sharedStrings.xml", sst->here("<si"),
                      "the workbook has more than " + thousands(kMaxXlsxSharedStrings) +
                          " shared strings, more than any table orgchart reads can use (a damaged or hostile file); "
                          "save the sheet as CSV UTF-8");
          return false;
        }
        shared.add(string_item(*sst, "si"));
      }
    ok = wb.finished(*sst) && ok;
  } else {
    ok = ok && !has_errors(diags);
  }
  std::vector<bool> date_style;
  if (auto styles = wb.part("xl/styles.xml", false)) {
    std::set<std::size_t> custom_dates;
    bool in_xfs = false;
    while (styles->next()) {
      if (styles->start("numFmt")) {
        if (date_format_code(styles->attr("formatCode")))
          custom_dates.insert(index_of(styles->attr("numFmtId")).value_or(0));
      } else if (styles->start("cellXfs")) {
        in_xfs = !styles->empty_element();
      } else if (styles->end("cellXfs")) {
        in_xfs = false;
      } else if (in_xfs && styles->start("xf")) {
        const std::size_t id = index_of(styles->attr("numFmtId")).value_or(0);
        date_style.push_back(builtin_date_format(id) || custom_dates.count(id));
      }
    }
    ok = wb.finished(*styles) && ok;
  } else {
    ok = ok && !has_errors(diags);
  }
  // Text in the cells of the rows read, every sheet (XlsxLimits::cell_bytes).
  std::size_t cell_bytes = 0;
  auto spend = [&](std::size_t text) {
    cell_bytes += text + 8;
    return cell_bytes <= limits.cell_bytes;
  };
  // One sheet's rows to `emit` (until it returns false); the number of rows with data, or nullopt when the sheet
  // cannot be read.
  auto read_sheet = [&](std::size_t index, const std::function<bool(const TableRecord&)>& emit) -> std::optional<std::size_t> {
    const std::string sheet_part = part_of(index);
    if (sheet_part.empty()) return std::nullopt;
    // Merged areas come after the cells (<mergeCells> follows <sheetData>): read them first, in a pass of their own
    // when the sheet has any. (Its errors are the main pass's too, and reported there.)
    std::vector<detail::MergedArea> areas;
    if (wb.contains(sheet_part, "mergeCell")) {
      if (auto m = wb.part(sheet_part, true)) {
        while (m->next())
          if (m->start("mergeCell")) {
            if (const auto a = detail::merged_area(m->attr("ref"))) areas.push_back(*a);
          }
      } else {
        return std::nullopt;
      }
    }
    detail::MergedCells merged(std::move(areas));
    auto x = wb.part(sheet_part, true);
    if (!x) return std::nullopt;
    TableRecord record;
    int last_row = 0;
    std::size_t bad_refs = 0;
    // Each malformed reference where it is, up to a bound: a damaged sheet may have a million.
    constexpr std::size_t kMaxReported = 20;
    auto bad_ref = [&](const std::string& ref, const std::string& what) {
      if (++bad_refs <= kMaxReported)
        wb.error_at(sheet_part, x->here("r=\"" + ref + "\""),
                    what + ": the sheet is damaged; open the workbook in Excel or LibreOffice and save it again, or "
                           "save the sheet as CSV UTF-8");
    };
    std::size_t emitted = 0, uncalculated = 0;
    std::pair<int, int> first_uncalculated;
    bool stopped = false;
    bool within = true;  // the cells read so far are within limits.cell_bytes
    while (!stopped && within && x->next()) {
      if (!x->start("row")) continue;
      record.fields.clear();
      const std::string r = x->attr("r");
      const auto given = r.empty() ? std::nullopt : index_of(r);
      if (!r.empty() && (!given || *given < 1 || *given > kMaxSheetRows))
        bad_ref(r, "row number '" + r + "' is not a row of a sheet (1 to 1048576)");
      // Rows come in order; one given out of order (or not at all) is numbered after the last.
      record.row = given && *given <= kMaxSheetRows && static_cast<int>(*given) > last_row ? static_cast<int>(*given)
                                                                                            : last_row + 1;
      last_row = record.row;
      record.line = record.row;
      if (x->empty_element()) continue;
      while (x->next() && !x->end("row")) {
        if (!x->start("c")) continue;
        const std::string ref = x->attr("r"), type = x->attr("t"), style = x->attr("s");
        int col = ref.empty() ? static_cast<int>(record.fields.size()) + 1 : column_of(ref);
        if (col <= 0 || col > 16384) {
          bad_ref(ref, "cell reference '" + ref + "' is not a cell of a sheet (columns A to XFD, then the row)");
          col = static_cast<int>(record.fields.size()) + 1;
        }
        std::string v, inline_text;
        bool has_inline = false, has_formula = false;
        if (!x->empty_element()) {
          while (x->next() && !x->end("c")) {
            if (x->start("f")) has_formula = true;
            if (x->start("v")) v = x->text("v");
            else if (x->start("is")) {
              inline_text = string_item(*x, "is");
              has_inline = true;
            }
          }
        }
        std::string text;
        if (type == "s") {
          const auto i = index_of(v);
          text = i && *i < shared.size() ? shared.at(*i) : "";
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
        while (within && static_cast<int>(record.fields.size()) < col - 1) {
          within = spend(0);
          record.fields.push_back({"", record.row, static_cast<int>(record.fields.size()) + 1});
        }
        if (!within || !(within = spend(text.size()))) break;
        if (static_cast<int>(record.fields.size()) >= col) {
          // A cell before one already read (writers other than Excel need not keep column order) fills its place;
          // a cell given twice keeps the first value.
          TableField& f = record.fields[static_cast<std::size_t>(col - 1)];
          if (f.text.empty()) f.text = std::move(text);
          continue;
        }
        record.fields.push_back({std::move(text), record.row, col});
      }
      if (!within) break;
      if (!merged.empty()) {
        if (!merged.fill(record, cell_bytes, limits.cell_bytes)) {
          wb.error_at(sheet_part, {}, "merged areas overlap in row " + std::to_string(record.row) +
                                          " (a spreadsheet program does not make them): the sheet is damaged");
          return std::nullopt;
        }
        if (cell_bytes > limits.cell_bytes) {
          within = false;
          break;
        }
      }
      // Empty cells are not stored: drop trailing empties, skip rows with nothing in them (spaces are nothing).
      while (!record.fields.empty() && trim(record.fields.back().text).empty()) record.fields.pop_back();
      if (!record.fields.empty()) {
        ++emitted;
        stopped = !emit(record);  // past the table's limits: nothing after this row is read
      }
    }
    if (!within) {
      wb.error_at(sheet_part, {},
                  "the cells of the first " + thousands(static_cast<std::size_t>(record.row)) + " rows hold more than " +
                      std::to_string(limits.cell_bytes >> 20) +
                      " MiB of text (shared strings and merged areas repeat one text in every cell that shows it): a "
                      "damaged or hostile file; if the table is real, chart a part of it");
      return std::nullopt;
    }
    if (!stopped && !wb.finished(*x)) return std::nullopt;
    if (uncalculated > 0)
      diags.push_back({Severity::kWarning, {path, first_uncalculated.first, first_uncalculated.second},
                       "sheet '" + sheets[index].name + "' has " + std::to_string(uncalculated) +
                           (uncalculated == 1 ? " formula" : " formulas") +
                           " without a saved value (the program that wrote the file did not calculate them), read "
                           "as empty cells: open the file in Excel or LibreOffice and save it again",
                       {}});
    if (bad_refs > kMaxReported)
      wb.error_at(sheet_part, {}, "and " + std::to_string(bad_refs - kMaxReported) +
                                      " more malformed row or cell references in this sheet");
    if (bad_refs > 0) return std::nullopt;
    return emitted;
  };
  if (!chosen_readable) return false;
  // With a part already failed the sheet is still read, for its own errors, but its rows go nowhere.
  const std::function<bool(const TableRecord&)> nowhere = [](const TableRecord&) { return true; };
  const auto rows = read_sheet(chosen, ok ? row : nowhere);
  if (!rows || !ok) return false;
  if (*rows > 0) return true;
  // An empty sheet (a cover sheet, a chart, a tab left blank above the data): say which sheets have data.
  // Each part is looked into once, however many sheets name it (2,000 sheets naming one large part were 2,000
  // reads).
  std::vector<std::pair<std::string, std::string>> with_data;
  std::unordered_map<std::string, bool> has_data{{part_of(chosen), false}};
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const auto [known, first] = has_data.emplace(part_of(i), false);
    if (first) {
      const std::size_t before = diags.size();
      const auto n = read_sheet(i, [](const TableRecord&) { return false; });  // one row tells
      diags.erase(diags.begin() + static_cast<std::ptrdiff_t>(before), diags.end());  // a damaged other sheet is not this run's problem
      known->second = n && *n > 0;
    }
    if (i != chosen && known->second) with_data.push_back(names[i]);
  }
  const std::string fill = ": write a header row (e.g. id,name,title,parent) and one row per person or unit";
  if (with_data.empty()) {
    wb.error(sheets.size() == 1 ? "the workbook's only sheet, '" + sheets[0].name + "', is empty" + fill
                                : "every sheet of the workbook (" + quoted_names(names) + ") is empty" + fill);
    return false;
  }
  const std::string which = sheet.empty() ? "the first sheet, '" + sheets[chosen].name + "'," : "sheet '" + sheets[chosen].name + "'";
  wb.error(which + " is empty; " +
           (with_data.size() == 1 ? "sheet " + quoted_names(with_data) + " has data: read it with --sheet "
                                  : "the sheets " + quoted_names(with_data) + " have data: choose one with --sheet NAME, e.g. --sheet ") +
           shell_word(with_data.front().first));
  return false;
}

}  // namespace orgchart
