#pragma once
/// Parsing JSON from a site file without letting nlohmann-json throw past us.
/// `json::parse` throws parse_error for bad syntax but also out_of_range for a
/// number a double cannot hold (`1e999`), which used to end the build with
/// `terminate called`; every caller that reads a site's JSON goes through here.
///
///   auto doc = qahub::diag::parse_json(text, "data/actions/a-1.json", diags);
///   if (!doc) return;  // "data/actions/a-1.json:3:12: error: invalid JSON: ..." was reported
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace qahub::diag {

/// Arrays and objects nest at most this deep: deeper is an error at the
/// bracket that goes too far, before anything recurses into the document.
inline constexpr size_t kMaxJsonDepth = 256;

/// Where and why a parse failed: `offset` is the byte the problem starts at.
struct JsonError {
  size_t offset = 0;
  std::string reason;  // lower case, no "[json.exception…]" prefix: "number 1e999 is too large"
};

/// The parsed document, or the first error with its byte offset. Never throws.
std::optional<nlohmann::json> parse_json(std::string_view text, JsonError& error);

/// The parsed document, or nullopt after reporting `path:line:col: error: invalid JSON: reason`.
std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace qahub::diag
