#include "markdown/gfm_extensions.h"

#include <dlfcn.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <atomic>
#include <cstring>

namespace {

using ManageFn = void (*)(cmark_parser*, int);

/// Set when the library's inline pass reached our definition below.
std::atomic<bool> g_reached{false};
/// The library's own function, and whether ours must pass calls on to it
/// (the table could not be filled once: the lock then keeps parses apart).
ManageFn g_library = nullptr;
std::atomic<bool> g_forward{false};

}  // namespace

/// Replaces the library's own (see gfm_extensions.h): the table was filled
/// once by ensure_registered(), so neither the add at the start of an inline
/// pass nor the remove at its end may touch it again.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  g_reached.store(true, std::memory_order_relaxed);
  if (g_forward.load(std::memory_order_relaxed) && g_library) g_library(parser, add);
}

namespace qahub::markdown {
namespace {

std::once_flag g_once;
std::mutex g_lock;
bool g_needs_lock = false;

/// Parses text only the extensions change; true when they did.
bool extensions_work() {
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  const char text[] = "~~struck~~ www.example.org\n";
  cmark_parser_feed(parser, text, sizeof text - 1);
  cmark_node* root = cmark_parser_finish(parser);
  char* html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  const bool ok = std::strstr(html, "<del>struck</del>") && std::strstr(html, "<a href=\"http://www.example.org\">");
  cmark_get_default_mem_allocator()->free(html);
  cmark_node_free(root);
  cmark_parser_free(parser);
  return ok;
}

void register_once() {
  cmark_gfm_core_extensions_ensure_registered();
  // The library's own function fills the table, once, for every extension.
  cmark_parser* prime = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(prime, ext);
  g_library = reinterpret_cast<ManageFn>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  if (g_library) g_library(prime, 1);
  cmark_parser_free(prime);
  g_reached.store(false);
  const bool works = extensions_work();
  if (works && g_reached.load()) return;  // ours is reached and the table is full: no lock
  g_needs_lock = true;
  g_forward.store(true);  // the library adds and removes as it was written to, one parse at a time
}

}  // namespace

void ensure_registered() { std::call_once(g_once, register_once); }

std::mutex* inline_pass_lock() { return g_needs_lock ? &g_lock : nullptr; }

}  // namespace qahub::markdown
