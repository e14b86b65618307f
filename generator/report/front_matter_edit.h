#pragma once
/// The two edits `qahub publish` makes to a report's front matter, each
/// touching no other byte (line ends, comments and key order kept).
#include <optional>
#include <string>

namespace qahub::report {

/// The text with its `published:` line set to `date`: replaced where it is,
/// else added before the closing fence. nullopt when the text has no closed
/// front matter.
std::optional<std::string> set_published(const std::string& text, const std::string& date);

/// The text with one `changes` item put first, in the list's own
/// indentation (the list is made if there is none). nullopt when the text
/// has no closed front matter.
std::optional<std::string> add_change(const std::string& text, const std::string& date, const std::string& summary);

}  // namespace qahub::report
