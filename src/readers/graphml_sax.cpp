#include "graphml_sax.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <tuple>

#include "graphml_lines.hpp"
#include "graphml_text.hpp"
#include "orgchart/readers/whitespace.hpp"

namespace orgchart::detail {

GraphmlData& GraphmlItem::add_data() {
  if (used_ == data_.size()) data_.emplace_back();
  GraphmlData& d = data_[used_++];
  d.key.clear();
  d.value.clear();
  return d;
}

void GraphmlItem::clear() {
  id.clear();
  source.clear();
  target.clear();
  has_id = has_ends = false;
  line = column = 0;
  slot = 0;
  yed_label.reset();
  used_ = 0;
}

namespace {

constexpr const char* kGraphmlNs = "http://graphml.graphdrawing.org/xmlns";

/// The value of the unprefixed attribute `name` among libxml2's (localname, prefix, URI, value, end) fives.
const xmlChar* const* find_attribute(int n, const xmlChar** a, const char* name) {
  for (int i = 0; i < n; ++i, a += 5)
    if (!a[1] && std::strcmp(reinterpret_cast<const char*>(a[0]), name) == 0) return a;
  return nullptr;
}

/// Sets `out` to the attribute's value; false (and `out` empty) when the element has none.
bool attribute(int n, const xmlChar** a, const char* name, std::string& out) {
  const xmlChar* const* at = find_attribute(n, a, name);
  if (!at) {
    out.clear();
    return false;
  }
  out.assign(reinterpret_cast<const char*>(at[3]), reinterpret_cast<const char*>(at[4]));
  return true;
}

/// Feeds libxml2's pull parser from a ByteSource through its I/O callbacks, keeping the lines it reads.
class SaxReader {
 public:
  SaxReader(ByteSource& source, const std::string& file, GraphmlSink& sink, std::vector<Diagnostic>& diags)
      : source_(source), file_(file), sink_(sink), diags_(diags) {}

  bool utf8() const { return utf8_; }
  bool markup() const { return lines_.first_mark() == '<'; }

  /// False when the XML is not well-formed (or declares entities); the errors are in the diagnostics.
  bool parse() {
    // libxml2 makes no context for an empty input: read the first chunk before it does.
    first_.resize(65536);
    const long n = source_.read(first_.data(), first_.size());
    if (n < 0) return read_failed();
    first_.resize(static_cast<std::size_t>(n));
    if (first_.empty()) {
      error(1, 1, "XML syntax error: Document is empty");
      return false;
    }
    xmlInitParser();
    // Some of libxml2's messages (encoding conversion) bypass the context's handler and go straight to
    // stderr; readers never print, and those messages echo bytes of the input. The context's serror below
    // still reports each failure with its line and column.
    xmlSetGenericErrorFunc(nullptr, &SaxReader::on_generic_error);
    // The pull parser, not the push parser: it keeps libxml2's depth limit and says "Premature end of data"
    // where the push parser says "Extra content at the end of the document". It pulls the file in chunks
    // through on_read.
    auto free_ctxt = [](xmlParserCtxtPtr c) { xmlFreeParserCtxt(c); };
    std::unique_ptr<xmlParserCtxt, decltype(free_ctxt)> ctxt(
        xmlCreateIOParserCtxt(nullptr, nullptr, &SaxReader::on_read, nullptr, this, XML_CHAR_ENCODING_NONE),
        free_ctxt);
    if (!ctxt) throw std::bad_alloc();
    ctxt_ = ctxt.get();
    // Our callbacks only, written into the context's own handler (which it frees): no tree is built, and
    // nothing we do not handle (external subsets, entity resolution) falls back to libxml2's defaults.
    std::memset(ctxt_->sax, 0, sizeof *ctxt_->sax);
    ctxt_->sax->initialized = XML_SAX2_MAGIC;
    ctxt_->sax->startElementNs = &SaxReader::on_start;
    ctxt_->sax->endElementNs = &SaxReader::on_end;
    ctxt_->sax->characters = &SaxReader::on_text;
    ctxt_->sax->cdataBlock = &SaxReader::on_text;
    ctxt_->sax->ignorableWhitespace = &SaxReader::on_text;  // blanks in <data> are data
    ctxt_->sax->comment = &SaxReader::on_comment;
    ctxt_->sax->entityDecl = &SaxReader::on_entity_decl;
    ctxt_->sax->getEntity = &SaxReader::on_get_entity;
    ctxt_->sax->serror = &SaxReader::on_error;
    ctxt_->userData = this;
    // Only NONET: no NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR, no HUGE (libxml2's size and
    // depth limits stay on), no RECOVER (the first well-formedness error ends the parse).
    xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET);
    xmlParseDocument(ctxt_);
    // An entity declaration makes libxml2 create a document to hold it (ctxt->myDoc) even without tree
    // callbacks; the context does not own it (LeakSanitizer found it).
    if (ctxt_->myDoc) {
      xmlFreeDoc(ctxt_->myDoc);
      ctxt_->myDoc = nullptr;
    }
    ctxt_ = nullptr;
    if (read_failed_ && !failed_) return read_failed();
    return !failed_;
  }

 private:
  enum class Frame { kGraphml, kKey, kDefault, kGraph, kNode, kEdge, kData, kNodeLabel, kOther };
  struct Open {
    Frame frame;
    std::size_t item = 0;  // the item's depth in items_ (kGraph, kNode, kEdge)
  };

  static SaxReader& self(void* p) { return *static_cast<SaxReader*>(p); }

  bool read_failed() {
    diags_.push_back({Severity::kError, SourceLoc{file_, 0, 0}, "cannot read file: " + source_.why(), {}});
    failed_ = true;
    return false;
  }

  static int on_read(void* p, char* buf, int len) {
    SaxReader& r = self(p);
    long n = 0;
    if (!r.first_served_) {  // the chunk parse() read first
      n = static_cast<long>(std::min(r.first_.size() - r.first_at_, static_cast<std::size_t>(len)));
      std::memcpy(buf, r.first_.data() + r.first_at_, static_cast<std::size_t>(n));
      r.first_at_ += static_cast<std::size_t>(n);
      if (r.first_at_ == r.first_.size()) {
        r.first_served_ = true;
        std::string().swap(r.first_);
      }
    } else {
      n = r.source_.read(buf, static_cast<std::size_t>(len));
      if (n < 0) {
        r.read_failed_ = true;
        return -1;
      }
    }
    r.lines_.feed(buf, static_cast<std::size_t>(n));
    return static_cast<int>(n);
  }

  /// Where the construct the parser has just read begins: the last `<` (or `what`) before its position.
  std::pair<int, int> here(const char* what = "<") {
    if (ctxt_->input && ctxt_->input->buf && ctxt_->input->buf->encoder) {
      // Not UTF-8: xmlByteConsumed would re-encode the buffered input at every call. The parser's line and
      // column instead (the end of the start tag; single-byte encodings count bytes), back to `what`.
      utf8_ = false;
      const int line = ctxt_->input->line, col = ctxt_->input->col;
      const std::size_t at = lines_.line_view(line).rfind(what, col > 0 ? static_cast<std::size_t>(col - 1) : 0);
      return {line, at == std::string::npos ? col : static_cast<int>(at) + 1};
    }
    const long consumed = xmlByteConsumed(ctxt_);
    const std::size_t off = consumed < 0 ? 0 : static_cast<std::size_t>(consumed);
    const std::size_t start = lines_.rfind(what, off);
    const std::size_t at = start == std::string::npos ? off : start;
    const auto where = lines_.at(at);
    lines_.forget_before(at);
    return where;
  }

  void error(int line, int column, std::string message) {
    diags_.push_back({Severity::kError, SourceLoc{file_, line, column}, std::move(message), {}});
  }

  GraphmlItem& open_item(Frame frame, Open& open) {
    open = {frame, depth_};
    if (items_.size() <= depth_) items_.emplace_back();
    GraphmlItem& item = items_[depth_++];
    item.clear();
    std::tie(item.line, item.column) = here();
    return item;
  }

  static void on_start(void* p, const xmlChar* local, const xmlChar*, const xmlChar* uri, int, const xmlChar**,
                       int nb_attributes, int, const xmlChar** attrs) {
    SaxReader& r = self(p);
    const char* name = reinterpret_cast<const char*>(local);
    auto is = [&](const char* n) { return std::strcmp(name, n) == 0; };
    const bool ours = !uri || std::strcmp(reinterpret_cast<const char*>(uri), kGraphmlNs) == 0;
    const Frame up = r.stack_.empty() ? Frame::kOther : r.stack_.back().frame;
    Open open{Frame::kOther};
    if (r.stack_.empty()) {
      const auto [line, column] = r.here();
      const bool graphml = ours && is("graphml");
      if (graphml) open.frame = Frame::kGraphml;
      else r.error(line, column, std::string("the root element is <") + name + ">, not <graphml>: this is not a GraphML file");
      r.sink_.root(graphml, line, column);
    } else if (ours && is("key") && up == Frame::kGraphml) {
      GraphmlKey& k = r.key_;
      k = GraphmlKey{};
      std::tie(k.line, k.column) = r.here();
      attribute(nb_attributes, attrs, "id", k.id);
      if (!attribute(nb_attributes, attrs, "attr.name", k.name)) k.name = k.id;
      if (!attribute(nb_attributes, attrs, "for", k.domain)) k.domain = "all";
      k.graphics = find_attribute(nb_attributes, attrs, "yfiles.type") && !find_attribute(nb_attributes, attrs, "attr.name");
      open.frame = Frame::kKey;
      r.keys_seen_ = true;
    } else if (ours && is("default") && up == Frame::kKey) {
      open.frame = Frame::kDefault;
      r.key_.default_value.emplace();
    } else if (ours && is("graph") && (up == Frame::kGraphml || up == Frame::kNode)) {
      r.sink_.open(GraphmlElement::kGraph, r.open_item(Frame::kGraph, open));
      r.keys_seen_ = true;
    } else if (ours && (is("node") || is("edge")) && up == Frame::kGraph) {
      const bool node = is("node");
      GraphmlItem& item = r.open_item(node ? Frame::kNode : Frame::kEdge, open);
      item.has_id = attribute(nb_attributes, attrs, "id", item.id);
      item.has_ends = attribute(nb_attributes, attrs, "source", item.source);
      item.has_ends = attribute(nb_attributes, attrs, "target", item.target) && item.has_ends;
      r.sink_.open(node ? GraphmlElement::kNode : GraphmlElement::kEdge, item);
    } else if (ours && is("hyperedge") && up == Frame::kGraph) {
      const auto [line, column] = r.here();
      r.diags_.push_back({Severity::kWarning, SourceLoc{r.file_, line, column},
                          "this <hyperedge> is left out: orgchart draws edges between two nodes only; replace it by "
                          "<edge>s",
                          {}});
    } else if (ours && is("data") && (up == Frame::kNode || up == Frame::kEdge || up == Frame::kGraph)) {
      r.data_owner_ = r.stack_.back().item;
      r.data_owner_is_node_ = up == Frame::kNode;
      GraphmlItem& owner = r.items_[r.data_owner_];
      GraphmlData& d = owner.add_data();
      r.data_index_ = owner.data().size() - 1;
      attribute(nb_attributes, attrs, "key", d.key);
      std::tie(d.line, d.column) = r.here();
      open.frame = Frame::kData;
      r.in_data_ = true;
    } else if (!ours && is("NodeLabel") && r.in_data_ && r.data_owner_is_node_ &&
               !r.items_[r.data_owner_].yed_label) {
      open.frame = Frame::kNodeLabel;
      r.label_.clear();
    }
    r.stack_.push_back(open);
  }

  GraphmlData& datum() { return const_cast<GraphmlData&>(items_[data_owner_].data()[data_index_]); }

  static void on_end(void* p, const xmlChar*, const xmlChar*, const xmlChar*) {
    SaxReader& r = self(p);
    if (r.stack_.empty()) return;
    const Open o = r.stack_.back();
    r.stack_.pop_back();
    switch (o.frame) {
      case Frame::kData: r.in_data_ = false; break;
      case Frame::kKey: r.sink_.key(std::move(r.key_)); break;
      case Frame::kNodeLabel: r.items_[r.data_owner_].yed_label = std::string(trim(r.label_)); break;
      case Frame::kGraph:
      case Frame::kNode:
      case Frame::kEdge:
        r.sink_.close(o.frame == Frame::kGraph  ? GraphmlElement::kGraph
                      : o.frame == Frame::kNode ? GraphmlElement::kNode
                                                : GraphmlElement::kEdge,
                      r.items_[o.item]);
        --r.depth_;
        break;
      default: break;
    }
  }

  static void on_text(void* p, const xmlChar* s, int n) {
    SaxReader& r = self(p);
    if (r.stack_.empty()) return;
    const Frame f = r.stack_.back().frame;
    if (f == Frame::kData) r.datum().value.append(reinterpret_cast<const char*>(s), static_cast<std::size_t>(n));
    else if (f == Frame::kDefault) r.key_.default_value->append(reinterpret_cast<const char*>(s), static_cast<std::size_t>(n));
    else if (f == Frame::kNodeLabel) r.label_.append(reinterpret_cast<const char*>(s), static_cast<std::size_t>(n));
  }

  static void on_comment(void* p, const xmlChar* value) {
    SaxReader& r = self(p);
    if (r.stack_.size() != 1 || r.keys_seen_ || r.comment_seen_) return;
    std::string_view text = reinterpret_cast<const char*>(value);
    if (text.rfind("Created by", 0) == 0) return;  // yEd's signature, not a title
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    // The parser leaves entities in comments alone; our writer escapes the title it puts there.
    r.comment_seen_ = true;
    r.sink_.leading_comment(unescape_xml(text));
  }

  // Entities can expand without bound (billion laughs); GraphML never needs them. Refusing the declaration
  // also means nothing is ever registered, so a later reference cannot expand either.
  static void on_entity_decl(void* p, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
    SaxReader& r = self(p);
    if (r.failed_) return;
    const auto [line, column] = r.here("<!ENTITY");
    r.error(line, column, "the DOCTYPE declares the entity '" + std::string(reinterpret_cast<const char*>(name)) +
                              "'; GraphML files may not declare entities, remove the DOCTYPE");
    r.failed_ = true;
    xmlStopParser(r.ctxt_);
  }

  static void on_generic_error(void*, const char*, ...) {}

  static xmlEntityPtr on_get_entity(void*, const xmlChar* name) { return xmlGetPredefinedEntity(name); }

  // A template so that it fits both libxml2's `xmlErrorPtr` (before 2.12) and `const xmlError*`.
  template <typename E>
  static void on_error(void* p, E* e) {
    SaxReader& r = self(p);
    if (!e || e->level < XML_ERR_ERROR) return;  // warnings (namespace URIs, ...) do not stop us
    if (r.failed_) return;  // the first error is the one to fix; what follows is its echo
    if (r.read_failed_) {   // the file, not the XML: said once parse() returns
      r.read_failed();
      return;
    }
    std::string msg(trim(e->message ? e->message : "malformed XML"));
    // libxml2 advises its caller ("use XML_PARSE_HUGE option"); the user needs to hear what is wrong.
    if (msg.rfind("Excessive depth in document", 0) == 0) msg = "the elements are nested more than 256 deep";
    // libxml2's size limits (names of 50 000 bytes, texts of 10 MB), which it names after its own internals.
    if (msg.find("Huge input lookup") != std::string::npos || msg.find("huge text node") != std::string::npos ||
        msg.find("too long") != std::string::npos || msg.find("Name too long") != std::string::npos)
      msg = "a name, value or text here is too long (libxml2 reads names of 50 000 bytes and texts of 10 MB at "
            "most): shorten it";
    if (r.ctxt_ && r.ctxt_->input && r.ctxt_->input->buf && r.ctxt_->input->buf->encoder) r.utf8_ = false;
    r.error(e->line, r.utf8_ ? r.lines_.byte_column(e->line, e->int2) : e->int2, "XML syntax error: " + msg);
    r.failed_ = true;
  }

  ByteSource& source_;
  const std::string& file_;
  GraphmlSink& sink_;
  std::vector<Diagnostic>& diags_;
  LineWindow lines_;
  std::string first_;  // the first chunk, read before libxml2 asks
  std::size_t first_at_ = 0;
  bool first_served_ = false;
  xmlParserCtxtPtr ctxt_ = nullptr;
  std::vector<Open> stack_;
  std::vector<GraphmlItem> items_;  // the open graphs, nodes and edges, outermost first (kept for reuse)
  std::size_t depth_ = 0;           // how many of items_ are open
  GraphmlKey key_;                  // the open <key>
  std::size_t data_owner_ = 0, data_index_ = 0;  // the open <data>: its item and its index there
  std::string label_;
  bool in_data_ = false, data_owner_is_node_ = false, keys_seen_ = false, comment_seen_ = false, failed_ = false, read_failed_ = false;
  bool utf8_ = true;
};

}  // namespace

GraphmlParse parse_graphml(ByteSource& source, const std::string& file, GraphmlSink& sink,
                           std::vector<Diagnostic>& diags) {
  GraphmlParse p;
  SaxReader sax(source, file, sink, diags);
  p.well_formed = sax.parse();
  p.utf8 = sax.utf8();
  p.markup = sax.markup();
  return p;
}

}  // namespace orgchart::detail
