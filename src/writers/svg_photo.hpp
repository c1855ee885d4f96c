#pragma once
/// Internal to the SVG writers: card photos embedded as data URIs, so that an SVG stays self-contained.
#include <cstddef>
#include <string>
#include <unordered_map>

namespace orgchart::svg {

/// At most this much base64 in one SVG (64 MB): thousands of usual photos, or a few of the largest allowed.
inline constexpr std::size_t kMaxEmbeddedBytes = std::size_t{64} * 1024 * 1024;

/// Reads each photo once, however many cards show it, and counts what the SVG embeds.
class PhotoEmbedder {
 public:
  /// The photo at `path` (a file the reader checked) as a `data:` URI, or "" when it cannot be read (again) or is
  /// no longer an image. Throws LayoutError when the photos embedded so far pass kMaxEmbeddedBytes.
  const std::string& data_uri(const std::string& path);
  /// The same, counted only the first time a path is asked for; `first` tells whether it was.
  const std::string& data_uri_once(const std::string& path, bool& first);

 private:
  void count(std::size_t bytes);
  std::unordered_map<std::string, std::string> uri_;
  std::size_t embedded_bytes_ = 0;
};

std::string base64(const std::string& in);

}  // namespace orgchart::svg
