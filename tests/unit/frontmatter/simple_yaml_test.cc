#include "frontmatter/simple_yaml.h"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>

using qahub::frontmatter::load_simple_yaml;

namespace {

/// Everything of a node YAML::Load sets and qahub could read: type, tag,
/// style, mark, scalar text, and the children in order.
std::string describe(const YAML::Node& n) {
  std::ostringstream out;
  const YAML::Mark m = n.Mark();
  out << n.Type() << " [" << n.Tag() << "] " << static_cast<int>(n.Style()) << " @" << m.pos << ',' << m.line << ','
      << m.column;
  if (n.IsScalar()) out << " \"" << n.Scalar() << '"';
  if (n.IsMap()) {
    out << " {";
    for (const auto& kv : n) out << describe(kv.first) << ": " << describe(kv.second) << "; ";
    out << '}';
  }
  if (n.IsSequence()) {
    out << " [";
    for (const YAML::Node& item : n) out << describe(item) << "; ";
    out << ']';
  }
  return out.str();
}

/// Whether the fast reader agrees with yaml-cpp on `text`; counts the texts it read.
void check_against_yaml_cpp(const std::string& text, int& read) {
  INFO(text);
  const auto fast = load_simple_yaml(text);
  if (!fast) return;
  ++read;
  YAML::Node slow;
  REQUIRE_NOTHROW(slow = YAML::Load(text));
  CHECK(describe(*fast) == describe(slow));
}

}  // namespace

TEST_CASE("simple_yaml: plain front matter gives the node YAML::Load gives, marks included", "[frontmatter]") {
  int read = 0;
  const std::string page =
      "title: \"Worker be then\"\n"
      "description: 'Single quoted, with a comma'\n"
      "weight: 460\n"
      "tags: [planning, performance]\n"
      "owner: Practice Development Team\n"
      "review_by: 2099-12-31\n"
      "draft: true\n"
      "aliases:\n"
      "  - /old/path/\n"
      "  - \"/older/\"\n"
      "changes:\n"
      "  - date: 2025-10-22\n"
      "    summary: \"It changed, \xE2\x80\x94 twice\"\n"
      "  - date: 2025-05-14\n"
      "    summary: Children's services\n";
  check_against_yaml_cpp(page, read);
  check_against_yaml_cpp("title: x", read);  // no final newline
  check_against_yaml_cpp("title: \"\"\nempty: []\nspaced: [ a ,  b ]\n", read);
  check_against_yaml_cpp("title: \"\xC3\xA9\xC3\xA9\"\nx: [\xC3\xA9, b]\nc: d\n", read);
  check_against_yaml_cpp("key:    wide\nlist:\n    - deep\n    - \"er\"\n", read);
  CHECK(read == 5);
}

TEST_CASE("simple_yaml: what it does not read goes to yaml-cpp", "[frontmatter]") {
  for (const char* text : {"",
                           "title: x # a comment\n",
                           "title: x\n\nweight: 1\n",
                           "title:\tx\n",
                           "title: x\r\n",
                           "title: x\ntitle: y\n",
                           "title:\n",
                           "title: ~\n",
                           "title: null\n",
                           "title: a: b\n",
                           "title: \"say \\\"hi\\\"\"\n",
                           "title: 'it''s'\n",
                           "title: &a x\n",
                           "title: *a\n",
                           "title: !tag x\n",
                           "title: |\n  block\n",
                           "title: >\n  folded\n",
                           "title: {a: b}\n",
                           "- a\n- b\n",
                           "tags:\n- a\n",
                           "tags:\n  - [a]\n",
                           "tags:\n  -a\n",
                           "title: first\n  more\n",
                           "changes:\n  - date: 1\n    summary:\n",
                           "changes:\n  - date: 1\n     summary: x\n",
                           "changes:\n  - date: 1\n    date: 2\n",
                           " title: x\n",
                           "title: x \n",
                           "tags: [a,, b]\n",
                           "tags: [\"a\", b]\n",
                           "weight: -5\n",
                           "title: -x\n",
                           "title: 10:30\n",
                           "title: a\xE2\x80\xA8"
                           "b\n",
                           "title: \"a\xE2\x80\xA9"
                           "b\"\n",
                           "title: 'a\xC2\x85"
                           "b'\n"}) {
    INFO(text);
    CHECK_FALSE(load_simple_yaml(text));
  }
}

TEST_CASE("simple_yaml: agrees with yaml-cpp on random front matter", "[frontmatter]") {
  const std::vector<std::string> keys = {"title", "description", "weight", "tags", "draft",
                                         "owner", "x_y",         "a-b",    "T2"};
  const std::vector<std::string> values = {"\"quoted text\"",
                                           "'single'",
                                           "plain words",
                                           "plain, with comma",
                                           "children's \"own\"",
                                           "a: b",
                                           "~",
                                           "null",
                                           "",
                                           "[a, b]",
                                           "[]",
                                           "[ a , b ]",
                                           "[a,,b]",
                                           "[\"q\", b]",
                                           "123",
                                           "-5",
                                           "2099-12-31",
                                           "true",
                                           "x # c",
                                           "&anchor",
                                           "*ref",
                                           "!tag x",
                                           "|",
                                           ">",
                                           "'it''s'",
                                           "\"esc \\\" q\"",
                                           "\xC3\xA9 \xC3\xBC",
                                           "[\xC3\xA9, b]",
                                           "{a: b}",
                                           "a  b",
                                           "back\\slash",
                                           "a\xE2\x80\xA8"
                                           "b",
                                           "\"a\xC2\x85"
                                           "b\"",
                                           "a\xC2\xA0"
                                           "b",
                                           "\xEF\xBB\xBF"
                                           "bom",
                                           "[a\xE2\x80\xA9"
                                           "b, c]",
                                           "'\xC2\xA0'",
                                           " lead",
                                           "trail ",
                                           "100%",
                                           "a-b",
                                           "?x",
                                           "x?",
                                           "@at",
                                           "`tick`",
                                           "a\tb",
                                           "\"\"",
                                           "''"};
  const std::vector<std::string> blocks = {
      "\n  - a\n  - \"b\"",
      "\n  - date: 2025-01-01\n    summary: x\n  - date: 2024-01-01\n    summary: y",
      "\n- a",
      "\n    - a\n    - b",
      "\n  - a: b\n    c:",
      "\n  -a",
      "\n  - [a]",
      "\n  - a: b\n   c: d",
      "\n  - a\n  - b: c\n    d: e\n  - f",
      "\n  - a: [x]",
      "\n  - a: 'q'\n    b: \"r\"",
      "\n  - a\n\n  - b",
      ""};
  std::mt19937 random(3);
  int read = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int lines = 1 + static_cast<int>(random() % 6);
    for (int l = 0; l < lines; ++l) {
      text += keys[random() % keys.size()];
      if (random() % 4 == 0)
        text += ":" + blocks[random() % blocks.size()];
      else
        text += ": " + values[random() % values.size()];
      text += '\n';
    }
    if (random() % 5 == 0) text.pop_back();
    check_against_yaml_cpp(text, read);
  }
  CHECK(read > 1000);  // the fast path is taken, not only ever refused
}

TEST_CASE("simple_yaml: agrees with yaml-cpp on values of random characters", "[frontmatter]") {
  // Every printable ASCII character, some of them often, and a few of UTF-8.
  const std::vector<std::string> chars = {"a", "b", " ", " ", "-",  ",", ":", "'",        "\"",          "[",
                                          "]", "{", "}", "!", "&",  "*", "|", ">",        "%",           "@",
                                          "`", "?", "#", "~", "\\", "/", ".", "=",        "+",           "(",
                                          ")", "<", ";", "^", "$",  "0", "9", "\xC3\xA9", "\xE2\x80\x94"};
  std::mt19937 random(17);
  int read = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const int lines = 1 + static_cast<int>(random() % 3);
    for (int l = 0; l < lines; ++l) {
      text += "k" + std::to_string(l) + ": ";
      const int n = 1 + static_cast<int>(random() % 8);
      for (int c = 0; c < n; ++c) text += chars[random() % chars.size()];
      text += '\n';
    }
    check_against_yaml_cpp(text, read);
  }
  CHECK(read > 1000);
}
