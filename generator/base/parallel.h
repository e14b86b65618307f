#pragma once
/// Runs f(i) for i in [0, n) on up to `jobs` threads. Each index writes only
/// its own slot of a pre-sized vector, so results never depend on thread order.
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace qahub::base {

template <typename F>
void parallel_for(size_t n, int jobs, F&& f) {
  if (jobs <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) f(i);
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs && static_cast<size_t>(t) < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

/// parallel_for that also tells f which worker (0 … jobs-1) runs index i, so
/// each worker can keep its own scratch state (a stem cache, say).
template <typename F>
void parallel_for_workers(size_t n, int jobs, F&& f) {
  if (jobs <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) f(0, i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&](int w) {
    for (size_t i; (i = next.fetch_add(1)) < n;) f(w, i);
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs && static_cast<size_t>(t) < n; ++t) threads.emplace_back(worker, t);
  worker(0);
  for (auto& t : threads) t.join();
}

}  // namespace qahub::base
