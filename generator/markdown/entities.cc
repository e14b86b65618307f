#include "markdown/entities.h"

#include <cmark-gfm.h>
#include <cstdint>

extern "C" {
#include <cmark-gfm/buffer.h>
/// Exported by libcmark-gfm (houdini_html_u.c) but declared only in its
/// private houdini.h, which Debian does not install: cmark-gfm
/// 0.29.0.gfm.6's own prototype, unchanged since the houdini import.
int houdini_unescape_html_f(cmark_strbuf* ob, const uint8_t* src, bufsize_t size);
}

namespace qahub::markdown {

std::string decode_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  cmark_strbuf buf;
  cmark_strbuf_init(cmark_get_default_mem_allocator(), &buf, 0);
  houdini_unescape_html_f(&buf, reinterpret_cast<const uint8_t*>(text.data()), static_cast<bufsize_t>(text.size()));
  std::string out(reinterpret_cast<const char*>(buf.ptr), static_cast<size_t>(buf.size));
  cmark_strbuf_free(&buf);
  return out;
}

}  // namespace qahub::markdown
