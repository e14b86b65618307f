#include "diag/github.h"

#include <algorithm>

namespace qahub::diag {
namespace {

std::string escape(const std::string& text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

/// A Markdown code fence longer than any run of backticks in `text`.
std::string fence_for(const std::string& text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

}  // namespace

std::string github_escape_data(const std::string& text) { return escape(text, false); }
std::string github_escape_property(const std::string& text) { return escape(text, true); }

std::string github_annotations(const Diagnostics& diags, const std::string& prefix) {
  std::string out;
  for (const Diagnostic& d : diags.sorted()) {
    std::string message = d.message;
    if (d.severity == Severity::kError)
      out += "::error";
    else if (d.severity == Severity::kNotice)
      out += "::notice";
    else if (diags.strict())
      out += "::error", message = "(warning, --strict) " + message;
    else
      out += "::warning";
    if (!d.pos.path.empty()) {
      out += " file=" + github_escape_property(prefix + d.pos.path);
      if (d.pos.line > 0) {
        out += ",line=" + std::to_string(d.pos.line);
        if (d.pos.col > 0) out += ",col=" + std::to_string(d.pos.col);
      }
    }
    out += "::" + github_escape_data(message) + '\n';
  }
  return out;
}

std::string github_summary(const Diagnostics& diags, const std::string& command, const std::string& result) {
  std::string out = "### " + command + "\n\n" + result + "\n\n";
  out += "| errors | warnings | notices |\n| ---: | ---: | ---: |\n";
  out += "| " + std::to_string(diags.error_count()) + " | " + std::to_string(diags.warning_count()) + " | " +
         std::to_string(diags.notice_count()) + " |\n";
  const std::string lines = diags.format_all();
  if (!lines.empty()) {
    const std::string fence = fence_for(lines);
    out += "\n" + fence + "text\n" + lines + fence + "\n";
  }
  return out;
}

}  // namespace qahub::diag
