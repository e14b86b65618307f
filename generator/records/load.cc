#include "records/load.h"

#include "base/text.h"
#include "diag/json_parse.h"
#include "diag/personal_data.h"
#include "diag/placeholders.h"
#include "diag/utf8.h"
#include "fs/files.h"
#include "records/refs.h"
#include "records/status.h"

namespace qahub::records {

using nlohmann::json;

namespace {

std::string file_stem(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.substr(0, name.rfind('.'));
}

}  // namespace

std::optional<json> parse_record(const DataKind& kind, const std::string& path, const std::string& text,
                                 const ReaderOptions& options, const SchemaSet& schemas, Source& src,
                                 diag::Diagnostics& diags) {
  diag::check_personal_data(text, path, 0, options.personal_data, diags);
  src.path = path;
  if (!diag::check_utf8(text, path, diags)) return std::nullopt;
  auto parsed = diag::parse_json(text, path, diags);
  if (!parsed) return std::nullopt;
  json doc = std::move(*parsed);
  src.positions = std::make_shared<JsonPositions>(JsonPositions::scan(text));
  if (!doc.is_object()) {
    diags.error(src.at(""), "expected an object, found " +
                                std::string(doc.type_name() == std::string("array") ? "a list" : doc.type_name()));
    return std::nullopt;
  }
  const std::string name(kind.name);
  // The schema path relative to the record: data/cycles/x.json → ../schemas/, data/organisation.json → schemas/.
  std::string up;
  for (size_t i = std::string_view("data/").size(); i < kind.where.size(); ++i)
    if (kind.where[i] == '/') up += "../";
  const std::string expected = up + "schemas/" + name + ".schema.json";
  if (doc.contains("$schema") && doc["$schema"].is_string() && doc["$schema"].get<std::string>() != expected) {
    const std::string folder(kind.where.substr(0, kind.where.rfind('/') + 1));
    diags.error(src.at("/$schema"), "records in " + folder + " use \"" + expected + "\", not \"" +
                                        doc["$schema"].get<std::string>() + "\"");
  }
  if (!kind.schema.empty() && !schemas.validate(name, doc, src, diags)) return std::nullopt;
  if (doc.contains("classification") && doc["classification"].is_string())
    src.classification = doc["classification"].get<std::string>();
  // A kind without a store is never marked (generator/marking/): a record of
  // it naming a marking would be published whatever it says.
  if (doc.contains("classification") && kind.store.empty()) {
    diags.error(src.at("/classification"), "records of kind \"" + name +
                                               "\" cannot carry a marking: its row in the kinds table has no store "
                                               "(README \"Adding a record kind\")");
    return std::nullopt;
  }
  const std::string stem = file_stem(path);
  if (!kind.single_file() && doc.contains("id") && !doc["id"].is_string()) {
    // Only a site that loosened its schema gets here; the loaders need a string.
    diags.error(src.at("/id"), "\"id\" must be a string, found " + std::string(doc["id"].type_name()));
    return std::nullopt;
  }
  if (!kind.single_file() && doc.contains("id") && doc["id"].get<std::string>() != stem) {
    diags.error(src.at("/id"),
                "id \"" + doc["id"].get<std::string>() + "\" does not match the file name; expected \"" + stem + "\"");
    return std::nullopt;
  }
  return doc;
}

namespace {

/// The files of one kind: the direct *.json children of its folder, or its one file if present.
std::vector<std::string> files_of(const std::filesystem::path& site_dir, const DataKind& kind,
                                  diag::Diagnostics& diags) {
  const std::string where(kind.where);
  if (kind.single_file()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(site_dir / where, ec)) return {};
    if (std::string why = fs::outside_site(site_dir, where); !why.empty()) {
      diags.error({where}, why);
      return {};
    }
    return {where};
  }
  std::vector<std::string> out;
  for (const std::string& path : fs::list_files(site_dir, where.substr(0, where.size() - 1), diags)) {
    if (!base::ends_with(path, ".json")) continue;
    if (path.find('/', where.size()) != std::string::npos) continue;  // only direct children
    out.push_back(path);
  }
  return out;
}

/// Converts a schema-valid record with its kind's loader. The schema has
/// checked the shape; a site that loosens its own schema can still hand us a
/// record we cannot read, which must not crash the build.
bool convert(const DataKind& kind, RecordReader& reader, const json& doc, Source src, Records& out) {
  const std::string path = src.path;
  try {
    return kind.load(reader, doc, std::move(src), out);
  } catch (const json::exception& e) {
    reader.diags().error({path}, "record does not have the shape qahub expects (" + std::string(e.what()) +
                                     "); check it against data/schemas/" + std::string(kind.name) + ".schema.json");
  }
  return false;
}

}  // namespace

Loaded load_records(const ReaderOptions& options, const std::vector<DataKind>& kinds, const SchemaSet& schemas,
                    diag::Diagnostics& diags) {
  Loaded out;
  RecordReader reader(options, diags);
  for (const DataKind& kind : kinds) {
    const std::string name(kind.name);
    for (const std::string& path : files_of(options.site_dir, kind, diags)) {
      auto text = fs::read_file(options.site_dir / path);
      if (!text) {
        diags.error({path}, "cannot read file");
        continue;
      }
      Source src;
      auto doc = parse_record(kind, path, *text, options, schemas, src, diags);
      for (diag::Position& at : diag::find_placeholders(*text, path)) out.records.placeholders.push_back(std::move(at));
      reader.begin(*text);
      if (!doc || !convert(kind, reader, *doc, std::move(src), out.records)) out.broken[name].insert(file_stem(path));
    }
  }
  return out;
}

Loaded load(const LoadInput& input, diag::Diagnostics& diags) {
  // A site without data/ is a plain guidance site.
  std::error_code ec;
  if (!std::filesystem::is_directory(input.site_dir / "data", ec)) return {};
  // Each kind reads only its own folder or file; one walk of all of data/
  // reports every symbolic link there that leads outside the site, nowhere,
  // or round in a loop, read or not (fs::list_files).
  fs::list_files(input.site_dir, "data", diags);
  // Schemas: the site's own, else the compiled-in copies.
  SchemaSet schemas = SchemaSet::load(input.site_dir, input.kinds, diags);
  // Read, check and type every record under data/.
  const ReaderOptions options{input.site_dir, input.markdown, input.personal_data, input.bank_holidays};
  Loaded loaded = load_records(options, input.kinds, schemas, diags);
  loaded.records.risk_matrix = input.risk_matrix;
  // What records may cite, once; then every id and "record/item" reference must resolve.
  index_citations(loaded.records, input.kinds);
  check_references(loaded.records, input.kinds, loaded.broken, input.content_sources, diags);
  // Warnings against --as-of.
  check_dates(loaded.records, input.as_of, diags, loaded.broken.count("meeting") == 0);
  // Each kind's own checks across records (records/kind_store.h: check()).
  const CheckInput check{input.as_of, loaded.broken.count("action") == 0};
  for (const DataKind& kind : input.kinds)
    if (kind.store.check) kind.store.check(loaded.records, check, diags);
  return loaded;
}

}  // namespace qahub::records
