#pragma once
/// Runs f(i) for i in [0, n) on up to `jobs` threads: the one thread pool of
/// qahub (content, record pages, rendering, search, output). Each index
/// writes only its own slot of a pre-sized vector, so results never depend
/// on thread order. An exception thrown by f on a worker thread stops the
/// other workers taking new indexes and is rethrown to the caller after
/// every thread has joined, as it would be with jobs = 1 (never
/// std::terminate).
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace qahub::base {

/// parallel_for that also tells f which worker (0 … jobs-1) runs index i, so
/// each worker can keep its own scratch state (a stem cache, say).
template <typename F>
void parallel_for_workers(size_t n, int jobs, F&& f) {
  if (jobs <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) f(0, i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&](int w) {
    try {
      for (size_t i; (i = next.fetch_add(1)) < n;) f(w, i);
    } catch (...) {
      next = n;  // the others stop at their next index
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs && static_cast<size_t>(t) < n; ++t) threads.emplace_back(worker, t);
  worker(0);
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

template <typename F>
void parallel_for(size_t n, int jobs, F&& f) {
  parallel_for_workers(n, jobs, [&](int, size_t i) { f(i); });
}

/// Lowers the calling thread's scheduling priority (nice +`by`), and so that
/// of the threads it starts. For a thread that runs beside a critical path
/// (rendering beside search): when the two compete for the cores, the path
/// that has serial stretches gets them first, and the other fills the gaps.
/// Only for a thread qahub started: an unprivileged thread cannot raise its
/// priority again.
inline void lower_this_thread_priority(int by) {
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int now = ::getpriority(PRIO_PROCESS, tid);
  if (errno == 0) ::setpriority(PRIO_PROCESS, tid, now + by);
}

/// Runs `beside` on a thread of its own while `main` runs on this one, or
/// after `main` when `together` is false. An exception from either is
/// rethrown here once both have finished.
template <typename A, typename B>
void run_beside(bool together, A&& main, B&& beside) {
  if (!together) {
    main();
    beside();
    return;
  }
  std::exception_ptr error;
  std::thread thread([&] {
    try {
      beside();
    } catch (...) {
      error = std::current_exception();
    }
  });
  try {
    main();
  } catch (...) {
    thread.join();
    throw;
  }
  thread.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace qahub::base
