#include "serve/live_reload.h"

namespace qahub::serve {
namespace {

/// Enough for any tab that was busy for a moment; older events are dropped.
constexpr size_t kKeptEvents = 32;

}  // namespace

std::string format_sse(std::string_view name, std::string_view data) {
  std::string out = "event: ";
  out += name;
  out += '\n';
  size_t start = 0;
  while (true) {
    size_t nl = data.find('\n', start);
    std::string_view line = data.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (nl == std::string_view::npos && line.empty() && start > 0) break;  // trailing newline
    out += "data: ";
    out += line;
    out += '\n';
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  out += '\n';
  return out;
}

void EventHub::publish(std::string name, std::string data) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (name == "errors")
      errors_ = data;
    else if (name == "ok" || name == "reload")
      errors_.reset();
    events_.push_back({next_seq_++, std::move(name), std::move(data)});
    while (events_.size() > kKeptEvents) events_.pop_front();
  }
  changed_.notify_all();
}

uint64_t EventHub::subscribe_from() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return next_seq_ - 1;
}

std::vector<Event> EventHub::wait_for_events(uint64_t& seen, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || next_seq_ - 1 > seen; });
  std::vector<Event> out;
  for (const Event& e : events_)
    if (e.seq > seen) out.push_back(e);
  seen = next_seq_ - 1;
  return out;
}

std::optional<std::string> EventHub::current_errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

void EventHub::close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventHub::closed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

}  // namespace qahub::serve
