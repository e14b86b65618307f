#include "fs/url_path.h"

#include <cstring>
#include <vector>

#include "base/text.h"
#include "base/unicode.h"

namespace qahub::fs {
namespace {

/// RFC 3986 unreserved characters and the sub-delimiters that need no
/// escaping in an HTML attribute or a shell; everything else is encoded.
bool stays(unsigned char c) {
  if (c >= 0x80) return true;  // UTF-8: an IRI keeps it, and browsers show it
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != 0 && std::strchr("-._~!$()*+,;=@/", c) != nullptr;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

/// Why a decoded site-root path ("/a b/") cannot name a place under the
/// output root, or "".
std::string path_problem(std::string_view path) {
  if (path.empty() || path[0] != '/') return "does not start with /";
  if (base::first_invalid_utf8(path) != std::string_view::npos) return "is not valid UTF-8";
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return "holds a control character";
    if (c == '\\') return "holds a backslash, a folder separator on Windows";
  }
  const std::vector<std::string_view> segs = segments_of(path.substr(1));
  for (size_t i = 0; i < segs.size(); ++i) {
    const std::string_view s = segs[i];
    if (s.empty() && i + 1 < segs.size()) return "has an empty segment (//)";
    if (s == "..") return "has a \"..\" segment, which would leave the output folder";
    if (s == ".") return "has a \".\" segment";
    if (!s.empty() && s[0] == '.') return "has a segment starting with \".\", which web servers hide";
  }
  return "";
}

/// "http:", "mailto:", "C:": RFC 3986's scheme, a letter then letters,
/// digits, + - . up to a colon.
bool has_scheme(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

}  // namespace

std::string encode_url_path(std::string_view raw) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size());
  for (unsigned char c : raw) {
    if (stays(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::optional<std::string> decode_url_path(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (size_t i = 0; i < url.size(); ++i) {
    if (url[i] != '%') {
      out += url[i];
      continue;
    }
    if (i + 2 >= url.size()) return std::nullopt;
    const int hi = hex_value(url[i + 1]), lo = hex_value(url[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

SiteUrl site_url_from_raw(std::string_view raw_path) {
  if (std::string why = path_problem(raw_path); !why.empty()) return {std::string(raw_path), why};
  return {encode_url_path(raw_path), ""};
}

SiteUrl site_url_from_written(std::string_view written) {
  std::string url(written);
  auto refused = [&](std::string why) { return SiteUrl{url, std::move(why)}; };
  // "http:", "mailto:", "C:": a full URL or a drive, not a path on this site.
  if (has_scheme(url)) return refused("is a full URL or a drive, not a path on this site (write /old/page/)");
  if (url.find_first_of("?#") != std::string::npos)
    return refused("has a query or fragment (? or #); an alias is a path");
  if (url.empty() || url[0] != '/') url.insert(0, 1, '/');
  if (url.back() != '/') url += '/';
  // Decoded segment by segment, so "%2F" cannot make a new segment.
  std::string decoded;
  const std::vector<std::string_view> segs = segments_of(url);
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto d = decode_url_path(segs[i]);
    if (!d) return refused("has a % not followed by two hexadecimal digits");
    if (d->find('/') != std::string::npos) return refused("encodes a / (%2F) inside a segment");
    if (i) decoded += '/';
    decoded += *d;
  }
  if (std::string why = path_problem(decoded); !why.empty()) return refused(why);
  return {encode_url_path(decoded), ""};
}

std::string output_file_for(std::string_view url) {
  const std::string_view tail = url.empty() ? url : url.substr(1);
  std::string rel = decode_url_path(tail).value_or(std::string(tail));
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  return rel;
}

std::string unsafe_output_file(std::string_view rel) {
  if (rel.empty()) return "is empty";
  if (rel.back() == '/') return "names a folder";
  return path_problem("/" + std::string(rel));
}

std::string case_fold(std::string_view path) {
  return base::utf16_to_utf8(base::js_to_lower(base::utf8_to_utf16(path)));
}

}  // namespace qahub::fs
