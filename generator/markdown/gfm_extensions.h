#pragma once
/// cmark-gfm's extensions, made safe to parse with on many threads.
///
/// cmark-gfm's inline pass adds each attached extension's special characters
/// ('~' for strikethrough, ':' and 'w' for autolinks) to one process-wide
/// table as it starts, and removes them as it ends (blocks.c,
/// process_inlines, through cmark_manage_extensions_special_characters;
/// github/cmark-gfm#221). Two pages parsed at once on two threads: one
/// finishes, removes '~', and the other reads "~~struck~~" as text.
///
/// The library makes that call through its PLT, so qahub defines the function
/// itself (gfm_extensions.cc): the characters are added once, for good, by
/// ensure_registered(), and every later add or remove is a no-op, so no parse
/// writes the table. Where the library does not reach our definition (a build
/// linked with -Bsymbolic), ensure_registered() finds out with a test parse
/// and inline_pass_lock() then serialises the inline pass instead.
#include <mutex>

namespace qahub::markdown {

/// The GFM extensions qahub attaches, in order.
inline constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

/// Registers the extensions and fixes the special-character table, once.
void ensure_registered();

/// Null when parses may run their inline pass at once; else a mutex to hold
/// around cmark_parser_finish.
std::mutex* inline_pass_lock();

}  // namespace qahub::markdown
