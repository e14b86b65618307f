#pragma once
/// Pieces of `JSON.stringify` as V8 writes them, for byte-identical lunr
/// indexes: number formatting (Number.prototype.toString), string escaping,
/// `Math.round`, and the own-property order of plain objects (integer-like
/// keys first, ascending, then insertion order).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qahub::search {

/// Appends a double as JS prints it: shortest round-trip digits, exponent form
/// below 1e-6 and from 1e21, "null" for NaN and infinities, "0" for -0.
void append_js_number(std::string& out, double value);

/// Appends `"text"` escaped as JSON.stringify does (text is valid UTF-8):
/// \" \\ \b \f \n \r \t, other controls as \u00xx, everything else raw.
void append_js_string(std::string& out, std::string_view text);

/// JS Math.round: floor(x), plus 1 when the fraction is ≥ 0.5.
double js_round(double x);

/// The value of an "array index" key ("0" … "4294967294", no leading zeros),
/// which JS objects enumerate before other keys, in numeric order.
std::optional<uint32_t> js_array_index(std::string_view key);

/// Positions 0..keys.size()-1 in the order `Object.keys` would list these
/// keys, given they were inserted in this order (duplicates keep the first).
std::vector<size_t> js_key_order(const std::vector<std::string>& keys);

}  // namespace qahub::search
