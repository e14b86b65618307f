#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <memory>
#include <thread>
#include <vector>

#include "serve/watcher.h"
#include "temp_dir.h"

using namespace qahub;
using namespace std::chrono_literals;

TEST_CASE("serve: editor temporary files are ignored", "[serve]") {
  for (const char* name : {".a.md.swp", "a.md~", "4913", "#a.md#", ".#a.md", "a.md.tmp"})
    CHECK(serve::is_editor_temp_file(name));
  for (const char* name : {"a.md", "2026-27-cycle-1.json", "layout.mustache"})
    CHECK_FALSE(serve::is_editor_temp_file(name));
}

TEST_CASE("serve: the watcher reports edits, new directories and the config, debounced", "[serve]") {
  testing::TempDir dir("serve-watch");
  dir.write("content/a.md", "a");
  dir.write("public/index.html", "x");
  serve::Watcher watcher(dir.path(), 30ms);

  // Several events from one save arrive as one batch.
  std::thread editor([&] {
    dir.write("content/a.md", "b");
    dir.write("content/.a.md.swp", "ignored");
    dir.write("public/index.html", "not watched");
  });
  auto batch = watcher.wait_for_changes();
  editor.join();
  REQUIRE(batch);
  CHECK(batch->paths == std::set<std::string>{"content/a.md"});

  // `sed -i` writes a temporary file and renames it over the real one.
  std::thread sed([&] {
    dir.write("content/sedAb12Cd", "c");
    std::filesystem::rename(dir.path() / "content/sedAb12Cd", dir.path() / "content/a.md");
  });
  batch = watcher.wait_for_changes();
  sed.join();
  REQUIRE(batch);
  CHECK(batch->paths == std::set<std::string>{"content/a.md"});

  // A directory created after start is watched too.
  std::filesystem::create_directories(dir.path() / "content/new");
  batch = watcher.wait_for_changes();
  REQUIRE(batch);
  dir.write("content/new/b.md", "b");
  batch = watcher.wait_for_changes();
  REQUIRE(batch);
  CHECK(batch->paths.count("content/new/b.md") == 1);

  dir.write("qahub.yaml", "title: x\n");
  batch = watcher.wait_for_changes();
  REQUIRE(batch);
  CHECK(batch->paths.count("qahub.yaml") == 1);

  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    watcher.stop();
  });
  CHECK_FALSE(watcher.wait_for_changes());
  stopper.join();
}

TEST_CASE("serve: file systems where inotify misses remote changes are named", "[serve]") {
  CHECK(serve::untrusted_file_system(0x01021997) == "9p");
  CHECK(serve::untrusted_file_system(0x53464846) == "drvfs");
  CHECK(serve::untrusted_file_system(0xFF534D42) == "cifs");
  CHECK(serve::untrusted_file_system(0xFE534D42) == "smb2");
  CHECK(serve::untrusted_file_system(0x6969) == "nfs");
  CHECK(serve::untrusted_file_system(0x65735546) == "fuse");
  CHECK(serve::untrusted_file_system(0xEF53) == "");      // ext4
  CHECK(serve::untrusted_file_system(0x01021994) == "");  // tmpfs
}

TEST_CASE("serve: a polling watcher reports edits, new and deleted files", "[serve]") {
  testing::TempDir dir("serve-poll");
  dir.write("content/a.md", "a");
  dir.write("data/forums/f.json", "{}");
  dir.write("public/index.html", "x");
  serve::Watcher watcher(dir.path(), 30ms, /*force_poll=*/true, 50ms);
  CHECK(watcher.polling());
  CHECK(watcher.polling_reason() == "asked for with --poll");

  // Same size, so only the modification time tells.
  std::this_thread::sleep_for(20ms);
  std::thread editor([&] {
    dir.write("content/a.md", "b");
    dir.write("content/.a.md.swp", "ignored");
    dir.write("public/index.html", "not watched");
  });
  auto batch = watcher.wait_for_changes();
  editor.join();
  REQUIRE(batch);
  CHECK(batch->paths == std::set<std::string>{"content/a.md"});

  std::thread more([&] {
    dir.write("content/new/b.md", "b");
    std::filesystem::remove(dir.path() / "data/forums/f.json");
    dir.write("qahub.yaml", "title: T\n");
  });
  batch = watcher.wait_for_changes();
  more.join();
  REQUIRE(batch);
  // One scan may see part of the writes; the rest comes in the next batch.
  std::set<std::string> seen = batch->paths;
  while (seen.size() < 3) {
    auto next = watcher.wait_for_changes();
    REQUIRE(next);
    seen.insert(next->paths.begin(), next->paths.end());
  }
  CHECK(seen == std::set<std::string>{"content/new/b.md", "data/forums/f.json", "qahub.yaml"});

  std::thread stopper([&] {
    std::this_thread::sleep_for(30ms);
    watcher.stop();
  });
  CHECK_FALSE(watcher.wait_for_changes());
  stopper.join();
}

TEST_CASE("serve: the watcher falls back to polling when inotify cannot start", "[serve]") {
  testing::TempDir dir("serve-fallback");
  dir.write("content/a.md", "a");
  // Leave the process one free descriptor: the watcher's eventfd takes it,
  // so inotify_init1 fails with EMFILE, as with too many inotify instances.
  rlimit old{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &old) == 0);
  rlimit low = old;
  low.rlim_cur = 256;
  REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
  std::vector<int> held;
  for (int fd; (fd = dup(0)) >= 0;) held.push_back(fd);
  // No Catch2 assertion until the descriptors are back: with none free,
  // UBSan's vptr check inside Catch2 cannot read what it needs.
  const bool held_any = !held.empty();
  if (held_any) {
    close(held.back());
    held.pop_back();
  }
  std::unique_ptr<serve::Watcher> watcher;
  try {
    watcher = std::make_unique<serve::Watcher>(dir.path(), 30ms, false, 50ms);
  } catch (...) {
  }
  for (int fd : held) close(fd);
  setrlimit(RLIMIT_NOFILE, &old);
  REQUIRE(held_any);
  REQUIRE(watcher);
  CHECK(watcher->polling());
  CHECK(watcher->polling_reason() == "inotify is not available (Too many open files)");
  std::thread editor([&] {
    std::this_thread::sleep_for(20ms);
    dir.write("content/a.md", "changed");
  });
  auto batch = watcher->wait_for_changes();
  editor.join();
  REQUIRE(batch);
  CHECK(batch->paths == std::set<std::string>{"content/a.md"});
}
