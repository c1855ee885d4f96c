#include "orgchart/error.hpp"

#include <algorithm>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace orgchart {

namespace {

/// Every file name a SourceLoc has held; nodes never move, so a FileName keeps a pointer to its entry. Locked:
/// readers may run on several threads.
struct FileNameTable {
  std::mutex mutex;
  std::unordered_set<std::string> names;
};

FileNameTable& file_names() {
  static FileNameTable* table = new FileNameTable;  // never destroyed: FileNames may outlive static destruction
  return *table;
}

const std::string* intern(std::string_view name) {
  if (name.empty()) return nullptr;
  FileNameTable& t = file_names();
  std::lock_guard<std::mutex> lock(t.mutex);
  return &*t.names.emplace(name).first;
}

}  // namespace

FileName::FileName(const std::string& name) : name_(intern(name)) {}
FileName::FileName(const char* name) : name_(intern(name ? std::string_view(name) : std::string_view())) {}
FileName::FileName(std::string_view name) : name_(intern(name)) {}

const std::string& FileName::empty_name() {
  static const std::string empty;
  return empty;
}

std::ostream& operator<<(std::ostream& os, const FileName& f) { return os << f.str(); }

namespace {

/// Indexed by Severity, in its order.
constexpr const char* kSeverityNames[] = {"error", "warning", "note"};

const char* severity_name(Severity s) { return kSeverityNames[static_cast<std::size_t>(s)]; }

}  // namespace

// Overlong forms, surrogates and code points past U+10FFFF are not valid either.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F) || (c == 0xF0 && b(1) < 0x90) ||
      (c == 0xF4 && b(1) > 0x8F))
    return 0;
  return n;
}

namespace {

/// Appends the byte or sequence at `i` to `out`, escaped when it is not printable; returns how many bytes it took.
/// C1 controls (U+0080 to U+009F: U+009B is CSI, which terminals obey as ESC [ in UTF-8 too) are escaped byte by
/// byte, as invalid sequences are.
std::size_t append_printable(std::string& out, std::string_view s, std::size_t i, bool keep_newline) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = utf8_sequence_length(s, i);
  const bool control = (n == 1 && (c < 0x20 || c == 0x7F) && c != '\t' && !(keep_newline && c == '\n')) ||
                       (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F);
  if (n == 0 || control) {
    static const char kHex[] = "0123456789abcdef";
    const std::size_t bytes = n == 0 ? 1 : n;
    for (std::size_t k = 0; k < bytes; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
    return bytes;
  }
  out.append(s.substr(i, n));
  return n;
}

}  // namespace

std::string printable_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) i += append_printable(out, s, i, true);
  return out;
}

std::string printable_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) i += append_printable(out, s, i, false);
  return out;
}

void set_source_line(Diagnostic& d, std::string_view line) {
  d.source_line.clear();
  d.caret_column = 0;
  if (line.empty()) return;
  const std::size_t at = d.loc.column > 0 ? std::min<std::size_t>(static_cast<std::size_t>(d.loc.column - 1), line.size()) : 0;
  std::size_t begin = 0, end = line.size();
  if (line.size() > kSourceWindow) {
    begin = at > kSourceWindow / 2 ? at - kSourceWindow / 2 : 0;
    end = std::min(line.size(), begin + kSourceWindow);
    // Cut between characters, never inside one: at most 3 bytes back (a line of stray continuation bytes has
    // no boundary at all, and those bytes are shown escaped anyway).
    const auto continuation = [&](std::size_t k) { return (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80; };
    for (int k = 0; k < 3 && begin > 0 && continuation(begin); ++k) --begin;
    for (int k = 0; k < 3 && end < line.size() && end > begin + 1 && continuation(end); ++k) --end;
  }
  std::string& out = d.source_line;
  if (begin > 0) out += "...";
  int caret = 0;
  for (std::size_t i = begin; i < end;) {
    if (caret == 0 && i >= at) caret = static_cast<int>(out.size()) + 1;
    i += append_printable(out, line, i, false);
  }
  if (caret == 0) caret = static_cast<int>(out.size()) + 1;  // the column is past the end of the line
  if (end < line.size()) out += "...";
  d.caret_column = d.loc.column > 0 ? caret : 0;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = printable_line(d.loc.file.str());  // an include's name comes from the data
  if (d.loc.line > 0) {
    out += ':' + std::to_string(d.loc.line);
    if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
  }
  if (!out.empty()) out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  // Messages quote the data ("unknown field 'x'"): nothing raw from a file reaches the terminal.
  out += printable_text(d.message);
  out += '\n';
  if (!d.source_line.empty()) {
    out.append("    ").append(d.source_line).append("\n");
    if (d.loc.column > 0) {
      // Tabs in the source line keep their width in the caret line so the caret lands under the column.
      out.append("    ");
      const int column = d.caret_column > 0 ? d.caret_column : d.loc.column;
      for (int i = 0; i + 1 < column && i < static_cast<int>(d.source_line.size()); ++i)
        out.push_back(d.source_line[i] == '\t' ? '\t' : ' ');
      out.append("^\n");
    }
  }
  return out;
}

std::string format_diagnostics(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += format_diagnostic(d);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

namespace {

std::string summary(const std::vector<Diagnostic>& ds) {
  std::size_t errors = 0;
  for (const auto& d : ds) errors += d.severity == Severity::kError;
  return std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in the input";
}

}  // namespace

ParseError::ParseError(std::vector<Diagnostic> diagnostics)
    : Error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace orgchart
