#pragma once
/// MIME types for the files a built site contains. `qahub serve` needs them so
/// browsers apply CSS, run scripts and load fonts; the browser tests fail on a
/// stylesheet served as text/plain.
///
///   mime_type_for("search/index.json")  // "application/json"
#include <filesystem>
#include <string_view>

namespace qahub::serve {

/// The Content-Type for a file, chosen by its extension (case-insensitive).
/// Text types carry `; charset=utf-8`; unknown extensions are
/// `application/octet-stream`.
std::string_view mime_type_for(const std::filesystem::path& file);

}  // namespace qahub::serve
