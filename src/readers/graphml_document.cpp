#include "graphml_document.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <yaml-cpp/yaml.h>

#include "yaml_guard.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <sstream>

namespace orgchart::detail {

namespace {

constexpr const char* kGraphmlNs = "http://graphml.graphdrawing.org/xmlns";

/// Undoes the escaping of &lt; &gt; &quot; &apos; &amp;.
std::string unescape_xml(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [entity, c] : kEntities)
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        done = true;
        break;
      }
    if (!done) out += s[i++];
  }
  return out;
}

/// Runs the text through libxml2's SAX2 parser: no tree, no network, no DTD loading, no entities.
class SaxReader {
 public:
  SaxReader(const std::string& text, const std::string& file, const TextLines& lines, std::vector<Diagnostic>& diags)
      : text_(text), file_(file), lines_(lines), diags_(diags) {}

  /// False once the parser has converted from another encoding: our byte offsets and lines are UTF-8's.
  bool utf8() const { return utf8_; }

  /// False when the XML is not well-formed (or declares entities); the errors are in the diagnostics.
  bool parse(GraphmlDocument& doc) {
    doc_ = &doc;
    if (text_.empty()) {  // libxml2 makes no context for an empty buffer
      error(SourceLoc{file_, 1, 1}, "XML syntax error: Document is empty");
      return false;
    }
    if (text_.size() > static_cast<std::size_t>(INT_MAX)) {
      error(SourceLoc{file_, 0, 0}, "the file is too large to read (2 GiB at most)");
      return false;
    }
    xmlInitParser();
    // Some of libxml2's messages (encoding conversion) bypass the context's handler and go straight to
    // stderr; readers never print, and those messages echo bytes of the input. The context's serror below
    // still reports each failure with its line and column.
    xmlSetGenericErrorFunc(nullptr, &SaxReader::on_generic_error);
    // The pull parser, not the push parser: it keeps libxml2's depth limit and says "Premature end of data"
    // where the push parser says "Extra content at the end of the document".
    auto free_ctxt = [](xmlParserCtxtPtr c) { xmlFreeParserCtxt(c); };
    std::unique_ptr<xmlParserCtxt, decltype(free_ctxt)> ctxt(
        xmlCreateMemoryParserCtxt(text_.data(), static_cast<int>(text_.size())), free_ctxt);
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
    return !failed_;
  }

 private:
  enum class Frame { kGraphml, kKey, kDefault, kGraph, kNode, kEdge, kData, kNodeLabel, kOther };
  struct Open {
    Frame frame;
    std::size_t index = 0;  // into the keys (kKey), graphs, nodes or edges
  };

  static SaxReader& self(void* p) { return *static_cast<SaxReader*>(p); }

  /// Where the construct the parser has just read begins: the last `<` (or `what`) before its position.
  SourceLoc here(const char* what = "<") {
    if (ctxt_->input && ctxt_->input->buf && ctxt_->input->buf->encoder) {
      // Not UTF-8: xmlByteConsumed would re-encode the buffered input at every call. The parser's line and
      // column instead (the end of the start tag; single-byte encodings count bytes), back to `what`.
      utf8_ = false;
      const int line = ctxt_->input->line, col = ctxt_->input->col;
      const std::size_t at = lines_.line_view(line).rfind(what, col > 0 ? static_cast<std::size_t>(col - 1) : 0);
      return {file_, line, at == std::string::npos ? col : static_cast<int>(at) + 1};
    }
    const long consumed = xmlByteConsumed(ctxt_);
    std::size_t off = consumed < 0 ? 0 : std::min(static_cast<std::size_t>(consumed), text_.size());
    const std::size_t start = text_.rfind(what, off);
    return lines_.at(start == std::string::npos ? off : start, file_);
  }

  void error(SourceLoc loc, std::string message) {
    diags_.push_back({Severity::kError, std::move(loc), std::move(message), {}});
  }

  static std::map<std::string, std::string> attributes(int n, const xmlChar** a) {
    std::map<std::string, std::string> out;
    for (int i = 0; i < n; ++i, a += 5) {
      std::string name = reinterpret_cast<const char*>(a[0]);
      if (a[1]) name = std::string(reinterpret_cast<const char*>(a[1])) + ":" + name;
      out[name] = std::string(reinterpret_cast<const char*>(a[3]), reinterpret_cast<const char*>(a[4]));
    }
    return out;
  }

  GraphmlItem& owner(const Open& o) {
    return o.frame == Frame::kNode ? doc_->nodes[o.index] : o.frame == Frame::kEdge ? doc_->edges[o.index]
                                                                                      : doc_->graphs[o.index];
  }

  static void on_start(void* p, const xmlChar* local, const xmlChar*, const xmlChar* uri, int, const xmlChar**,
                       int nb_attributes, int, const xmlChar** attrs) {
    SaxReader& r = self(p);
    const std::string name = reinterpret_cast<const char*>(local);
    const bool ours = !uri || std::strcmp(reinterpret_cast<const char*>(uri), kGraphmlNs) == 0;
    const Frame up = r.stack_.empty() ? Frame::kOther : r.stack_.back().frame;
    GraphmlDocument& doc = *r.doc_;
    Open open{Frame::kOther};
    if (r.stack_.empty()) {
      doc.root = r.here();
      doc.graphml = ours && name == "graphml";
      if (doc.graphml) open.frame = Frame::kGraphml;
      else r.error(r.here(), "the root element is <" + name + ">, not <graphml>: this is not a GraphML file");
    } else if (ours && name == "key" && up == Frame::kGraphml) {
      auto a = attributes(nb_attributes, attrs);
      r.key_id_ = a["id"];
      if (auto it = doc.keys.find(r.key_id_); it != doc.keys.end())
        r.error(r.here(), "the key id '" + r.key_id_ + "' is declared twice (first at line " +
                              std::to_string(it->second.loc.line) + "); give each <key> its own id");
      GraphmlKey& k = doc.keys[r.key_id_];
      k = GraphmlKey{};
      k.loc = r.here();
      k.name = a.count("attr.name") ? a["attr.name"] : r.key_id_;
      k.domain = a.count("for") ? a["for"] : "all";
      k.graphics = a.count("yfiles.type") && !a.count("attr.name");
      open.frame = Frame::kKey;
      r.keys_seen_ = true;
    } else if (ours && name == "default" && up == Frame::kKey) {
      open.frame = Frame::kDefault;
      r.buffer_.clear();
    } else if (ours && name == "graph" && (up == Frame::kGraphml || up == Frame::kNode)) {
      GraphmlItem g;
      g.loc = r.here();
      open = {Frame::kGraph, doc.graphs.size()};
      doc.graphs.push_back(std::move(g));
      r.keys_seen_ = true;
    } else if (ours && (name == "node" || name == "edge") && up == Frame::kGraph) {
      auto a = attributes(nb_attributes, attrs);
      GraphmlItem item;
      item.loc = r.here();
      item.has_id = a.count("id");
      item.id = a["id"];
      item.has_ends = a.count("source") && a.count("target");
      item.source = a["source"];
      item.target = a["target"];
      auto& list = name == "node" ? doc.nodes : doc.edges;
      open = {name == "node" ? Frame::kNode : Frame::kEdge, list.size()};
      list.push_back(std::move(item));
    } else if (ours && name == "hyperedge" && up == Frame::kGraph) {
      r.diags_.push_back({Severity::kWarning, r.here(),
                          "this <hyperedge> is left out: orgchart draws edges between two nodes only; replace it by "
                          "<edge>s",
                          {}});
    } else if (ours && name == "data" && (up == Frame::kNode || up == Frame::kEdge || up == Frame::kGraph)) {
      auto a = attributes(nb_attributes, attrs);
      r.data_ = {a["key"], {}, r.here()};
      open.frame = Frame::kData;
      r.data_owner_ = r.stack_.back();
      r.buffer_.clear();
    } else if (!ours && name == "NodeLabel" && r.data_owner_.frame == Frame::kNode &&
               r.in_data() && !doc.nodes[r.data_owner_.index].yed_label) {
      open.frame = Frame::kNodeLabel;
      r.label_.clear();
    }
    r.stack_.push_back(open);
  }

  bool in_data() const {
    return std::any_of(stack_.begin(), stack_.end(), [](const Open& o) { return o.frame == Frame::kData; });
  }

  static void on_end(void* p, const xmlChar*, const xmlChar*, const xmlChar*) {
    SaxReader& r = self(p);
    if (r.stack_.empty()) return;
    const Open o = r.stack_.back();
    r.stack_.pop_back();
    if (o.frame == Frame::kData) {
      r.data_.value = std::move(r.buffer_);
      r.owner(r.data_owner_).data.push_back(std::move(r.data_));
      r.data_owner_ = {Frame::kOther};
    } else if (o.frame == Frame::kDefault) {
      r.doc_->keys[r.key_id_].default_value = std::move(r.buffer_);
    } else if (o.frame == Frame::kNodeLabel) {
      r.doc_->nodes[r.data_owner_.index].yed_label = trim(r.label_);
    }
    r.buffer_.clear();
  }

  static void on_text(void* p, const xmlChar* s, int n) {
    SaxReader& r = self(p);
    if (r.stack_.empty()) return;
    const Frame f = r.stack_.back().frame;
    if (f == Frame::kData || f == Frame::kDefault) r.buffer_.append(reinterpret_cast<const char*>(s), n);
    else if (f == Frame::kNodeLabel) r.label_.append(reinterpret_cast<const char*>(s), n);
  }

  static void on_comment(void* p, const xmlChar* value) {
    SaxReader& r = self(p);
    if (r.stack_.size() != 1 || r.keys_seen_ || r.doc_->leading_comment) return;
    std::string c = reinterpret_cast<const char*>(value);
    if (c.rfind("Created by", 0) == 0) return;  // yEd's signature, not a title
    std::string_view text = c;
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    // The parser leaves entities in comments alone; our writer escapes the title it puts there.
    r.doc_->leading_comment = unescape_xml(text);
  }

  // Entities can expand without bound (billion laughs); GraphML never needs them. Refusing the declaration
  // also means nothing is ever registered, so a later reference cannot expand either.
  static void on_entity_decl(void* p, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
    SaxReader& r = self(p);
    if (r.failed_) return;
    r.error(r.here("<!ENTITY"), "the DOCTYPE declares the entity '" + std::string(reinterpret_cast<const char*>(name)) +
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
    std::string msg = trim(e->message ? e->message : "malformed XML");
    // libxml2 advises its caller ("use XML_PARSE_HUGE option"); the user needs to hear what is wrong.
    if (msg.rfind("Excessive depth in document", 0) == 0) msg = "the elements are nested more than 256 deep";
    // libxml2's size limits (names of 50 000 bytes, texts of 10 MB), which it names after its own internals.
    if (msg.find("Huge input lookup") != std::string::npos || msg.find("huge text node") != std::string::npos ||
        msg.find("too long") != std::string::npos || msg.find("Name too long") != std::string::npos)
      msg = "a name, value or text here is too long (libxml2 reads names of 50 000 bytes and texts of 10 MB at "
            "most): shorten it";
    if (r.ctxt_ && r.ctxt_->input && r.ctxt_->input->buf && r.ctxt_->input->buf->encoder) r.utf8_ = false;
    SourceLoc loc{r.file_, e->line, r.utf8_ ? r.lines_.byte_column(e->line, e->int2) : e->int2};
    r.error(loc, "XML syntax error: " + msg);
    r.failed_ = true;
  }

  const std::string& text_;
  const std::string& file_;
  const TextLines& lines_;
  std::vector<Diagnostic>& diags_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  GraphmlDocument* doc_ = nullptr;
  std::vector<Open> stack_;
  Open data_owner_{Frame::kOther};
  GraphmlData data_;
  std::string key_id_, buffer_, label_;
  bool keys_seen_ = false, failed_ = false, utf8_ = true;
};

}  // namespace

TextLines::TextLines(const std::string& text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

SourceLoc TextLines::at(std::size_t offset, const std::string& file) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts_.begin());
  return {file, static_cast<int>(line), static_cast<int>(offset - starts_[line - 1] + 1)};
}

int TextLines::byte_column(int line, int char_column) const {
  if (line < 1 || line > static_cast<int>(starts_.size()) || char_column < 1) return char_column;
  std::size_t i = starts_[line - 1];
  for (int chars = 1; chars < char_column && i < text_.size() && text_[i] != '\n'; ++chars)
    for (++i; i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80;) ++i;
  return static_cast<int>(i - starts_[line - 1] + 1);
}

std::string TextLines::line_text(int line) const { return std::string(line_view(line)); }

std::string_view TextLines::line_view(int line) const {
  if (line < 1 || line > static_cast<int>(starts_.size())) return {};
  const std::size_t b = starts_[line - 1];
  std::size_t e = text_.find('\n', b);
  if (e == std::string::npos) e = text_.size();
  if (e > b && text_[e - 1] == '\r') --e;
  return std::string_view(text_).substr(b, e - b);
}

GraphmlParse parse_graphml(const std::string& text, const std::string& file, const TextLines& lines,
                           std::vector<Diagnostic>& diags) {
  GraphmlParse p;
  SaxReader sax(text, file, lines, diags);
  p.well_formed = sax.parse(p.doc);
  p.utf8 = sax.utf8();
  return p;
}

GraphmlFields fields_of(const GraphmlDocument& doc, const GraphmlItem& item, const std::string& domain,
                        std::vector<Diagnostic>& diags) {
  GraphmlFields f;
  for (const auto& [id, key] : doc.keys)
    if (key.default_value && (key.domain == domain || key.domain == "all"))
      f[key.name] = {*key.default_value, item.loc, true};
  for (const GraphmlData& d : item.data) {
    auto it = doc.keys.find(d.key);
    if (it == doc.keys.end()) {
      diags.push_back({Severity::kError, d.loc,
                       "<data> uses the key '" + d.key + "', which no <key> declares; declare it or remove the data", {}});
      continue;
    }
    if (it->second.graphics) continue;
    // Gephi saves an edge's label under the name "Edge Label".
    const std::string name = domain == "edge" && it->second.name == "Edge Label" ? "label" : it->second.name;
    f[name] = {d.value, d.loc, true};
  }
  return f;
}


std::string what(const GraphmlItem& item, const char* element) {
  return item.has_id ? std::string(element) + " '" + item.id + "'" : std::string("this ") + element;
}

std::optional<std::vector<std::map<std::string, std::string>>> json_records(const std::string& text, std::string& why) {
  YAML::Node list;  // JSON is YAML
  try {
    // YAML's aliases would let a few KB expand to gigabytes: bounded as in a YAML data file.
    const YamlShape shape = yaml_shape(text);
    if (shape.alias_overflow) {
      why = ": its aliases (*name) would expand it past " + std::to_string(std::max(kAliasNodeFloor, shape.nodes) + shape.nodes) +
            " values (at line " + std::to_string(shape.alias_overflow->line + 1) + ", column " +
            std::to_string(shape.alias_overflow->column + 1) + " of it)";
      return std::nullopt;
    }
    list = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    why = ": " + e.msg + " (at line " + std::to_string(e.mark.line + 1) + ", column " +
          std::to_string(e.mark.column + 1) + " of it)";
    return std::nullopt;
  }
  if (!list.IsSequence()) {
    why = " such as [{\"id\": \"s1\", \"title\": \"...\"}]";
    return std::nullopt;
  }
  std::vector<std::map<std::string, std::string>> records;
  for (const YAML::Node& item : list) {
    auto& record = records.emplace_back();
    if (item.IsMap())
      for (const auto& field : item)
        if (field.first.IsScalar() && field.second.IsScalar()) record[field.first.Scalar()] = field.second.Scalar();
  }
  return records;
}

const GraphmlValue& get(const GraphmlFields& f, const std::string& name) {
  static const GraphmlValue kNone;
  auto it = f.find(name);
  return it == f.end() ? kNone : it->second;
}

std::map<std::string, std::string> fields_except(const GraphmlFields& f, AttributeFor domain) {
  std::map<std::string, std::string> out;
  for (const auto& [name, v] : f)
    if (!is_graphml_attribute(name, domain) && !v.text.empty()) out[name] = v.text;
  return out;
}

std::vector<std::string> split(const std::string& s, std::string_view sep) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= s.size();) {
    std::size_t next = s.find(sep, at);
    if (next == std::string::npos) next = s.size();
    if (next > at) out.push_back(s.substr(at, next - at));
    at = next + sep.size();
  }
  return out;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

}  // namespace orgchart::detail
