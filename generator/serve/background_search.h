#pragma once
/// Rebuilds the search files (search/index.json, docs.json, index.js) of the
/// serve output on a thread of its own after an incremental update, so the
/// edited page is reloaded first and search follows a moment later. Requests
/// that arrive while one is being built collapse into one more build with the
/// newest pages.
///
///   BackgroundSearch search(options);           // options of the serve build
///   search.request(pipeline::search_pages(site));  // returns at once
///   search.stop();                              // before the options go
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "config/site_config.h"
#include "search/search.h"

namespace qahub::serve {

/// Writes the search files of `pages` into the serve output of `options`,
/// as a full build of the same sources would (synonyms and all; the cache is
/// left to full builds), removes the search files it no longer writes (an
/// index store in fewer chunks) and keeps the output's list of files. The
/// background thread runs this; a test may run it directly. False when a
/// file cannot be written.
bool write_search_files(const config::BuildOptions& options, const std::vector<search::SearchPage>& pages);

class BackgroundSearch {
 public:
  explicit BackgroundSearch(config::BuildOptions options);
  ~BackgroundSearch();
  BackgroundSearch(const BackgroundSearch&) = delete;
  BackgroundSearch& operator=(const BackgroundSearch&) = delete;

  /// Indexes `pages` as soon as the thread is free (a pending request is replaced).
  void request(std::vector<search::SearchPage> pages);
  /// Drops a pending request and waits for a build in progress to finish,
  /// so a full build that follows writes the newest search files.
  void cancel();
  /// Finishes the build in progress, if any, and ends the thread.
  void stop();

 private:
  void run();

  config::BuildOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<std::vector<search::SearchPage>> pending_;
  std::condition_variable idle_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace qahub::serve
