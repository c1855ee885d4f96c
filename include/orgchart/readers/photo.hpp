#pragma once
/// Photos of people cards: which local image files may be drawn. Never fetches a URL, never reads outside
/// the folder of the data file that names the photo.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart {

/// Larger photos are not drawn (a card shows 40 points of it; the SVG embeds the whole file).
inline constexpr std::uintmax_t kMaxPhotoBytes = 5 * 1024 * 1024;

/// The image formats a card can show, by their first bytes.
enum class PhotoType { kPng, kJpeg, kSvg };

/// The type of an image from its first bytes; nullopt for anything else.
std::optional<PhotoType> sniff_photo(const std::string& head);

/// `image/png`, `image/jpeg` or `image/svg+xml`.
const char* photo_mime_type(PhotoType t);

/// Sets Unit::photo_file for every unit whose `photo` is a readable PNG, JPEG or SVG file of at most
/// kMaxPhotoBytes, resolved relative to the folder of the file that names it and inside that folder's tree.
/// A warning (file:line:col) for each photo that is not drawn: a URL (not fetched), a path leading outside the
/// folder, a missing, unreadable, too large or non-image file. Those cards show the person's initials.
std::vector<Diagnostic> resolve_photos(OrgModel& model);

}  // namespace orgchart
