#include "yaml_tree.hpp"

#include <libfyaml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "yaml_guard.hpp"  // AliasCount

namespace orgchart::detail {

// ---- YamlNode ---------------------------------------------------------------------------------------------

YamlNode::YamlNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

bool YamlNode::IsNull() const { return tree_ && tree_->records_[index_].type == YamlTree::Type::kNull; }
bool YamlNode::IsScalar() const { return tree_ && tree_->records_[index_].type == YamlTree::Type::kScalar; }
bool YamlNode::Quoted() const { return tree_ && tree_->records_[index_].quoted; }
bool YamlNode::IsSequence() const { return tree_ && tree_->records_[index_].type == YamlTree::Type::kSequence; }
bool YamlNode::IsMap() const { return tree_ && tree_->records_[index_].type == YamlTree::Type::kMap; }

std::string YamlNode::Scalar() const {
  if (!IsScalar()) return {};
  const auto& r = tree_->records_[index_];
  return tree_->text_.substr(r.a, r.b);
}

YamlMark YamlNode::Mark() const {
  if (!tree_) return {};
  const auto& r = tree_->records_[index_];
  return {r.line, r.column};
}

std::size_t YamlNode::size() const {
  if (!tree_) return 0;
  const auto& r = tree_->records_[index_];
  if (r.type == YamlTree::Type::kMap) return r.b / 2;
  return r.type == YamlTree::Type::kSequence ? r.b : 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const auto& r = tree_->records_[index_];
  for (std::uint32_t i = 0; i + 1 < r.b; i += 2) {
    const auto& k = tree_->records_[tree_->kids_[r.a + i]];
    if (k.type == YamlTree::Type::kScalar && std::string_view(tree_->text_).substr(k.a, k.b) == key)
      return YamlNode(tree_, tree_->kids_[r.a + i + 1]);
  }
  return {};
}

YamlNode::iterator YamlNode::begin() const {
  if (!IsMap() && !IsSequence()) return iterator(tree_, 0, 0, false);
  const auto& r = tree_->records_[index_];
  return iterator(tree_, r.a, 0, r.type == YamlTree::Type::kMap);
}

YamlNode::iterator YamlNode::end() const {
  if (!IsMap() && !IsSequence()) return iterator(tree_, 0, 0, false);
  const auto& r = tree_->records_[index_];
  return iterator(tree_, r.a, r.b, r.type == YamlTree::Type::kMap);
}

const YamlNode::Entry& YamlNode::iterator::load() const {
  const std::uint32_t k = tree_->kids_[kids_ + pos_];
  if (map_) {
    entry_.first = YamlNode(tree_, k);
    entry_.second = YamlNode(tree_, tree_->kids_[kids_ + pos_ + 1]);
    static_cast<YamlNode&>(entry_) = entry_.second;
  } else {
    static_cast<YamlNode&>(entry_) = YamlNode(tree_, k);
  }
  return entry_;
}

// ---- building ---------------------------------------------------------------------------------------------

/// Builds the first document's tree from events and counts, over the first two documents, what yaml_guard's
/// ShapeCounter counts: nodes, and the size every alias would expand to.
class YamlTreeBuilder {
 public:
  explicit YamlTreeBuilder(YamlParse& out) : out_(out), tree_(out.tree) {}

  /// Returns false when the caller should stop (a third document).
  bool document_start(YamlMark mark) {
    if (++out_.documents == 2) out_.second_document = mark;
    anchor_sizes_.clear();
    anchor_nodes_.clear();
    return out_.documents <= 2;
  }

  void scalar(YamlMark mark, std::string_view text, bool null, std::size_t anchor, bool quoted = false) {
    ++out_.nodes;
    if (anchor) anchor_sizes_[anchor] = 1;
    add_to_parent(1);
    if (!building()) return;
    YamlTree::Record r;
    r.type = null ? YamlTree::Type::kNull : YamlTree::Type::kScalar;
    r.quoted = quoted;
    r.line = mark.line;
    r.column = mark.column;
    if (!null) {
      r.a = static_cast<std::uint32_t>(tree_.text_.size());
      r.b = static_cast<std::uint32_t>(text.size());
      tree_.text_.append(text);
    }
    attach(push(r), anchor);
  }

  void alias(YamlMark mark, std::size_t anchor) {
    const auto it = anchor_sizes_.find(anchor);
    const std::size_t size = it == anchor_sizes_.end() ? 1 : it->second;
    aliases_.add(mark, size);
    add_to_parent(size);
    if (!building()) return;
    const auto node = anchor_nodes_.find(anchor);
    if (node != anchor_nodes_.end()) {
      pending_.push_back(node->second);
    } else {
      YamlTree::Record r;
      r.line = mark.line;
      r.column = mark.column;
      pending_.push_back(push(r));
    }
  }

  void start(YamlTree::Type type, YamlMark mark, std::size_t anchor) {
    ++out_.nodes;
    if (frames_.size() >= kMaxYamlDepth && !out_.too_deep) out_.too_deep = mark;
    frames_.push_back({anchor, 1, 0, 0});
    if (!building()) return;
    YamlTree::Record r;
    r.type = type;
    r.line = mark.line;
    r.column = mark.column;
    const std::uint32_t index = push(r);
    if (anchor) anchor_nodes_[anchor] = index;
    frames_.back().record = index;
    frames_.back().pending_start = pending_.size();
  }

  void end() {
    Frame f{};
    if (!close_frame(frames_, anchor_sizes_, f)) return;
    if (!building()) return;
    auto& r = tree_.records_[f.record];
    r.a = static_cast<std::uint32_t>(tree_.kids_.size());
    r.b = static_cast<std::uint32_t>(pending_.size() - f.pending_start);
    tree_.kids_.insert(tree_.kids_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(f.pending_start), pending_.end());
    pending_.resize(f.pending_start);
    pending_.push_back(f.record);
    if (frames_.empty()) tree_.root_ = f.record;
  }

  /// The record made last (kNoRecord in documents after the first).
  std::uint32_t last_record() const { return building() && !tree_.records_.empty() ? static_cast<std::uint32_t>(tree_.records_.size() - 1) : kNoRecord; }
  void set_mark(std::uint32_t record, YamlMark mark) {
    if (record == kNoRecord) return;
    tree_.records_[record].line = mark.line;
    tree_.records_[record].column = mark.column;
  }
  static constexpr std::uint32_t kNoRecord = UINT32_MAX;

  void finish() {
    if (!pending_.empty()) tree_.root_ = pending_.front();
    if (tree_.records_.empty()) {  // no document, or an empty one: a null root, as YAML::Load gives
      tree_.records_.push_back(YamlTree::Record{});
      tree_.root_ = 0;
    }
    aliases_.check(out_.nodes, out_.alias_overflow, out_.expanded);
  }

 private:
  struct Frame {
    std::size_t anchor;
    std::size_t size;
    std::uint32_t record;
    std::size_t pending_start;
  };

  bool building() const { return out_.documents == 1; }

  std::uint32_t push(const YamlTree::Record& r) {
    tree_.records_.push_back(r);
    return static_cast<std::uint32_t>(tree_.records_.size() - 1);
  }

  /// A scalar or null: a kid of the open collection (or the root).
  void attach(std::uint32_t index, std::size_t anchor) {
    if (anchor) anchor_nodes_[anchor] = index;
    pending_.push_back(index);
    if (frames_.empty()) tree_.root_ = index;
  }

  void add_to_parent(std::size_t size) {
    if (!frames_.empty()) frames_.back().size = saturating_add(frames_.back().size, size);
  }

  YamlParse& out_;
  YamlTree& tree_;
  std::vector<Frame> frames_;
  std::vector<std::uint32_t> pending_;  // kids of the open collections, innermost last
  std::unordered_map<std::size_t, std::size_t> anchor_sizes_;
  std::unordered_map<std::size_t, std::uint32_t> anchor_nodes_;
  AliasCount<YamlMark> aliases_;
};

// ---- libfyaml -----------------------------------------------------------------------------------------------

namespace {

/// yaml-cpp's marks count bytes; libfyaml's columns count characters: the byte column from the input position.
/// The start of the line last asked for: marks come in text order, so each line is searched for once, and a
/// megabyte-long line costs one scan, not one per mark.
thread_local std::size_t t_line_start = 0, t_line_pos = 0;
thread_local int t_line = -1;
thread_local const char* t_text = nullptr;

YamlMark mark_at(std::string_view text, const fy_mark* m) {
  if (!m) return {};
  const std::size_t pos = std::min(m->input_pos, text.size());
  if (t_text != text.data() || t_line != m->line || pos < t_line_pos) {
    std::size_t start = pos;
    if (t_text == text.data() && t_line == m->line && pos >= t_line_start) start = t_line_start;
    else
      while (start > 0 && text[start - 1] != '\n') --start;
    t_text = text.data();
    t_line = m->line;
    t_line_start = start;
  }
  t_line_pos = pos;
  return {m->line, static_cast<int>(pos - t_line_start)};
}

/// An anchor's or alias's mark at its & or * (libfyaml's starts at the name).
YamlMark sigil_mark(std::string_view text, const fy_mark* m, char sigil) {
  if (!m || m->input_pos == 0 || m->input_pos > text.size() || text[m->input_pos - 1] != sigil) return mark_at(text, m);
  fy_mark at = *m;
  --at.input_pos;
  return mark_at(text, &at);
}

/// Where yaml-cpp marks an empty value: the next token after the one that ended at `from` and after the value's own
/// indicator (`:` of a key, `-` of an item), skipping blanks, line breaks and comments.
YamlMark next_token_mark(std::string_view text, std::size_t from, int line) {
  std::size_t i = from;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;  // a quoted key's closing quote
  bool indicator = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (!indicator && (c == ':' || c == '-' || c == '?') &&
               (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\r' ||
                text[i + 1] == '\n' || c == ':')) {
      indicator = true;
      ++i;
    } else {
      break;
    }
  }
  const fy_mark m{i, line, 0};
  return mark_at(text, &m);
}

/// yaml-cpp's null: a plain scalar with no tag that reads ~, null, Null, NULL, or nothing.
bool null_scalar(fy_token* value, fy_token* tag, std::string_view s) {
  if (tag) return false;
  if (value && fy_token_scalar_style(value) != FYSS_PLAIN) return false;
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

struct ParserDeleter {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
struct DiagDeleter {
  void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};

/// Readers never print: libfyaml's messages go nowhere (a syntax error is read again by yaml-cpp for its words).
void discard(fy_diag*, void*, const char*, size_t) {}

/// The parser set-up both passes share: YAML 1.2, duplicate keys left to the model's checks, diagnostics kept
/// quiet (the callers word their own errors).
struct QuietConfig {
  std::unique_ptr<fy_diag, DiagDeleter> diag;
  fy_parse_cfg cfg{};
  QuietConfig() {
    fy_diag_cfg diag_cfg;
    fy_diag_cfg_default(&diag_cfg);
    diag_cfg.fp = nullptr;
    diag_cfg.output_fn = discard;
    diag_cfg.level = FYET_ERROR;
    diag.reset(fy_diag_create(&diag_cfg));
    cfg.diag = diag.get();
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_ALLOW_DUPLICATE_KEYS);
  }
};

/// The text, given to libfyaml a chunk at a time, counting the brackets it has been given since its last event.
struct Feed {
  std::string_view text;
  std::size_t pos = 0;
  std::size_t opens = 0;                  // '[' and '{' fed since the last event
  std::optional<std::size_t> stopped_at;  // the bracket past kMaxYamlOpensAhead
};

ssize_t feed(void* user, void* buf, size_t count) {
  Feed& f = *static_cast<Feed*>(user);
  // The end of the text, not an error: libfyaml 0.7.12 calls again forever after a -1.
  if (f.stopped_at) return 0;
  // A small chunk keeps the count close to what libfyaml has scanned.
  const std::size_t n = std::min({count, f.text.size() - f.pos, std::size_t{4096}});
  for (std::size_t i = 0; i < n; ++i) {
    const char c = f.text[f.pos + i];
    if ((c == '[' || c == '{') && ++f.opens > kMaxYamlOpensAhead) {
      f.stopped_at = f.pos + i;
      return 0;
    }
  }
  std::memcpy(buf, f.text.data() + f.pos, n);
  f.pos += n;
  return static_cast<ssize_t>(n);
}

/// Where libfyaml, fed `text` a chunk at a time (`cfg`), is given the bracket past kMaxYamlOpensAhead without an
/// event in between; nullopt when it never is. A pass of its own: libfyaml's marks are offsets into its buffer,
/// not into the text, when it reads through a callback.
std::optional<std::size_t> brackets_ahead(std::string_view text, const fy_parse_cfg& cfg) {
  std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
  Feed input;
  input.text = text;
  if (!parser || fy_parser_set_input_callback(parser.get(), &input, feed) != 0) return std::nullopt;
  while (fy_event* e = fy_parser_parse(parser.get())) {
    fy_parser_event_free(parser.get(), e);
    input.opens = 0;
  }
  return input.stopped_at;
}

/// Line and byte column of `pos` in `text` (0-based, as YamlMark).
YamlMark mark_of(std::string_view text, std::size_t pos) {
  const std::string_view before = text.substr(0, pos);
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  return {static_cast<int>(std::count(before.begin(), before.end(), '\n')), static_cast<int>(pos - line_start)};
}

}  // namespace

std::optional<YamlMark> yaml_brackets_ahead(std::string_view text) {
  // Fewer brackets than the bound in the whole text cannot pass it: most files need no second pass.
  if (std::count_if(text.begin(), text.end(), [](char c) { return c == '[' || c == '{'; }) <=
      static_cast<std::ptrdiff_t>(kMaxYamlOpensAhead))
    return std::nullopt;
  const QuietConfig quiet;
  const fy_parse_cfg& cfg = quiet.cfg;
  const auto at = brackets_ahead(text, cfg);
  return at ? std::optional<YamlMark>(mark_of(text, *at)) : std::nullopt;
}

YamlParse parse_yaml_fy(std::string_view text) {
  YamlParse out;
  t_text = nullptr;  // a new text, perhaps where the last one was
  YamlTreeBuilder builder(out);
  const QuietConfig quiet;
  const fy_parse_cfg& cfg = quiet.cfg;
  if (const auto at = yaml_brackets_ahead(text)) {
    out.too_deep = at;
    return out;
  }
  std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
  if (!parser || fy_parser_set_string(parser.get(), text.data(), text.size()) != 0) {
    out.error = "the YAML parser could not start";
    out.error_mark = YamlMark{0, 0};
    return out;
  }
  std::unordered_map<std::string, std::size_t> anchors;  // name -> id of its latest definition
  std::size_t next_anchor = 0;
  auto anchor_id = [&](fy_token* t) -> std::size_t {
    if (!t) return 0;
    std::size_t len = 0;
    const char* s = fy_token_get_text(t, &len);
    return anchors[std::string(s ? s : "", len)] = ++next_anchor;
  };
  // The node's mark is where it starts: its anchor or tag when it has one (as yaml-cpp marks it).
  auto node_mark = [&](fy_token* anchor, fy_token* tag, fy_token* body) {
    fy_token* first = anchor ? anchor : tag ? tag : body;
    if (anchor && tag && fy_token_start_mark(tag)->input_pos < fy_token_start_mark(anchor)->input_pos) first = tag;
    if (!first) return YamlMark{};
    return first == anchor ? sigil_mark(text, fy_token_start_mark(anchor), '&') : mark_at(text, fy_token_start_mark(first));
  };
  // yaml-cpp marks an empty value (`key:` and nothing) where the next token starts: the next key, the `}`, the
  // end of the block (next_token_mark).
  std::size_t last_end = 0;  // where the last token ended, for the indicator of a block scalar
  int line_of_last_end = 0;

  auto ended = [&](fy_token* t) {
    if (const fy_mark* m = t ? fy_token_end_mark(t) : nullptr)
      if (m->input_pos >= last_end) {
        last_end = m->input_pos;
        line_of_last_end = m->line;
      }
  };
  bool stop = false;
  fy_event* e = nullptr;
  while (!stop && (e = fy_parser_parse(parser.get())) != nullptr) {
    fy_token* main = fy_event_get_token(e);
    switch (e->type) {
      case FYET_DOCUMENT_START: {
        fy_token* t = e->document_start.document_start;
        if (!builder.document_start(t ? mark_at(text, fy_token_start_mark(t)) : YamlMark{})) stop = true;
        anchors.clear();
        break;
      }
      case FYET_DOCUMENT_END:
        if (out.documents >= 2) stop = true;  // two documents are all the checks need
        break;
      case FYET_SCALAR: {
        std::size_t len = 0;
        const char* str = e->scalar.value ? fy_token_get_text(e->scalar.value, &len) : nullptr;
        const std::string_view value(str ? str : "", str ? len : 0);
        YamlMark mark = node_mark(e->scalar.anchor, e->scalar.tag, e->scalar.value);
        if (e->scalar.value && !e->scalar.anchor && !e->scalar.tag) {
          const fy_mark* start = fy_token_start_mark(e->scalar.value);
          const auto style = fy_token_scalar_style(e->scalar.value);
          // yaml-cpp marks a quoted scalar at its quote, a block scalar at its | or > indicator.
          if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && start && start->input_pos > 0 &&
              (text[start->input_pos - 1] == '"' || text[start->input_pos - 1] == '\'')) {
            fy_mark quote = *start;
            --quote.input_pos;
            mark = mark_at(text, &quote);
          } else if ((style == FYSS_LITERAL || style == FYSS_FOLDED) && start) {
            for (std::size_t i = last_end; i < start->input_pos && i < text.size(); ++i)
              if (text[i] == '|' || text[i] == '>') {
                const int line = line_of_last_end + static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(last_end),
                                                                                 text.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
                fy_mark indicator{i, line, 0};
                mark = mark_at(text, &indicator);
                break;
              }
          }
        }
        const bool quoted = e->scalar.value && (fy_token_scalar_style(e->scalar.value) == FYSS_SINGLE_QUOTED ||
                                                fy_token_scalar_style(e->scalar.value) == FYSS_DOUBLE_QUOTED);
        builder.scalar(mark, value, null_scalar(e->scalar.value, e->scalar.tag, value), anchor_id(e->scalar.anchor),
                       quoted);
        if (!e->scalar.value && !e->scalar.anchor && !e->scalar.tag)
          builder.set_mark(builder.last_record(), next_token_mark(text, last_end, line_of_last_end));
        break;
      }
      case FYET_ALIAS: {
        std::size_t len = 0;
        const char* s = fy_token_get_text(e->alias.anchor, &len);
        const auto it = anchors.find(std::string(s ? s : "", len));
        builder.alias(sigil_mark(text, fy_token_start_mark(e->alias.anchor), '*'), it == anchors.end() ? 0 : it->second);
        break;
      }
      case FYET_SEQUENCE_START:
        builder.start(YamlTree::Type::kSequence,
                      node_mark(e->sequence_start.anchor, e->sequence_start.tag, e->sequence_start.sequence_start),
                      anchor_id(e->sequence_start.anchor));
        stop = out.too_deep.has_value();
        break;
      case FYET_MAPPING_START:
        builder.start(YamlTree::Type::kMap,
                      node_mark(e->mapping_start.anchor, e->mapping_start.tag, e->mapping_start.mapping_start),
                      anchor_id(e->mapping_start.anchor));
        stop = out.too_deep.has_value();
        break;
      case FYET_SEQUENCE_END:
      case FYET_MAPPING_END: builder.end(); break;
      default: break;
    }
    ended(main);
    fy_parser_event_free(parser.get(), e);
  }
  if (fy_parser_get_stream_error(parser.get())) {
    out = YamlParse{};
    out.error = "syntax error";
    out.error_mark = YamlMark{0, 0};
    return out;
  }
  builder.finish();
  return out;
}

// ---- yaml-cpp -----------------------------------------------------------------------------------------------

namespace {

class CppEvents : public YAML::EventHandler {
 public:
  explicit CppEvents(YamlTreeBuilder& b) : b_(b) {}
  void OnDocumentStart(const YAML::Mark& mark) override { b_.document_start(m(mark)); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { b_.scalar(m(mark), {}, true, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override { b_.alias(m(mark), anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    b_.scalar(m(mark), value, false, anchor, tag == "!");  // yaml-cpp tags a quoted scalar "!"
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    b_.start(YamlTree::Type::kSequence, m(mark), anchor);
  }
  void OnSequenceEnd() override { b_.end(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    b_.start(YamlTree::Type::kMap, m(mark), anchor);
  }
  void OnMapEnd() override { b_.end(); }

 private:
  static YamlMark m(const YAML::Mark& mark) { return mark.is_null() ? YamlMark{} : YamlMark{mark.line, mark.column}; }
  YamlTreeBuilder& b_;
};

}  // namespace

YamlParse parse_yaml_cpp(const std::string& text) {
  YamlParse out;
  try {
    YamlTreeBuilder builder(out);
    CppEvents events(builder);
    std::istringstream in(text);
    YAML::Parser parser(in);
    // Two documents at most (see yaml_guard.cpp).
    for (int i = 0; i < 2 && parser.HandleNextDocument(events); ++i) {
    }
    builder.finish();
  } catch (const YAML::Exception& e) {
    out = YamlParse{};
    out.error = e.msg;
    out.error_mark = YamlMark{e.mark.line, e.mark.column};
  }
  return out;
}

}  // namespace orgchart::detail
