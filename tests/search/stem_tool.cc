// Reads one word per line (UTF-8) and writes lunr_stem(word) per line, for
// stemmer_check.js. Also `stem_tool --lower` writes js_to_lower(line) and
// `--analyze` writes the index pipeline's terms of each line, space-joined.
#include <iostream>
#include <string>

#include "search/lunr_stem.h"
#include "search/tokenizer.h"
#include "search/unicode.h"

int main(int argc, char** argv) {
  using namespace qahub::search;
  std::ios::sync_with_stdio(false);
  const std::string mode = argc > 1 ? argv[1] : "";
  Analyzer analyzer(lunr_stop_words());
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    if (mode == "--lower") {
      out += utf16_to_utf8(js_to_lower(utf8_to_utf16(line)));
    } else if (mode == "--analyze") {
      bool first = true;
      for (const Token& t : analyzer.analyze(utf8_to_utf16(line))) {
        if (!first) out += ' ';
        first = false;
        out += utf16_to_utf8(t.text);
      }
    } else {
      out += utf16_to_utf8(lunr_stem(utf8_to_utf16(line)));
    }
    out += '\n';
  }
  std::cout << out;
  return 0;
}
