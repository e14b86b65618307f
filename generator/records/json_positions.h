#pragma once
/// Source positions of JSON values by JSON Pointer. nlohmann-json 3.11.2 keeps
/// no positions, so schema and reference errors found after parsing would have
/// nowhere to point; this scanner walks the source text once and records where
/// every value (and every object key) starts.
///
///   JsonPositions pos = JsonPositions::scan(text);
///   auto at = pos.value("/status/2/date");  // {line, col} of the value
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace qahub::records {

using base::line_col_at;
using base::LineCol;

class JsonPositions {
 public:
  /// Scans `text`, which should be valid JSON (scanning stops quietly at the
  /// first thing it cannot read, keeping what it found so far).
  static JsonPositions scan(std::string_view text);

  /// Where the value at `pointer` starts ("" is the root), or nullopt.
  std::optional<LineCol> value(const std::string& pointer) const;
  /// Where the key naming the member at `pointer` starts (its opening quote);
  /// for array elements and the root, the value's position.
  std::optional<LineCol> key(const std::string& pointer) const;
  /// The position of `pointer`, or of its nearest ancestor that has one.
  LineCol nearest(const std::string& pointer) const;

  /// Builds a pointer from unescaped tokens ("a/b" → "/a~1b").
  static std::string pointer(const std::vector<std::string>& tokens);
  /// Escapes one token for a pointer (~ → ~0, / → ~1).
  static std::string escape(std::string_view token);

 private:
  struct Entry {
    LineCol value;
    LineCol key;
  };
  std::map<std::string, Entry> entries_;
  friend class JsonScanner;
};

}  // namespace qahub::records
