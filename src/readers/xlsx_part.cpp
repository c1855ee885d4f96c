#include "xlsx_part.hpp"

#include <algorithm>
#include <cstring>

#include "orgchart/readers/whitespace.hpp"

namespace orgchart::detail {

namespace {

/// The most bytes of a part kept for positions and source lines: twice this at most, this at least.
constexpr std::size_t kKeep = std::size_t{64} << 10;
/// The most bytes of a line kept either side of a place, for the caret display (which shows 120).
constexpr std::size_t kAround = 4096;

/// Characters in `s` as libxml2 counts columns: UTF-8 lead bytes.
long characters(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

void ignore_generic_error(void*, const char*, ...) {}

}  // namespace

void TailWindow::feed(const char* p, std::size_t n) {
  bytes_.append(p, n);
  if (bytes_.size() <= 2 * kKeep) return;
  // Dropped in bulk, so that each byte moves a bounded number of times.
  const std::size_t drop = bytes_.size() - kKeep;
  bytes_.erase(0, drop);
  base_ += drop;
}

std::size_t TailWindow::rfind(std::string_view what, std::size_t offset) const {
  if (offset <= base_ || what.empty()) return std::string::npos;
  const std::size_t found = std::string_view(bytes_).rfind(what, std::min(offset - base_ - 1, bytes_.size()));
  return found == std::string::npos ? found : found + base_;
}

PartPlace TailWindow::place(std::size_t offset, std::size_t known, int line, int column) const {
  PartPlace p;
  if (offset < base_ || known < offset || known > base_ + bytes_.size() || line <= 0) return p;
  const std::string_view all(bytes_);
  const std::size_t at = offset - base_;
  const std::string_view between = all.substr(at, known - offset);
  const auto lines = std::count(between.begin(), between.end(), '\n');
  p.line = line - static_cast<int>(lines);
  // Where the line starts, when the window holds its start (npos: it began before the window).
  std::size_t line_start = all.substr(0, at).rfind('\n');
  line_start = line_start != std::string_view::npos ? line_start + 1 : base_ == 0 ? 0 : std::string_view::npos;
  if (lines == 0)
    p.column = column - static_cast<int>(characters(between));
  else if (line_start != std::string_view::npos)
    p.column = static_cast<int>(characters(all.substr(line_start, at - line_start))) + 1;
  std::size_t b = at > kAround ? at - kAround : 0;
  if (line_start != std::string_view::npos && line_start > b) b = line_start;
  std::size_t e = std::min(all.size(), at + kAround);
  if (const auto nl = all.substr(at, e - at).find('\n'); nl != std::string_view::npos) e = at + nl;
  if (e > b && all[e - 1] == '\r') --e;
  p.text = std::string(all.substr(b, e - b));
  p.text_column = static_cast<int>(at - b) + 1;
  return p;
}

XmlPart::XmlPart(zip_t* zip, zip_uint64_t index, std::string name, std::size_t max_bytes)
    : name_(std::move(name)), max_bytes_(max_bytes) {
  file_.reset(zip_fopen_index(zip, index, 0));
  if (!file_) {
    fail(std::string("cannot read this part of the archive (") + zip_strerror(zip) +
             "): the file is damaged or encrypted; save it again from the spreadsheet program",
         {});
    return;
  }
  // Some of libxml2's messages (encoding conversion, I/O) bypass the reader's handler and go to stderr; readers
  // never print, and those messages echo bytes of the input. The handler below reports each failure.
  xmlSetGenericErrorFunc(nullptr, &ignore_generic_error);
  // libxml2's limits kept (no HUGE): a text of 10 MB at most (a cell holds 32,767 characters; with HUGE one
  // <t> of a gigabyte, a megabyte in the archive, was held whole), depth 256. No NOENT, DTDLOAD or DTDATTR:
  // entities stay unexpanded, nothing is fetched.
  reader_.reset(xmlReaderForIO(&XmlPart::on_read, &XmlPart::on_close, this, name_.c_str(), nullptr,
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT));
  if (!reader_) {
    fail(io_failure_.value_or("cannot start reading this part (out of memory?)"), {});
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(reader_.get(), &XmlPart::on_error, this);
}

XmlPart::~XmlPart() = default;

void XmlPart::fail(std::string message, PartPlace place) {
  if (!failure_) failure_ = PartFailure{std::move(message), std::move(place)};
}

int XmlPart::on_read(void* self, char* buffer, int length) {
  XmlPart& p = *static_cast<XmlPart*>(self);
  if (p.io_failure_ || length <= 0) return p.io_failure_ ? -1 : 0;
  const zip_int64_t n = zip_fread(p.file_.get(), buffer, static_cast<zip_uint64_t>(length));
  if (n < 0) {
    p.io_failure_ = std::string("the archive is damaged inside this part (") + zip_file_strerror(p.file_.get()) +
                    "): save the workbook again from the spreadsheet program, or save the sheet as CSV UTF-8";
    return -1;
  }
  // The size in the archive's directory may lie: count what really comes out.
  if (p.bytes_ + static_cast<std::size_t>(n) > p.max_bytes_) {
    p.io_failure_ = "this part is larger than " + std::to_string(p.max_bytes_ >> 20) +
                    " MiB uncompressed; refusing it (a damaged file or a zip bomb)";
    return -1;
  }
  p.bytes_ += static_cast<std::size_t>(n);
  p.window_.feed(buffer, static_cast<std::size_t>(n));
  return static_cast<int>(n);
}

// A template so that it fits both libxml2's `xmlErrorPtr` (before 2.12) and `const xmlError*`.
template <typename E>
void XmlPart::on_error(void* self, E* e) {
  XmlPart& p = *static_cast<XmlPart*>(self);
  if (!e || e->level < XML_ERR_ERROR) return;  // warnings (namespace URIs, ...) do not stop us
  if (p.failure_ || p.io_failure_) return;     // the first error is the one to fix; what follows is its echo
  PartPlace place;
  const auto* ctxt = static_cast<const xmlParserCtxt*>(e->ctxt);
  // Byte offsets are the part's own only when libxml2 did not convert it from another encoding.
  if (ctxt && ctxt->input && ctxt->input->buf && !ctxt->input->buf->encoder)
    if (const long consumed = xmlByteConsumed(const_cast<xmlParserCtxt*>(ctxt)); consumed >= 0) {
      const auto at = static_cast<std::size_t>(consumed);
      place = p.window_.place(at, at, e->line, e->int2);
    }
  place.line = e->line;
  place.column = e->int2;
  const std::string what(trim(e->message ? e->message : "malformed XML"));
  // libxml2's size limits, which it names after its own internals and answers with advice to its caller.
  if (what.find("huge text node") != std::string::npos || what.find("Huge input lookup") != std::string::npos ||
      what.find("too long") != std::string::npos || what.find("Excessive depth") != std::string::npos) {
    p.fail("a text, name or value here is longer than 10 MB, or elements are nested more than 256 deep (a cell "
           "holds at most 32,767 characters): the workbook is damaged or hostile; save the sheet as CSV UTF-8",
           std::move(place));
    return;
  }
  p.fail("the XML is not well-formed (" + what +
             "): the workbook is damaged; open it in Excel or LibreOffice and save it again, or save the sheet as "
             "CSV UTF-8",
         std::move(place));
}

bool XmlPart::next() {
  if (failure_ || !reader_) return false;
  const int r = xmlTextReaderRead(reader_.get());
  if (io_failure_) {
    fail(*io_failure_, {});
    return false;
  }
  if (r == 1 && type() == XML_READER_TYPE_DOCUMENT_TYPE) {
    fail("this part declares a DTD (<!DOCTYPE ...>), which no spreadsheet program writes and which can only serve "
         "to declare entities: remove it, or save the workbook again from the spreadsheet program",
         here("<!DOCTYPE"));
    return false;
  }
  if (r < 0)
    fail("the XML is not well-formed: the workbook is damaged; open it in Excel or LibreOffice and save it again, or "
         "save the sheet as CSV UTF-8",
         here({}));
  return r == 1;
}

bool XmlPart::is(const char* local) const {
  const xmlChar* n = xmlTextReaderConstLocalName(reader_.get());
  return n && std::string_view(reinterpret_cast<const char*>(n)) == local;
}

std::string XmlPart::attr(const char* name) const {
  xmlChar* v = xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

std::string XmlPart::ns_attr(const char* local) const {
  std::string s;
  if (xmlTextReaderMoveToFirstAttribute(reader_.get()) != 1) return s;
  do {
    const xmlChar* ns = xmlTextReaderConstNamespaceUri(reader_.get());
    if (ns && is(local)) s = reinterpret_cast<const char*>(xmlTextReaderConstValue(reader_.get()));
  } while (xmlTextReaderMoveToNextAttribute(reader_.get()) == 1);
  xmlTextReaderMoveToElement(reader_.get());
  return s;
}

std::string XmlPart::text(const char* local) {
  std::string s;
  if (empty_element()) return s;
  while (next() && !end(local)) {
    const int t = type();
    if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_CDATA ||
        t == XML_READER_TYPE_WHITESPACE)
      if (const xmlChar* v = xmlTextReaderConstValue(reader_.get())) s += reinterpret_cast<const char*>(v);
  }
  return s;
}

PartPlace XmlPart::here(std::string_view mark, std::string_view other_mark) const {
  PartPlace p;
  if (!reader_) return p;
  // The reader hands out nodes a chunk behind the parser: the node's own markup is the last `mark` before it,
  // and its place is counted back from the parser's.
  p.line = xmlTextReaderGetParserLineNumber(reader_.get());
  p.column = xmlTextReaderGetParserColumnNumber(reader_.get());
  const long consumed = xmlTextReaderByteConsumed(reader_.get());
  if (consumed < 0) return p;
  const auto parser = static_cast<std::size_t>(consumed);
  std::size_t at = mark.empty() ? parser : window_.rfind(mark, parser);
  if (at == std::string::npos && !other_mark.empty()) at = window_.rfind(other_mark, parser);
  if (at == std::string::npos) return p;
  PartPlace q = window_.place(at, parser, p.line, p.column);
  return q.line > 0 ? q : p;
}

std::optional<bool> part_contains(zip_t* zip, zip_uint64_t index, std::string_view needle, std::size_t max_bytes) {
  CPtr<zip_file_t, zip_fclose> f(zip_fopen_index(zip, index, 0));
  if (!f || needle.empty()) return std::nullopt;
  std::string buf(std::size_t{1} << 16, '\0');
  std::size_t carry = 0, total = 0;  // the last needle.size() - 1 bytes of the chunk before, at buf's start
  for (;;) {
    const zip_int64_t n = zip_fread(f.get(), buf.data() + carry, buf.size() - carry);
    if (n < 0) return std::nullopt;
    if (n == 0) return false;
    total += static_cast<std::size_t>(n);
    if (total > max_bytes) return std::nullopt;
    const std::string_view chunk(buf.data(), carry + static_cast<std::size_t>(n));
    if (chunk.find(needle) != std::string_view::npos) return true;
    carry = std::min(chunk.size(), needle.size() - 1);
    std::memmove(buf.data(), chunk.data() + chunk.size() - carry, carry);
  }
}

}  // namespace orgchart::detail
