#include "svg_photo.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>

#include "orgchart/error.hpp"
#include "orgchart/readers/photo.hpp"

namespace orgchart::svg {

std::string base64(const std::string& in) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, in.size() - i);
    std::uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (n > 1) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (n > 2) v |= static_cast<unsigned char>(in[i + 2]);
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += n > 1 ? kDigits[(v >> 6) & 63] : '=';
    out += n > 2 ? kDigits[v & 63] : '=';
  }
  return out;
}

namespace {

std::string read_data_uri(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::string bytes(kMaxPhotoBytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxPhotoBytes) return "";
  const auto type = sniff_photo(bytes.substr(0, 4096));
  if (!type) return "";
  return std::string("data:") + photo_mime_type(*type) + ";base64," + base64(bytes);
}

}  // namespace

void PhotoEmbedder::count(std::size_t bytes) {
  embedded_bytes_ += bytes;
  if (embedded_bytes_ > kMaxEmbeddedBytes)
    throw LayoutError("the photos would make the SVG larger than " + std::to_string(kMaxEmbeddedBytes / (1024 * 1024)) +
                      " MB (each card embeds its photo): use smaller photos, or export PNG or PDF");
}

const std::string& PhotoEmbedder::data_uri(const std::string& path) {
  auto [it, fresh] = uri_.try_emplace(path);
  if (fresh) it->second = read_data_uri(path);
  count(it->second.size());
  return it->second;
}

const std::string& PhotoEmbedder::data_uri_once(const std::string& path, bool& first) {
  auto [it, fresh] = uri_.try_emplace(path);
  first = fresh;
  if (fresh) {
    it->second = read_data_uri(path);
    count(it->second.size());
  }
  return it->second;
}

}  // namespace orgchart::svg
