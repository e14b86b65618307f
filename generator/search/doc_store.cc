#include "search/doc_store.h"

#include <nlohmann/json.hpp>

#include "search/js_json.h"
#include "search/unicode.h"

namespace qahub::search {

std::string truncate_text(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > max / 2) cut = space;
  return text.substr(0, cut) + "…";
}

std::string doc_entry_json(const IndexedDoc& d) {
  // Written straight out: the same bytes nlohmann's compact dump gave (every
  // text is valid UTF-8 by now, so its escaping is JSON.stringify's), without
  // building a JSON tree of every page's text first.
  const SearchPage& p = *d.page;
  std::string out = "{\"u\":";
  append_js_string(out, sanitize_utf8(p.url));
  out += ",\"t\":";
  append_js_string(out, d.fields[kTitle]);
  out += ",\"s\":";
  append_js_string(out, sanitize_utf8(p.section));
  out += ",\"d\":";
  append_js_string(out, sanitize_utf8(p.description));
  out += ",\"h\":[";
  bool first = true;
  for (const auto& section : p.text()) {
    out += first ? "[" : ",[";
    first = false;
    append_js_string(out, sanitize_utf8(section.id));
    out += ',';
    append_js_string(out, sanitize_utf8(section.heading));
    out += ',';
    append_js_string(out, truncate_text(sanitize_utf8(section.text), kMaxSectionText));
    out += ']';
  }
  out += "]}";
  return out;
}

DocStore doc_store(const std::vector<IndexedDoc>& docs, const SynonymTable& synonyms) {
  DocStore store;
  nlohmann::ordered_json starts = nlohmann::ordered_json::array();
  std::string chunk;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (chunk.empty()) {
      starts.push_back(i);
      chunk = "[";
    } else {
      chunk += ",";
    }
    chunk += doc_entry_json(docs[i]);
    if (chunk.size() >= kChunkBytes || i + 1 == docs.size()) {
      chunk += "]";
      store.chunks.push_back(std::move(chunk));
      chunk.clear();
    }
  }
  nlohmann::ordered_json j;
  j["stopWords"] = qahub_stop_words();
  j["synonyms"] = synonyms.groups();
  j["documents"] = docs.size();
  j["chunks"] = std::move(starts);
  store.meta = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return store;
}

std::string chunk_path(size_t chunk, const char* extension) {
  return "search/docs/" + std::to_string(chunk) + extension;
}

std::string chunk_script(size_t chunk, const std::string& chunk_json) {
  return "(window.QAHUB_DOCS = window.QAHUB_DOCS || {})[" + std::to_string(chunk) + "] = " + chunk_json + ";\n";
}

std::string words_script(const std::string& words_json) { return "window.QAHUB_WORDS = " + words_json + ";\n"; }

std::filesystem::path search_cache_path(const std::filesystem::path& cache_dir) { return cache_dir / "search"; }

std::string index_script(const std::string& index_json, const std::string& meta_json) {
  std::string out;
  out.reserve(index_json.size() + meta_json.size() + 64);
  out += "window.QAHUB_SEARCH = {\"index\": ";
  out += index_json;
  out += ", \"meta\": ";
  out += meta_json;
  out += "};\n";
  return out;
}

}  // namespace qahub::search
