#include "orgchart/readers/photo.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "orgchart/readers/loader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "rest";

/// Loads `yaml` written as <dir>/data/chart.yaml; returns the model and every warning's text.
std::pair<OrgModel, std::string> load_in(const std::string& dir, const std::string& yaml) {
  test::write_file(dir + "/data/chart.yaml", yaml);
  ReadResult r = load_org_file(dir + "/data/chart.yaml");
  std::string warnings;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::kWarning) warnings += d.loc.file.substr(dir.size()) + ":" + std::to_string(d.loc.line) +
                                                      ":" + std::to_string(d.loc.column) + ": " + d.message + "\n";
  return {std::move(r.model), warnings};
}

TEST(Photo, SniffsPngJpegAndSvgOnly) {
  EXPECT_EQ(sniff_photo(kPng), PhotoType::kPng);
  EXPECT_EQ(sniff_photo("\xFF\xD8\xFF\xE0xx"), PhotoType::kJpeg);
  EXPECT_EQ(sniff_photo("\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), PhotoType::kSvg);
  EXPECT_EQ(sniff_photo("GIF89a"), std::nullopt);
  EXPECT_EQ(sniff_photo("root:x:0:0:root:/root:/bin/bash"), std::nullopt);
  EXPECT_EQ(sniff_photo(""), std::nullopt);
}

TEST(Photo, LocalImagesResolveInsideTheDataFolderOnly) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/data/photos");
  test::write_file(dir + "/data/photos/a.png", kPng);
  test::write_file(dir + "/data/photos/b.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  test::write_file(dir + "/data/photos/bare.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  test::write_file(dir + "/secret.png", kPng);  // a real image, but outside the data folder
  test::write_file(dir + "/data/photos/text.png", "not an image");
  fs::create_symlink(dir + "/secret.png", dir + "/data/photos/link.png");
  fs::create_directories(dir + "/data/photos/dir.png");
  {
    std::ofstream big(dir + "/data/photos/big.png", std::ios::binary);
    big << kPng;
  }
  fs::resize_file(dir + "/data/photos/big.png", kMaxPhotoBytes + 1);
  const auto [model, warnings] = load_in(dir,
                                         "units:\n"
                                         "  - {id: a, name: A, kind: person, photo: photos/a.png}\n"
                                         "  - {id: b, name: B, kind: person, photo: ./photos/../photos/b.svg, parent: a}\n"
                                         "  - {id: c, name: C, kind: person, photo: ../secret.png, parent: a}\n"
                                         "  - {id: d, name: D, kind: person, photo: /etc/passwd, parent: a}\n"
                                         "  - {id: e, name: E, kind: person, photo: photos/link.png, parent: a}\n"
                                         "  - {id: f, name: F, kind: person, photo: photos/missing.png, parent: a}\n"
                                         "  - {id: g, name: G, kind: person, photo: photos/text.png, parent: a}\n"
                                         "  - {id: h, name: H, kind: person, photo: photos/big.png, parent: a}\n"
                                         "  - {id: i, name: I, kind: person, photo: 'HTTPS://x.org/i.jpg', parent: a}\n"
                                         "  - {id: j, name: J, kind: person, photo: photos/dir.png, parent: a}\n"
                                         "  - {id: k, name: K, kind: person, photo: \"photos/a\\n.png\", parent: a}\n"
                                         "  - {id: l, name: L, kind: person, photo: photos/bare.svg, parent: a}\n");
  ASSERT_EQ(model.units.size(), 12u);
  EXPECT_EQ(model.units[0].photo_file, fs::canonical(dir + "/data/photos/a.png").string());
  EXPECT_EQ(model.units[1].photo_file, fs::canonical(dir + "/data/photos/b.svg").string());
  for (std::size_t i = 2; i < 12; ++i) EXPECT_EQ(model.units[i].photo_file, "") << model.units[i].id;
  const std::string base = fs::canonical(dir + "/data").string();
  const std::string tail = "; the card shows initials instead\n";
  EXPECT_EQ(warnings,
            "/data/chart.yaml:4:43: the photo '../secret.png' of 'c' leads outside the folder of the data file (" + base +
                "); photos are read only from that folder and the folders below it" + tail +
                "/data/chart.yaml:5:43: the photo '/etc/passwd' of 'd' leads outside the folder of the data file (" + base +
                "); photos are read only from that folder and the folders below it" + tail +
                "/data/chart.yaml:6:43: the photo 'photos/link.png' of 'e' leads outside the folder of the data file (" +
                base + "); photos are read only from that folder and the folders below it" + tail +
                "/data/chart.yaml:7:43: the photo 'photos/missing.png' of 'f' does not exist (looked for " + base +
                "/photos/missing.png)" + tail +
                "/data/chart.yaml:8:43: the photo 'photos/text.png' of 'g' is not a PNG, JPEG or SVG image" + tail +
                "/data/chart.yaml:9:43: the photo 'photos/big.png' of 'h' has 5242881 bytes, more than the 5 MB (5242880 "
                "bytes) a photo may have: make it smaller" + tail +
                "/data/chart.yaml:10:43: the photo 'HTTPS://x.org/i.jpg' of 'i' is a URL, and orgchart never fetches "
                "anything from the network: save the image in the data file's folder and give its path" + tail +
                "/data/chart.yaml:11:43: the photo 'photos/dir.png' of 'j' is not a file" + tail +
                "/data/chart.yaml:12:43: the photo 'photos/a\n.png' of 'k' has a control character (a line break, tab, "
                "...) in its path: rename the file" + tail +
                "/data/chart.yaml:13:43: the photo 'photos/bare.svg' of 'l' is an SVG file that does not begin with an "
                "XML declaration, which Graphviz needs to draw it: make '<?xml version=\"1.0\" encoding=\"UTF-8\"?>' "
                "its first line (no blank line or byte-order mark before it)" + tail);
}

TEST(Photo, ACheckedPhotoIsEmbeddedAndNoPathRemainsInTheSvg) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/data");
  fs::copy_file(test::source_dir() + "/data/examples/photos/ada.png", dir + "/data/ada.png");
  test::write_file(dir + "/data/chart.yaml", "units:\n  - {id: a, name: Ada Lovelace, title: CTO, photo: ada.png}\n"
                                             "  - {id: b, name: Bo Li, title: Dev, photo: nope.png, parent: a}\n");
  const auto r = test::run(test::shell_quote(test::binary()) + " export " + test::shell_quote(dir + "/data/chart.yaml") +
                           " -o " + test::shell_quote(dir + "/c.svg") + " -o " + test::shell_quote(dir + "/c.png") +
                           " -o " + test::shell_quote(dir + "/c.pdf"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("chart.yaml:3:45: warning: the photo 'nope.png' of 'b' does not exist"), std::string::npos) << r.err;
  const std::string svg = test::read_file(dir + "/c.svg");
  EXPECT_NE(svg.find("<image xlink:href=\"data:image/png;base64,iVBORw0KGgo"), std::string::npos);
  EXPECT_EQ(svg.find(dir), std::string::npos) << "a path of the machine is in the SVG";
  EXPECT_NE(svg.find(">BL<"), std::string::npos) << "initials of Bo Li";
  // The PNG and PDF are drawn (Graphviz's cairo loads the image); the photo makes the PNG larger than without.
  EXPECT_GT(fs::file_size(dir + "/c.png"), 1000u);
  EXPECT_GT(fs::file_size(dir + "/c.pdf"), 1000u);
}

TEST(Photo, APathWithQuotesAndAmpersandsIsEmbeddedToo) {
  const std::string dir = test::temp_dir() + "/we&ird <dir>";
  fs::create_directories(dir);
  fs::copy_file(test::source_dir() + "/data/examples/photos/ada.png", dir + "/a'b\"c&amp;.png");
  test::write_file(dir + "/c.yaml", "units:\n  - {id: a, name: Ada, title: T, photo: \"a'b\\\"c&amp;.png\"}\n");
  const auto r = test::run(test::shell_quote(test::binary()) + " export " + test::shell_quote(dir + "/c.yaml") + " -o " +
                           test::shell_quote(dir + "/c.svg"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string svg = test::read_file(dir + "/c.svg");
  EXPECT_NE(svg.find("<image xlink:href=\"data:image/png;base64,"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("weird"), std::string::npos);
  EXPECT_EQ(svg.find("<dir>"), std::string::npos);
}

TEST(Photo, AnSvgPhotoIsEmbeddedAndDrawnInPng) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/p.svg",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" "
                   "height=\"64\"><rect width=\"64\" height=\"64\" fill=\"#78aad2\"/></svg>\n");
  test::write_file(dir + "/c.yaml", "units:\n  - {id: a, name: Ada, title: T, photo: p.svg}\n");
  const auto r = test::run(test::shell_quote(test::binary()) + " export " + test::shell_quote(dir + "/c.yaml") + " -o " +
                           test::shell_quote(dir + "/c.svg") + " -o " + test::shell_quote(dir + "/c.png"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(test::read_file(dir + "/c.svg").find("<image xlink:href=\"data:image/svg+xml;base64,"), std::string::npos);
}

TEST(Photo, ManyPhotosWithTheSameProblemGiveTenWarningsAndACount) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/data");
  std::string yaml = "units:\n";
  for (int i = 0; i < 25; ++i)
    yaml += "  - {id: p" + std::to_string(i) + ", name: P, title: T, photo: 'https://x.org/" + std::to_string(i) +
            ".jpg'" + (i ? ", parent: p0" : "") + "}\n";
  const auto [model, warnings] = load_in(dir, yaml);
  std::size_t lines = 0;
  for (char ch : warnings) lines += ch == '\n';
  EXPECT_EQ(lines, 11u) << warnings;
  EXPECT_NE(warnings.find("/data/chart.yaml:12:"), std::string::npos);  // the 11th unit, on line 12
  EXPECT_NE(warnings.find(": 15 more photos (from here on) is a URL, and orgchart never fetches anything from the "
                          "network: save the image in the data file's folder and give its path; their cards show "
                          "initials instead\n"),
            std::string::npos)
      << warnings;
}

TEST(Photo, TheSvgRefusesToGrowPastItsPhotoBudget) {
  // Ten cards showing a photo of almost 5 MB would embed about 67 MB of base64: a clear error, nothing written.
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/data");
  std::string png = test::read_file(test::source_dir() + "/data/examples/photos/ada.png");
  png.resize(kMaxPhotoBytes - 1, '\0');  // trailing bytes after IEND: still a PNG to every reader
  test::write_file(dir + "/data/big.png", png);
  std::string yaml = "units:\n";
  for (int i = 0; i < 10; ++i)
    yaml += "  - {id: p" + std::to_string(i) + ", name: P, title: T, photo: big.png" + (i ? ", parent: p0" : "") + "}\n";
  test::write_file(dir + "/data/chart.yaml", yaml);
  const auto r = test::run(test::shell_quote(test::binary()) + " export " + test::shell_quote(dir + "/data/chart.yaml") +
                           " -o " + test::shell_quote(dir + "/c.svg"));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_EQ(r.err, "orgchart: the photos would make the SVG larger than 64 MB (each card embeds its photo): use smaller "
                   "photos, or export PNG or PDF\n");
  EXPECT_FALSE(fs::exists(dir + "/c.svg"));
}

}  // namespace
}  // namespace orgchart
