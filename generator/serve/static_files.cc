#include "serve/static_files.h"

#include <system_error>
#include <vector>

namespace qahub::serve {
namespace {

/// Splits on '/' (and '\\', which some clients send), dropping empty and "." segments.
std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/' || path[i] == '\\') {
      std::string_view seg = path.substr(start, i - start);
      if (!seg.empty() && seg != ".") out.push_back(seg);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

bool is_within_root(const std::filesystem::path& root, const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path real_root = std::filesystem::weakly_canonical(root, ec);
  if (ec) return false;
  const std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  if (ec) return false;
  const std::filesystem::path rel = real.lexically_relative(real_root);
  if (rel.empty()) return false;  // different roots altogether
  if (rel == ".") return true;
  return *rel.begin() != "..";
}

Resolution resolve_request(const std::filesystem::path& root, std::string_view url_path) {
  Resolution r;
  if (url_path.empty() || url_path.front() != '/' || url_path.find('\0') != std::string_view::npos) {
    r.kind = Resolution::kForbidden;
    return r;
  }
  std::filesystem::path candidate = root;
  for (std::string_view seg : split_segments(url_path)) {
    if (seg == "..") {
      r.kind = Resolution::kForbidden;
      return r;
    }
    candidate /= std::string(seg);
  }

  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(candidate, ec);
  if (ec || !std::filesystem::exists(status)) return r;  // kNotFound
  if (!is_within_root(root, candidate)) {
    r.kind = Resolution::kForbidden;
    return r;
  }
  if (std::filesystem::is_directory(status)) {
    if (url_path.back() != '/') {
      r.kind = Resolution::kRedirect;
      r.location = std::string(url_path) + "/";
      return r;
    }
    candidate /= "index.html";
    if (!std::filesystem::is_regular_file(candidate, ec) || !is_within_root(root, candidate)) return r;
  } else if (!std::filesystem::is_regular_file(status) || url_path.back() == '/') {
    return r;  // "/style.css/" is not a file; sockets, fifos and devices never are
  }
  r.kind = Resolution::kFile;
  r.file = std::move(candidate);
  return r;
}

}  // namespace qahub::serve
