#include <catch2/catch.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "base/text.h"

using namespace qahub::base;

TEST_CASE("parallel: every index once, in its own slot, whatever the jobs", "[base]") {
  for (int jobs : {1, 2, 8}) {
    std::vector<int> out(1000, 0);
    parallel_for(out.size(), jobs, [&](size_t i) { out[i] += static_cast<int>(i); });
    for (size_t i = 0; i < out.size(); ++i) REQUIRE(out[i] == static_cast<int>(i));
  }
}

TEST_CASE("parallel: an exception in a worker reaches the caller, never std::terminate", "[base]") {
  for (int jobs : {1, 2, 4}) {
    CHECK_THROWS_WITH(parallel_for(100, jobs,
                                   [](size_t i) {
                                     if (i == 57) throw std::runtime_error("bad record");
                                   }),
                      "bad record");
  }
  for (bool together : {false, true}) {
    bool main_ran = false;
    CHECK_THROWS_WITH(run_beside(
                          together, [&] { main_ran = true; }, [] { throw std::runtime_error("beside"); }),
                      "beside");
    CHECK(main_ran);
  }
}

TEST_CASE("parallel: a thread beside lowers its own priority and its workers', never the caller's", "[base]") {
  auto nice_of_this_thread = [] {
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
  };
  const int before = nice_of_this_thread();
  int beside = 0, worker = 0;
  qahub::base::run_beside(
      true, [] {},
      [&] {
        qahub::base::lower_this_thread_priority(5);
        beside = nice_of_this_thread();
        std::thread([&] { worker = nice_of_this_thread(); }).join();  // as parallel_for's workers start
      });
  CHECK(beside == std::min(before + 5, 19));
  CHECK(worker == beside);
  CHECK(nice_of_this_thread() == before);
}

TEST_CASE("text: plural and keys_of", "[base]") {
  CHECK(plural(0, "error") == "0 errors");
  CHECK(plural(1, "error") == "1 error");
  CHECK(plural(2, "other file") == "2 other files");
  CHECK(keys_of(std::map<std::string, int>{{"b", 1}, {"a", 2}}) == std::vector<std::string>{"a", "b"});
}
