#include "serve/background_search.h"

#include <set>

#include <chrono>
#include <cstdio>

#include "fs/files.h"
#include "pipeline/output_marker.h"
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

bool write_search_files(const config::BuildOptions& options, const std::vector<search::SearchPage>& pages) {
  diag::Diagnostics ignored;  // the full build reported the synonyms file's problems
  // The synonyms as the full build read them (data/search/synonyms.json),
  // and its search options: only the cache is left to full builds.
  search::SynonymTable synonyms;
  if (auto text = fs::read_file(options.site_dir / "data/search/synonyms.json"))
    synonyms = search::SynonymTable::parse(*text, "data/search/synonyms.json", ignored);
  search::SearchBuildOptions sopt = pipeline::search_options(options, synonyms);
  sopt.write_cache = false;  // `qahub search`'s cache follows full builds only
  base::OutputFiles out;
  search::build_search(pages, sopt, out, ignored);
  const std::filesystem::path out_dir = pipeline::output_dir(options);
  std::set<std::string> added, removed;
  // The store's chunks (search/docs/K.json) of the last writer that this
  // one does not write: fewer pages, fewer chunks. Nothing else is in that
  // folder (search/ itself holds the search page too).
  std::set<std::filesystem::path> dirs;
  for (const auto& [path, _] : out)
    if (auto slash = path.rfind('/'); slash != std::string::npos && path.compare(0, 7, "search/") == 0 && slash > 6)
      dirs.insert(path.substr(0, slash));
  std::error_code ec;
  for (const std::filesystem::path& dir : dirs)
    for (const auto& entry : std::filesystem::directory_iterator(out_dir / dir, ec))
      if (entry.is_regular_file(ec)) {
        const std::string rel = (dir / entry.path().filename()).generic_string();
        if (!out.count(rel) && std::filesystem::remove(entry.path(), ec)) removed.insert(rel);
      }
  bool ok = true;
  for (const auto& [path, bytes] : out) {
    if (!std::filesystem::exists(out_dir / path, ec)) added.insert(path);
    ok = fs::replace_file(out_dir / path, bytes) && ok;
  }
  return pipeline::update_output_marker(out_dir, added, removed) && ok;
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
    const bool ok = write_search_files(options_, pages);
    const std::filesystem::path out_dir = pipeline::output_dir(options_);
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
