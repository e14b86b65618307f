#include "diag/json_parse.h"

#include "base/text.h"

namespace qahub::diag {

using nlohmann::json;

namespace {

/// nlohmann's DOM builder, except that an error is kept (with the offset the
/// parser knows) instead of thrown: the thrown exception carries an offset for
/// parse_error only, not for out_of_range.
class Builder : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  Builder(json& root, JsonError& error) : json_sax_dom_parser(root, false), error_(error) {}

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    failed_ = true;
    std::string what = ex.what();
    if constexpr (std::is_same_v<Exception, json::parse_error>) {
      // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while …"
      error_.offset = ex.byte > 0 ? ex.byte - 1 : 0;
      const size_t colon = what.find(": ", what.find("column"));
      error_.reason = colon == std::string::npos ? what : what.substr(colon + 2);
    } else if (ex.id == 406) {
      // "number overflow parsing '1e999'": the parser stands just after the number.
      error_.offset = position >= token.size() ? position - token.size() : 0;
      error_.reason = "number " + token + " is too large";
    } else {
      error_.offset = position;
      const size_t bracket = what.find("] ");
      error_.reason = bracket == std::string::npos ? what : what.substr(bracket + 2);
    }
    return false;
  }

  bool failed() const { return failed_; }

 private:
  JsonError& error_;
  bool failed_ = false;
};

}  // namespace

std::optional<json> parse_json(std::string_view text, JsonError& error) {
  json root;
  Builder builder(root, error);
  try {
    const bool ok = json::sax_parse(text, &builder);
    if (ok && !builder.failed()) return root;
    if (!builder.failed()) error = {0, "cannot be read"};
  } catch (const json::exception& e) {  // nothing in sax_parse should throw; belt and braces
    error = {0, e.what()};
  }
  return std::nullopt;
}

std::optional<json> parse_json(std::string_view text, const std::string& path, Diagnostics& diags) {
  JsonError error;
  auto doc = parse_json(text, error);
  if (!doc) {
    const base::LineCol lc = base::line_col_at(text, error.offset);
    diags.error({path, lc.line, lc.col}, "invalid JSON: " + error.reason);
  }
  return doc;
}

}  // namespace qahub::diag
