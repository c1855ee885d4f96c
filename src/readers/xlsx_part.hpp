#pragma once
// One XML part of a workbook, streamed: libzip inflates it as libxml2's reader asks for more, so memory follows
// what the caller keeps (the rows), never the part's inflated size. Internal to the XLSX reader.
#include <libxml/xmlreader.h>
#include <zip.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "orgchart/c_ptr.hpp"

namespace orgchart::detail {

/// Where something is in a part: libxml2's 1-based line and character column (0: unknown), and the text around
/// it for the caret display (empty when the part's bytes there are no longer held).
struct PartPlace {
  int line = 0;
  int column = 0;
  std::string text;  ///< the line around the place, as read (a window of it: lines may be megabytes)
  int text_column = 0;  ///< 1-based byte column of the place in `text`
};

/// Why a part could not be read to its end: what is wrong (with how to fix it) and where.
struct PartFailure {
  std::string message;
  PartPlace place;
};

/// The last bytes fed to the parser: the text around what the reader has just returned, and its place, without
/// holding the part. Lines and columns are not counted here (that cost a pass over every byte): they are taken
/// back from a later point whose place libxml2 knows (where its parser is).
class TailWindow {
 public:
  void feed(const char* p, std::size_t n);
  /// The last occurrence of `what` that starts before `offset`, or npos.
  std::size_t rfind(std::string_view what, std::size_t offset) const;
  /// The place of byte `offset`, from byte `known` (at or after it) being at line `line`, character column
  /// `column`; with the text of its line the window holds (up to 4 KiB either side). Line 0 when the window does
  /// not hold both.
  PartPlace place(std::size_t offset, std::size_t known, int line, int column) const;

 private:
  std::string bytes_;
  std::size_t base_ = 0;  // offset of bytes_[0] in the part
};

/// An XML part of the archive read node by node, without network, DTD loading or entity substitution. Its
/// inflated size is counted as it streams: past `max_bytes` the read fails (a zip bomb), as does a DOCTYPE
/// (OOXML has none; one here can only declare entities).
class XmlPart {
 public:
  /// Opens entry `index` of `zip`, named `name`; check `failure()` before reading.
  XmlPart(zip_t* zip, zip_uint64_t index, std::string name, std::size_t max_bytes);
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  const std::string& name() const { return name_; }
  /// Next node; false at the end or when the part cannot be read further (`failure()` says why).
  bool next();
  const std::optional<PartFailure>& failure() const { return failure_; }

  int type() const { return xmlTextReaderNodeType(reader_.get()); }
  bool start(const char* local) const { return type() == XML_READER_TYPE_ELEMENT && is(local); }
  bool end(const char* local) const { return type() == XML_READER_TYPE_END_ELEMENT && is(local); }
  bool empty_element() const { return xmlTextReaderIsEmptyElement(reader_.get()) == 1; }
  bool is(const char* local) const;
  int depth() const { return xmlTextReaderDepth(reader_.get()); }
  std::string attr(const char* name) const;
  /// The value of the namespaced attribute with this local name (e.g. r:id), whatever its prefix.
  std::string ns_attr(const char* local) const;
  /// The text inside the current element, up to its end (for <v>, <t>).
  std::string text(const char* local);

  /// Where the current node is: the last `mark` (text the node's markup holds, e.g. `r="12"`) before where the
  /// parser is, else the last `other_mark`, else where the parser is (a few hundred bytes on: it reads ahead).
  PartPlace here(std::string_view mark, std::string_view other_mark = {}) const;

 private:
  static int on_read(void* self, char* buffer, int length);
  static int on_close(void*) { return 0; }
  template <typename E>
  static void on_error(void* self, E* error);
  void fail(std::string message, PartPlace place);

  std::string name_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  TailWindow window_;
  std::optional<PartFailure> failure_;
  std::optional<std::string> io_failure_;  // the archive, not the XML: said instead of libxml2's I/O error
  CPtr<zip_file_t, zip_fclose> file_;
  CPtr<xmlTextReader, xmlFreeTextReader> reader_;  // after file_: freed first, while the file is open
};

/// Whether entry `index` of `zip` holds `needle` anywhere, read as a stream (at most `max_bytes`); nullopt
/// when it cannot be read (the XML reader says why when it reads the part).
std::optional<bool> part_contains(zip_t* zip, zip_uint64_t index, std::string_view needle, std::size_t max_bytes);

}  // namespace orgchart::detail
