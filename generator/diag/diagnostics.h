#pragma once
/// Diagnostics: every stage reports problems here instead of throwing, so one
/// run shows many errors (mold, ninja). Output is `path:line:col: error: message`
/// with the path relative to the site.
///
///   qahub::diag::Diagnostics diags;
///   diags.error({"content/a.md", 3, 7}, "unknown front matter key \"tittle\"; did you mean \"title\"?");
///   if (diags.has_errors()) return false;
#include <mutex>
#include <string>
#include <vector>

namespace qahub::diag {

/// A place in a site file. line/col are 1-based; 0 means "unknown" and is left out.
struct Position {
  std::string path;
  int line = 0;
  int col = 0;
};

/// An error is an authoring mistake that stops the build; a warning is one
/// that does not (and fails --strict); a notice is a fact about the service
/// the data records (an overdue action, coverage below 100%), which no
/// author can fix by editing, so it never fails a build, --strict included.
enum class Severity { kNotice, kWarning, kError };

struct Diagnostic {
  Severity severity;
  Position pos;
  std::string message;
};

/// Thread-safe sink. Rendering runs in parallel, so `report` may be called from
/// any thread; `sorted()` orders by position so printed output is deterministic.
class Diagnostics {
 public:
  void error(Position pos, std::string message) { report(Severity::kError, std::move(pos), std::move(message)); }
  void warning(Position pos, std::string message) { report(Severity::kWarning, std::move(pos), std::move(message)); }
  void notice(Position pos, std::string message) { report(Severity::kNotice, std::move(pos), std::move(message)); }
  void report(Severity severity, Position pos, std::string message);

  /// With strict on, warnings are errors (`--strict`): printed as
  /// `error: (warning, --strict) message` and counted by has_errors().
  /// Notices stay notices.
  void set_strict(bool strict) { strict_ = strict; }
  bool strict() const { return strict_; }

  bool has_errors() const;
  /// Errors reported as errors, not counting the warnings --strict promotes:
  /// what stops a build before rendering, so a --strict run still lists
  /// every warning the rendering finds.
  bool has_true_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  size_t notice_count() const;

  /// All diagnostics ordered by path, line, column, then message; duplicates dropped.
  std::vector<Diagnostic> sorted() const;
  /// `path:line:col: error: message` lines, one per diagnostic, each ending in '\n'.
  std::string format_all() const;
  std::string format(const Diagnostic& d) const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  bool strict_ = false;
};

/// `"; did you mean \"x\"?"` when a close candidate exists, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace qahub::diag
