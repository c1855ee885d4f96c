#include "orgchart/readers/photo.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace orgchart {

namespace {

namespace fs = std::filesystem;

/// Warnings of one kind shown one by one; the rest are counted in one more warning.
constexpr std::size_t kMaxSameWarnings = 10;

bool is_url(const std::string& s) {
  // A scheme (RFC 3986: letter, then letters, digits, + - .) followed by "://", or a data: URI.
  if (s.rfind("data:", 0) == 0) return true;
  const auto colon = s.find("://");
  if (colon == std::string::npos || colon == 0) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(s[0])) return false;
  for (std::size_t i = 1; i < colon; ++i)
    if (!alpha(s[i]) && !(s[i] >= '0' && s[i] <= '9') && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
  return true;
}

/// True when `p` is `base` or below it (both canonical).
bool inside(const fs::path& base, const fs::path& p) {
  auto b = base.begin(), q = p.begin();
  for (; b != base.end(); ++b, ++q)
    if (q == p.end() || *b != *q) return false;
  return true;
}

}  // namespace

std::optional<PhotoType> sniff_photo(const std::string& head) {
  if (head.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return PhotoType::kPng;
  if (head.rfind("\xFF\xD8\xFF", 0) == 0) return PhotoType::kJpeg;
  // SVG is text: an XML declaration, comments or a doctype may come before the root element.
  std::size_t i = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  if (head.compare(i, 1, "<") == 0 && head.find("<svg", i) != std::string::npos) return PhotoType::kSvg;
  return std::nullopt;
}

const char* photo_mime_type(PhotoType t) {
  static constexpr const char* kMimeTypes[] = {"image/png", "image/jpeg", "image/svg+xml"};  // by PhotoType
  return kMimeTypes[static_cast<std::size_t>(t)];
}

std::vector<Diagnostic> resolve_photos(OrgModel& model) {
  std::vector<Diagnostic> diags;
  std::map<std::string, fs::path> base_of;
  std::map<std::string, std::pair<std::size_t, SourceLoc>> seen;  // reason -> how often, where first left out
  for (Unit& u : model.units) {
    u.photo_file.clear();
    if (u.photo.empty()) continue;
    const SourceLoc& where = u.photo_loc.file.empty() ? u.loc : u.photo_loc;
    const std::string what = "the photo '" + u.photo + "' of '" + u.id + "'";
    auto warn = [&](const std::string& msg) {
      // A table of thousands of people whose photos are all URLs (or all missing) gets a few warnings of each
      // kind and a count, not thousands of lines. The kind is the message without the photo's own path.
      const std::string reason = msg.substr(0, msg.find(" ("));
      auto& [count, first_skipped] = seen[reason];
      if (++count <= kMaxSameWarnings)
        diags.push_back({Severity::kWarning, where, what + " " + msg + "; the card shows initials instead", {}});
      else if (count == kMaxSameWarnings + 1)
        first_skipped = where;
    };
    if (is_url(u.photo)) {
      warn("is a URL, and orgchart never fetches anything from the network: save the image in the data file's "
           "folder and give its path");
      continue;
    }
    if (std::any_of(u.photo.begin(), u.photo.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      // Graphviz would split such a path across lines of its output.
      warn("has a control character (a line break, tab, ...) in its path: rename the file");
      continue;
    }
    std::error_code ec;
    const std::string named_by = where.file.empty() ? (model.files.empty() ? std::string() : model.files.front()) : where.file.str();
    // One canonical folder per data file, not one per row (a table of people names one file).
    auto [known, fresh] = base_of.try_emplace(named_by);
    if (fresh) known->second = fs::weakly_canonical(fs::absolute(fs::path(named_by).parent_path(), ec), ec);
    const fs::path& base = known->second;
    if (ec || base.empty()) {
      warn("cannot be resolved: the folder of '" + named_by + "' cannot be read");
      continue;
    }
    const fs::path file = fs::weakly_canonical(base / fs::path(u.photo), ec);
    if (ec || !inside(base, file)) {
      warn("leads outside the folder of the data file (" + base.string() +
           "); photos are read only from that folder and the folders below it");
      continue;
    }
    if (!fs::is_regular_file(file, ec)) {
      warn(fs::exists(file, ec) ? "is not a file" : "does not exist (looked for " + file.string() + ")");
      continue;
    }
    const auto size = fs::file_size(file, ec);
    if (ec) {
      warn("cannot be read");
      continue;
    }
    if (size > kMaxPhotoBytes) {
      warn("has " + std::to_string(size) + " bytes, more than the " + std::to_string(kMaxPhotoBytes / (1024 * 1024)) +
           " MB (" + std::to_string(kMaxPhotoBytes) + " bytes) a photo may have: make it smaller");
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (!in && !in.eof()) {
      warn("cannot be read");
      continue;
    }
    const auto type = sniff_photo(head);
    if (!type) {
      warn("is not a PNG, JPEG or SVG image");
      continue;
    }
    if (*type == PhotoType::kSvg && head.rfind("<?xml", 0) != 0) {
      // Graphviz (2.42) recognises an SVG image only by an XML declaration at its very first byte.
      warn("is an SVG file that does not begin with an XML declaration, which Graphviz needs to draw it: make "
           "'<?xml version=\"1.0\" encoding=\"UTF-8\"?>' its first line (no blank line or byte-order mark before it)");
      continue;
    }
    u.photo_file = file.string();
  }
  for (const auto& [reason, count_at] : seen)
    if (count_at.first > kMaxSameWarnings)
      diags.push_back({Severity::kWarning, count_at.second,
                       std::to_string(count_at.first - kMaxSameWarnings) + " more photos (from here on) " + reason +
                           "; their cards show initials instead",
                       {}});
  return diags;
}

}  // namespace orgchart
