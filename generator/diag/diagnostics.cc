#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "base/text.h"

namespace qahub::diag {

void Diagnostics::report(Severity severity, Position pos, std::string message) {
  std::lock_guard lock(mutex_);
  items_.push_back(Diagnostic{severity, std::move(pos), std::move(message)});
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::kError || (strict_ && d.severity == Severity::kWarning);
  }));
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  if (strict_) return 0;
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
                                           [](const Diagnostic& d) { return d.severity == Severity::kWarning; }));
}

size_t Diagnostics::notice_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::kNotice; }));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

bool Diagnostics::has_true_errors() const {
  std::lock_guard lock(mutex_);
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  auto key = [](const Diagnostic& d) { return std::tie(d.pos.path, d.pos.line, d.pos.col, d.message, d.severity); };
  std::sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(
      std::unique(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
      out.end());
  return out;
}

std::string Diagnostics::format(const Diagnostic& d) const {
  std::string s = d.pos.path.empty() ? std::string("qahub") : d.pos.path;
  if (d.pos.line > 0) {
    s += ':' + std::to_string(d.pos.line);
    if (d.pos.col > 0) s += ':' + std::to_string(d.pos.col);
  }
  if (d.severity == Severity::kError)
    s += ": error: ";
  else if (d.severity == Severity::kNotice)
    s += ": notice: ";
  else
    s += strict_ ? ": error: (warning, --strict) " : ": warning: ";
  s += d.message;
  return s;
}

std::string Diagnostics::format_all() const {
  std::string out;
  for (const Diagnostic& d : sorted()) out += format(d) + '\n';
  return out;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best = base::closest_match(word, candidates);
  return best.empty() ? std::string() : "; did you mean \"" + best + "\"?";
}

}  // namespace qahub::diag
