#include "orgchart/readers/table_csv.hpp"

#include <array>

namespace orgchart {

namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

/// UTF-16 to UTF-8; an unpaired surrogate becomes U+FFFD (and one diagnostic).
std::string from_utf16(const std::string& bytes, std::size_t start, bool big_endian, const std::string& file,
                       std::vector<Diagnostic>& diags) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(big_endian ? (a << 8 | b) : (b << 8 | a));
  };
  bool reported = false;
  auto bad = [&] {
    if (!reported)
      diags.push_back({Severity::kWarning, {file, 0, 0}, "the UTF-16 text has an unpaired surrogate; it reads as U+FFFD", {}});
    reported = true;
    append_utf8(out, 0xFFFD);
  };
  std::size_t i = start;
  for (; i + 1 < bytes.size(); i += 2) {
    const char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 3 < bytes.size()) {
        const char32_t d = unit(i + 2);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          append_utf8(out, 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00));
          i += 2;
          continue;
        }
      }
      bad();
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      bad();
    } else {
      append_utf8(out, c);
    }
  }
  if (i < bytes.size())
    diags.push_back({Severity::kError, {file, 0, 0}, "the UTF-16 text ends in half a character; the file is cut short", {}});
  return out;
}

/// Length of the valid UTF-8 sequence at `i`, 0 when it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

/// The line that starts at `start`, without its end (LF, CRLF or a lone CR).
std::string_view line_at(std::string_view text, std::size_t start) {
  const std::size_t end = text.find_first_of("\r\n", start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

/// At most a quarter of the bytes are not text (invalid UTF-8, NUL and other controls but tab): a line of a
/// table in another encoding has a few accented letters; a line of a binary file is mostly escapes.
bool mostly_text(std::string_view line) {
  std::size_t bad = 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = utf8_length(line, i);
    const auto c = static_cast<unsigned char>(line[i]);
    if (n == 0 || (c < 0x20 && c != '\t') || c == 0x7F) {
      ++bad;
      ++i;
    } else {
      i += n;
    }
  }
  return bad * 4 <= line.size();
}

}  // namespace

std::string decode_table_text(const std::string& bytes, const std::string& file, std::vector<Diagnostic>& diags) {
  auto starts = [&](std::string_view p) { return bytes.compare(0, p.size(), p) == 0; };
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4)) || starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    diags.push_back({Severity::kError, {file, 0, 0}, "the file is UTF-32 text; save it as UTF-8 (or UTF-16) and try again", {}});
    return {};
  }
  // Workbooks saved under a text extension: say what they are instead of "not UTF-8".
  if (starts(std::string_view("PK\x03\x04", 4))) {
    diags.push_back({Severity::kError, {file, 0, 0}, "this is a zip archive (an .xlsx workbook?), not a text table: give it the .xlsx extension, or save the sheet as CSV UTF-8", {}});
    return {};
  }
  if (starts("\xD0\xCF\x11\xE0")) {
    diags.push_back({Severity::kError, {file, 0, 0}, "this is an Excel 97-2003 workbook (.xls), not a text table: save it as .xlsx or as CSV UTF-8", {}});
    return {};
  }
  if (starts("\xFF\xFE")) return from_utf16(bytes, 2, false, file, diags);
  if (starts("\xFE\xFF")) return from_utf16(bytes, 2, true, file, diags);
  // UTF-16 without a BOM: ASCII text in it has a zero byte in every other position.
  if (bytes.size() >= 4 && bytes.size() % 2 == 0) {
    if (bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0) return from_utf16(bytes, 0, false, file, diags);
    if (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0) return from_utf16(bytes, 0, true, file, diags);
  }
  std::string text = starts("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
  int line = 1, column = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0 || text[i] == 0) {
      const auto byte = static_cast<unsigned char>(text[i]);
      static const char* kHex = "0123456789ABCDEF";
      Diagnostic d{Severity::kError, {file, line, column},
                   std::string("byte 0x") + kHex[byte >> 4] + kHex[byte & 15] +
                       " is not UTF-8 text: the file is in another encoding (Latin-1, Windows-1252?); save it "
                       "as \"CSV UTF-8\" or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8",
                   {}};
      // The line as read, its bad bytes as \xNN (the decoded text under other diagnostics does not exist: there
      // is none). A line that is mostly not text (a binary file) would show only escapes: left out.
      const std::string_view raw = line_at(text, line_start);
      if (mostly_text(raw)) {
        d.loc.column = static_cast<int>(i - line_start) + 1;  // the caret goes under the byte
        set_source_line(d, raw);
        d.loc.column = column;
      }
      diags.push_back(std::move(d));
      return {};
    }
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
      line_start = i + 1;
    } else if (text[i] != '\r') {
      ++column;
    }
    i += n;
  }
  return text;
}

char sniff_delimiter(std::string_view text) {
  constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  constexpr int kLines = 20;
  char best = ',';
  long best_score = 0;
  for (char d : kCandidates) {
    // Count delimiters outside quotes on each of the first lines.
    std::vector<int> counts(1, 0);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size() && static_cast<int>(counts.size()) <= kLines; ++i) {
      const char c = text[i];
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == d) ++counts.back();
      else if (!quoted && (c == '\n' || c == '\r')) {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        counts.push_back(0);
      }
    }
    while (counts.size() > 1 && counts.back() == 0) counts.pop_back();
    if (counts[0] == 0) continue;
    // Lines agreeing with the header count, weighted by that count: a consistent delimiter wins.
    long agree = 0;
    for (int n : counts) agree += n == counts[0];
    const long score = agree * 1000 + counts[0];
    if (score > best_score) {
      best_score = score;
      best = d;
    }
  }
  return best;
}

void CsvParser::advance_char() {
  const char c = text_[pos_++];
  if (c == '\n' || (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n'))) {
    ++line_;
    column_ = 1;
  } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
    ++column_;
  }
}

bool CsvParser::next(TableRecord& record) {
  record.fields.clear();
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) advance_char();
  if (pos_ >= text_.size()) return false;
  record.row = ++row_;
  record.line = line_;
  auto at_newline = [&] { return text_[pos_] == '\n' || text_[pos_] == '\r'; };
  bool too_wide = false;  // reported once per row
  for (;;) {
    TableField f;
    f.line = line_;
    f.column = column_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      advance_char();
      bool closed = false;
      while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            f.text.push_back('"');
            advance_char();
            advance_char();
            continue;
          }
          advance_char();
          closed = true;
          break;
        }
        if (c == '\r') {
          // CRLF or CR inside a field is one line break.
          f.text.push_back('\n');
          advance_char();
          if (pos_ < text_.size() && text_[pos_] == '\n') advance_char();
          continue;
        }
        f.text.push_back(c);
        advance_char();
      }
      if (!closed) {
        diags_.push_back({Severity::kError, {file_, f.line, f.column},
                          "this quoted field is never closed: add the closing '\"' (a '\"' inside a quoted field is "
                          "written twice: \"\")",
                          {}});
      } else if (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_newline()) {
        diags_.push_back({Severity::kError, {file_, line_, column_},
                          "text after the closing quote of a field; a '\"' inside a quoted field is written twice "
                          "(\"\"), or put the delimiter after the quote",
                          {}});
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_newline()) {
          f.text.push_back(text_[pos_]);
          advance_char();
        }
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_newline()) {
        f.text.push_back(text_[pos_]);
        advance_char();
      }
    }
    if (record.fields.size() < kMaxTableColumns) {
      record.fields.push_back(std::move(f));
    } else if (!too_wide) {
      too_wide = true;
      diags_.push_back({Severity::kError, {file_, f.line, f.column},
                        "row " + std::to_string(record.row) + " has more than " + std::to_string(kMaxTableColumns) +
                            " fields, the most a spreadsheet holds; the rest of the row is left out (is " +
                            (delimiter_ == '\t' ? std::string("tab") : "'" + std::string(1, delimiter_) + "'") +
                            " really the delimiter of this table?)",
                        {}});
    }
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
      advance_char();
      continue;
    }
    if (pos_ < text_.size()) {
      const bool cr = text_[pos_] == '\r';
      advance_char();
      if (cr && pos_ < text_.size() && text_[pos_] == '\n') advance_char();
    }
    return true;
  }
}

}  // namespace orgchart
