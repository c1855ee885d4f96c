#include "yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orgchart::detail {

namespace {

/// Counts nodes, and the size each anchored node expands to, so that an alias costs what it would expand to.
class ShapeCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++shape.documents == 2) shape.second_document = mark;
    anchors_.clear();  // anchors do not cross documents
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor, const std::string&) override { leaf(anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    const std::size_t size = it == anchors_.end() ? 1 : it->second;
    aliases_.add(mark, size);
    add_to_parent(size);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(anchor);
  }
  void OnMapEnd() override { close(); }

  /// The first alias whose expansion passes the bound.
  void finish() { aliases_.check(shape.nodes, shape.alias_overflow, shape.expanded); }

  YamlShape shape;

 private:
  struct Frame {
    YAML::anchor_t anchor;
    std::size_t size;
  };
  void leaf(YAML::anchor_t anchor) {
    ++shape.nodes;
    if (anchor) anchors_[anchor] = 1;
    add_to_parent(1);
  }
  void open(YAML::anchor_t anchor) {
    ++shape.nodes;
    stack_.push_back({anchor, 1});
  }
  void close() {
    Frame f{};
    close_frame(stack_, anchors_, f);
  }
  void add_to_parent(std::size_t size) {
    if (!stack_.empty()) stack_.back().size = saturating_add(stack_.back().size, size);
  }

  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, std::size_t> anchors_;
  AliasCount<YAML::Mark> aliases_;
};

}  // namespace

YamlShape yaml_shape(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  ShapeCounter counter;
  // Two documents at most: whether there is a second one is all we need, and yaml-cpp can return "one more
  // document" without end on some broken streams (found by fuzz/fuzz_yaml.cpp).
  for (int i = 0; i < 2 && parser.HandleNextDocument(counter); ++i) {
  }
  counter.finish();
  return counter.shape;
}

}  // namespace orgchart::detail
