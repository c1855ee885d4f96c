#include "orgchart/readers/infobox_flat.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>

#include "orgchart/readers/infobox_names.hpp"

namespace orgchart {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// A bullet (`- `, `* `, `• `): the entry's text and its 0-based column; npos when the line is no bullet.
std::size_t bullet_text(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (line.substr(i, 2) == "- " || line.substr(i, 2) == "* ") return i + 2;
  if (line.substr(i, 4) == "\xE2\x80\xA2 ") return i + 4;  // U+2022 bullet
  return std::string_view::npos;
}

/// A value cut into entries at `<br>` (any spelling), with reference marks like `[12]` removed.
std::vector<InfoboxItem> value_items(std::string_view value, const SourceLoc& at) {
  std::vector<InfoboxItem> items;
  std::string cur;
  auto flush = [&] {
    std::string t = collapse_space(cur);
    if (!t.empty()) items.push_back({t, "", at});
    cur.clear();
  };
  for (std::size_t i = 0; i < value.size();) {
    if (value[i] == '<' && i + 3 < value.size() && std::tolower(static_cast<unsigned char>(value[i + 1])) == 'b' &&
        std::tolower(static_cast<unsigned char>(value[i + 2])) == 'r') {
      // `<br>`, `<br/>`, `<br />`: the '>' is 6 characters on at most (a search to the end of the value from
      // every "<br" would make a line of them quadratic).
      const auto end = value.substr(i, 7).find('>');
      if (end != std::string_view::npos) {
        flush();
        i += end + 1;
        continue;
      }
    }
    if (value[i] == '[') {
      std::size_t j = i + 1;
      while (j < value.size() && std::isdigit(static_cast<unsigned char>(value[j]))) ++j;
      if (j > i + 1 && j < value.size() && value[j] == ']') {
        i = j + 1;
        continue;
      }
    }
    cur += value[i++];
  }
  flush();
  return items;
}

}  // namespace

InfoboxPage parse_flat_page(const std::string& text, const std::string& file) {
  InfoboxPage page;
  page.file = file;
  enum class State { kTop, kInfobox, kBody } state = State::kTop;
  InfoboxSection* section = nullptr;
  auto open_section = [&](std::string heading, int level, SourceLoc loc) {
    section = &orgchart::open_section(page, std::move(heading), level, std::move(loc));
  };
  bool last_was_item = false;
  int line_no = 0;
  std::size_t pos = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;  // UTF-8 byte order mark
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view raw(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const std::string_view line = trim(raw);
    const SourceLoc at{file, line_no, 1};
    if (line.empty()) {
      last_was_item = false;
      if (state == State::kInfobox && !page.fields.empty()) state = State::kBody;
      continue;
    }
    std::string heading;
    const int level = heading_level(line, heading);
    if (level == 1 && page.title.empty() && page.fields.empty() && page.sections.empty()) {
      page.title = heading;
      page.title_loc = {file, line_no, static_cast<int>(raw.find(heading) + 1)};
      continue;
    }
    if (state == State::kTop && page.title.empty() && line.size() > 6 && iequals(line.substr(0, 6), "title:")) {
      page.title = std::string(trim(line.substr(6)));
      page.title_loc = {file, line_no, static_cast<int>(raw.find(page.title) + 1)};
      continue;
    }
    if (level >= 2) {
      state = State::kBody;
      open_section(heading, level, at);
      last_was_item = false;
      continue;
    }
    if (state != State::kBody && iequals(line.substr(0, std::min<std::size_t>(line.size(), 7)), "infobox")) {
      state = State::kInfobox;
      page.infobox_loc = at;
      page.template_name = std::string(trim(line.substr(7)));
      continue;
    }
    const std::size_t b = bullet_text(raw);
    if (state != State::kBody && b != std::string_view::npos) {
      const std::string_view rest = raw.substr(b);
      const auto colon = rest.find(':');
      if (colon != std::string_view::npos && colon > 0 && colon < 60 && rest.substr(0, colon).find("//") == std::string_view::npos) {
        if (page.infobox_loc.line == 0) page.infobox_loc = at;
        state = State::kInfobox;
        InfoboxField f;
        f.key = std::string(trim(rest.substr(0, colon)));
        f.loc = {file, line_no, static_cast<int>(b + 1)};
        std::size_t v = b + colon + 1;
        while (v < raw.size() && raw[v] == ' ') ++v;
        f.items = value_items(raw.substr(std::min(v, raw.size())), {file, line_no, static_cast<int>(v + 1)});
        page.fields.push_back(std::move(f));
        continue;
      }
    }
    if (!section) open_section("", 1, at);  // running text before the first heading
    if (b != std::string_view::npos) {
      for (auto& item : value_items(raw.substr(b), {file, line_no, static_cast<int>(b + 1)})) section->items.push_back(item);
      last_was_item = true;
      continue;
    }
    // A short line right after an entry, without a bullet, is an entry whose line break was lost in copying.
    if (last_was_item && line.size() <= 120 && line.back() != '.' && line.back() != ':') {
      const int col = static_cast<int>(raw.find(line[0]) + 1);
      page.diagnostics.push_back({Severity::kNote, {file, line_no, col},
                                  "line without '- ' inside the list under '" + section->heading +
                                      "': taken as an entry of its own",
                                  {}});
      for (auto& item : value_items(line, {file, line_no, col})) section->items.push_back(item);
      continue;
    }
    ++section->prose_lines;
    last_was_item = false;
  }
  return page;
}

ReadResult read_flat_infobox(const std::string& text, const std::string& file) {
  return build_infobox_model(parse_flat_page(text, file));
}

}  // namespace orgchart
