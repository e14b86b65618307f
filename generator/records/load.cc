#include "records/load.h"

#include "base/text.h"
#include "diag/personal_data.h"
#include "fs/files.h"
#include "records/typed.h"

namespace qahub::records {

using nlohmann::json;

namespace {

std::string file_stem(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.substr(0, name.rfind('.'));
}

/// "…parse error at line 3, column 5: syntax error while parsing object - unexpected '}'"
/// → line 3, column 5 and the part after the position.
void report_parse_error(const json::parse_error& e, const std::string& path, const std::string& text,
                        diag::Diagnostics& diags) {
  std::string what = e.what();
  diag::Position pos{path};
  LineCol lc = line_col_at(text, e.byte > 0 ? e.byte - 1 : 0);
  pos.line = lc.line;
  pos.col = lc.col;
  std::string reason = what;
  size_t colon = what.find(": ", what.find("column"));
  if (colon != std::string::npos) reason = what.substr(colon + 2);
  diags.error(pos, "invalid JSON: " + reason);
}

}  // namespace

std::optional<json> parse_record(const std::string& kind, const std::string& path, const std::string& text,
                                 const LoadOptions& options, const SchemaSet& schemas, Source& src,
                                 diag::Diagnostics& diags) {
  diag::check_personal_data(text, path, 0, options.allow_personal_data, diags);
  src.path = path;
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    report_parse_error(e, path, text, diags);
    return std::nullopt;
  }
  src.positions = std::make_shared<JsonPositions>(JsonPositions::scan(text));
  if (!doc.is_object()) {
    diags.error(src.at(""), "expected an object, found " +
                                std::string(doc.type_name() == std::string("array") ? "a list" : doc.type_name()));
    return std::nullopt;
  }
  const std::string expected = "../schemas/" + kind + ".schema.json";
  if (doc.contains("$schema") && doc["$schema"].is_string() && doc["$schema"].get<std::string>() != expected) {
    diags.error(src.at("/$schema"), "records in data/" + kind_folder(kind) + "/ use \"" + expected + "\", not \"" +
                                        doc["$schema"].get<std::string>() + "\"");
  }
  if (!schemas.validate(kind, doc, src, diags)) return std::nullopt;
  const std::string stem = file_stem(path);
  if (doc.contains("id") && doc["id"].get<std::string>() != stem) {
    diags.error(src.at("/id"),
                "id \"" + doc["id"].get<std::string>() + "\" does not match the file name; expected \"" + stem + "\"");
    return std::nullopt;
  }
  return doc;
}

Loaded load_records(const LoadOptions& options, const SchemaSet& schemas, diag::Diagnostics& diags) {
  Loaded out;
  TypedBuilder builder(options, diags);
  for (const std::string& kind : record_kinds()) {
    const std::string folder = "data/" + kind_folder(kind);
    for (const std::string& path : fs::list_files(options.site_dir, folder)) {
      if (!base::ends_with(path, ".json")) continue;
      if (path.find('/', folder.size() + 1) != std::string::npos) continue;  // only direct children
      auto text = fs::read_file(options.site_dir / path);
      if (!text) {
        diags.error({path}, "cannot read file");
        continue;
      }
      Source src;
      auto doc = parse_record(kind, path, *text, options, schemas, src, diags);
      if (!doc) {
        out.broken[kind].insert(file_stem(path));
        continue;
      }
      if (!builder.add(kind, *doc, std::move(src), out.records)) out.broken[kind].insert(file_stem(path));
    }
  }
  return out;
}

}  // namespace qahub::records
