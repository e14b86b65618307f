#include "serve/background_search.h"

#include <chrono>
#include <cstdio>

#include "fs/files.h"
#include "pipeline/pipeline.h"

namespace qahub::serve {

BackgroundSearch::BackgroundSearch(config::BuildOptions options)
    : options_(std::move(options)), thread_([this] { run(); }) {}

BackgroundSearch::~BackgroundSearch() { stop(); }

void BackgroundSearch::request(std::vector<search::SearchPage> pages) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = std::move(pages);
  }
  wake_.notify_one();
}

void BackgroundSearch::cancel() {
  std::unique_lock<std::mutex> lock(mutex_);
  pending_.reset();
  idle_.wait(lock, [this] { return !busy_; });
}

void BackgroundSearch::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void BackgroundSearch::run() {
  for (;;) {
    std::vector<search::SearchPage> pages;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
      if (stopping_) return;
      pages = std::move(*pending_);
      pending_.reset();
      busy_ = true;
    }
    const auto start = std::chrono::steady_clock::now();
    diag::Diagnostics ignored;  // the full build reported the synonyms file's problems
    // The synonyms as the full build read them (data/search/synonyms.json),
    // and its search options: only the cache is left to full builds.
    search::SynonymTable synonyms;
    if (auto text = fs::read_file(options_.site_dir / "data/search/synonyms.json"))
      synonyms = search::SynonymTable::parse(*text, "data/search/synonyms.json", ignored);
    search::SearchBuildOptions sopt = pipeline::search_options(options_, synonyms);
    sopt.write_cache = false;  // `qahub search`'s cache follows full builds only
    base::OutputFiles out;
    search::build_search(pages, sopt, out, ignored);
    const std::filesystem::path out_dir = pipeline::output_dir(options_);
    bool ok = true;
    for (const auto& [path, bytes] : out) ok = fs::replace_file(out_dir / path, bytes) && ok;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (ok)
      std::fprintf(stderr, "qahub: search index updated in %.0f ms\n", ms);
    else
      std::fprintf(stderr, "qahub: error: cannot write the search index into %s\n", out_dir.c_str());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      busy_ = false;
    }
    idle_.notify_all();
  }
}

}  // namespace qahub::serve
