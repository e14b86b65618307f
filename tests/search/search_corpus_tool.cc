// search_corpus_tool CORPUS.json INDEX.json: builds the lunr index of a corpus
// with the C++ builder (no qahub CLI needed), for oracle.js. Prints the build
// time in milliseconds on stderr with --time.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "search/corpus.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: search_corpus_tool CORPUS INDEX [--time]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "error: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  qahub::search::Corpus corpus;
  std::string error;
  auto t0 = std::chrono::steady_clock::now();
  if (!qahub::search::corpus_from_json(ss.str(), corpus, error)) {
    std::cerr << argv[1] << ": error: " << error << "\n";
    return 1;
  }
  auto t1 = std::chrono::steady_clock::now();
  std::string index = qahub::search::build_lunr_index(corpus);
  auto t2 = std::chrono::steady_clock::now();
  std::ofstream out(argv[2], std::ios::binary);
  out << index;
  if (argc > 3 && std::string(argv[3]) == "--time") {
    std::cerr << "parse_ms " << std::chrono::duration<double, std::milli>(t1 - t0).count() << "\n";
    std::cerr << "build_ms " << std::chrono::duration<double, std::milli>(t2 - t1).count() << "\n";
  }
  return out ? 0 : 1;
}
