#pragma once
// A read-only YAML tree built from a parser's events: compact records in three arrays (no node objects, no
// shared pointers), with the subset of yaml-cpp's Node interface the YAML reader uses, so that the reader's
// checks read the same with either parser. Internal to the readers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgchart::detail {

/// 0-based line and byte column, as YAML::Mark; line -1 when unknown.
struct YamlMark {
  int line = -1;
  int column = -1;
  bool is_null() const { return line < 0; }
};

class YamlTree;

class YamlNode {
 public:
  YamlNode() = default;
  YamlNode(const YamlTree* tree, std::uint32_t index);

  /// False for a key a mapping does not have (yaml-cpp's undefined node).
  explicit operator bool() const { return tree_ != nullptr; }
  bool operator!() const { return tree_ == nullptr; }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  std::string Scalar() const;  ///< "" unless a scalar
  bool Quoted() const;         ///< a single- or double-quoted scalar (yaml-cpp's non-specific tag "!")
  YamlMark Mark() const;
  std::size_t size() const;  ///< items of a sequence, pairs of a mapping
  /// The value of the first key equal to `key` of a mapping; undefined when none (or not a mapping).
  YamlNode operator[](std::string_view key) const;

  struct Entry;
  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  friend class YamlTree;
  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

/// What iterating yields: a sequence's item (the entry itself), or a mapping's pair (`first`, `second`).
struct YamlNode::Entry : YamlNode {
  YamlNode first, second;
};

class YamlNode::iterator {
 public:
  iterator(const YamlTree* tree, std::uint32_t kids, std::uint32_t pos, bool map) : tree_(tree), kids_(kids), pos_(pos), map_(map) {}
  const Entry& operator*() const { return load(); }
  const Entry* operator->() const { return &load(); }
  iterator& operator++() {
    pos_ += map_ ? 2 : 1;
    return *this;
  }
  bool operator==(const iterator& o) const { return pos_ == o.pos_; }
  bool operator!=(const iterator& o) const { return pos_ != o.pos_; }

 private:
  const Entry& load() const;
  const YamlTree* tree_;
  std::uint32_t kids_, pos_;
  bool map_;
  mutable Entry entry_;
};

class YamlTree {
 public:
  enum class Type : std::uint8_t { kNull, kScalar, kSequence, kMap };
  struct Record {
    Type type = Type::kNull;
    bool quoted = false;  ///< a single- or double-quoted scalar
    std::int32_t line = -1, column = -1;
    std::uint32_t a = 0, b = 0;  ///< scalar: offset and length in text_; collection: first kid and count of kids
  };

  /// The document's root; a null node for an empty stream.
  YamlNode root() const { return YamlNode(this, root_); }

 private:
  friend class YamlNode;
  friend class YamlNode::iterator;
  friend class YamlTreeBuilder;
  std::vector<Record> records_;
  std::vector<std::uint32_t> kids_;  ///< children of every collection, each collection's contiguous (key, value, ...)
  std::string text_;                 ///< every scalar's text, one after another
  std::uint32_t root_ = 0;
};

/// Collections nested deeper than this end the parse (YamlParse::too_deep): a data file nests a few levels, and
/// nothing then walks a tree deeper than this. yaml-cpp's own guard stops at 2000.
inline constexpr std::size_t kMaxYamlDepth = 1000;
/// libfyaml holds every token after a '[' or '{' that may still turn out to be a key, so "[[[[..." by the million
/// cost it 350 bytes a bracket before it gave any event (a 10 MB file: 3.5 GB, 24 s). A text with more '[' and
/// '{' than this is first fed to it in chunks, in a pass that only counts them: more than this many fed without
/// an event in between end the parse there (too_deep).
inline constexpr std::size_t kMaxYamlOpensAhead = 10 * kMaxYamlDepth;

/// What a YAML text would become before anyone walks it (see yaml_guard.hpp): documents, nodes, aliases.
struct YamlParse {
  YamlTree tree;                          ///< the first document
  std::size_t documents = 0;
  std::size_t nodes = 0;                  ///< nodes written in the text (alias uses not counted)
  std::optional<YamlMark> second_document;
  std::optional<YamlMark> alias_overflow;
  /// The collection that opens level kMaxYamlDepth + 1, or the bracket past kMaxYamlOpensAhead: the parse
  /// stopped there, the tree is partial.
  std::optional<YamlMark> too_deep;
  std::size_t expanded = 0;
  /// A syntax error: where, and the parser's message. The tree is then empty.
  std::optional<YamlMark> error_mark;
  std::string error;
};

/// Where `text` passes kMaxYamlOpensAhead (brackets a parser would hold before any event), nullopt when it does
/// not: cheap for a text with fewer brackets than that, one libfyaml pass otherwise. parse_yaml_fy checks it;
/// other readers of YAML (the GraphML reader's JSON sources, read by yaml-cpp, which holds as much) call it first.
std::optional<YamlMark> yaml_brackets_ahead(std::string_view text);

/// Parses `text` with libfyaml (YAML 1.2, events only, no tree of its own). The first document becomes the tree;
/// aliases count what they would expand to. On a syntax error libfyaml's message is returned as is.
YamlParse parse_yaml_fy(std::string_view text);

/// The same from yaml-cpp's event stream (its messages, and its acceptance of what libfyaml refuses).
YamlParse parse_yaml_cpp(const std::string& text);

}  // namespace orgchart::detail
