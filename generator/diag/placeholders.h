#pragma once
/// `TODO:` placeholders, which `qahub new` writes for the author to replace.
/// Loading finds them (content pages, records and their narratives); the
/// report pass says what each one means once it knows which pages are
/// drafts and what `qahub publish` draws on: a warning in a page or record,
/// a notice in a draft report or brief, an error in what is being published.
///
///   for (const diag::Position& at : diag::find_placeholders(text, "content/a.md")) ...
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::diag {

/// Where each `TODO:` in `text` starts (1-based line and byte column, the
/// first line being 1 + `line_offset`), when it starts a word: "TODO:" after
/// a letter or digit ("XTODO:") is not one.
std::vector<Position> find_placeholders(std::string_view text, const std::string& path, int line_offset = 0);

/// The same over a Markdown file, leaving out code: fenced code blocks
/// (``` or ~~~) and code spans (`TODO: x`) on one line, where a guidance page
/// shows what a placeholder looks like rather than leaving one.
std::vector<Position> find_markdown_placeholders(std::string_view text, const std::string& path, int line_offset = 0);

}  // namespace qahub::diag
