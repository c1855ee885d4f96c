#pragma once
/// The one family of user-facing failures, and the compiler-style diagnostics they carry.
#include <stdexcept>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace orgchart {

/// A file name as SourceLoc holds it: one pointer into a process-wide table of the names seen (each name stored
/// once, never freed), so that a million locations in one file share one string. Reads as a `const std::string&`.
class FileName {
 public:
  FileName() = default;
  FileName(const std::string& name);  // NOLINT(google-explicit-constructor): SourceLoc{file, line, column}
  FileName(const char* name);         // NOLINT(google-explicit-constructor)
  FileName(std::string_view name);    // NOLINT(google-explicit-constructor)

  const std::string& str() const { return name_ ? *name_ : empty_name(); }
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return name_ == nullptr; }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  std::string substr(std::size_t pos, std::size_t n = std::string::npos) const { return str().substr(pos, n); }

  /// Equal names are one entry of the table: comparing is comparing pointers.
  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_; }
  friend bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const FileName& a, const char* b) { return a.str() == b; }
  friend std::string operator+(const FileName& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const FileName& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const FileName& a, char b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const FileName& b) { return a + b.str(); }
  friend std::string operator+(const char* a, const FileName& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& os, const FileName& f);

 private:
  static const std::string& empty_name();
  const std::string* name_ = nullptr;  ///< nullptr: no file ("")
};

/// Where something is in an input file: 1-based line and column (0 = unknown).
struct SourceLoc {
  FileName file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning, kNote };

/// One problem found in the input, printed like a compiler: `file:line:col: error: message`.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string message;      ///< what is wrong and, where we can tell, how to fix it
  std::string source_line;  ///< the offending line of the file, for the caret display (may be empty)
  int caret_column = 0;     ///< 1-based byte column of the caret in source_line; 0: loc.column
};

/// At most this many bytes of a source line are shown, around the column (long lines are cut with "...").
inline constexpr std::size_t kSourceWindow = 120;

/// Sets `d.source_line` to the part of `line` around `d.loc.column` (kSourceWindow bytes at most), with bytes
/// that are not UTF-8 text (invalid sequences, NUL and other control characters but tab) shown as `\xNN`, so
/// that nothing raw from a file reaches the terminal; sets the caret's column in it.
void set_source_line(Diagnostic& d, std::string_view line);

/// Length of the valid UTF-8 sequence that starts at `s[i]` (1 to 4), or 0 when none does.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// `s` with every byte that is not printable UTF-8 (invalid sequences, controls but tab and newline, C1 controls)
/// as `\xNN`: text from data, safe to show on a terminal.
std::string printable_text(std::string_view s);
/// The same on one line: a newline is `\x0a` too (data inside a line of a text report).
std::string printable_line(std::string_view s);

/// `file:line:col: error: message`, then the source line and a caret under the column.
std::string format_diagnostic(const Diagnostic& d);
/// All diagnostics, one after another, each ending in a newline.
std::string format_diagnostics(const std::vector<Diagnostic>& ds);
bool has_errors(const std::vector<Diagnostic>& ds);

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Input that could not be read or understood; carries every problem found.
class ParseError : public Error {
 public:
  explicit ParseError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Input that was read but is not a valid org chart (unknown ids, cycles, ...).
class ValidationError : public ParseError {
 public:
  using ParseError::ParseError;
};

/// A file could not be opened, written or renamed.
class IoError : public Error {
 public:
  using Error::Error;
};

/// Layout or rendering failed (Graphviz refused the graph, ...).
class LayoutError : public Error {
 public:
  using Error::Error;
};

/// Bad options given by the caller (unknown format, unknown root id, ...).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace orgchart
