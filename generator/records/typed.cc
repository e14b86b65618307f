#include "records/typed.h"

#include "diag/personal_data.h"
#include "diag/placeholders.h"
#include "diag/utf8.h"
#include "fs/files.h"

namespace qahub::records {

using nlohmann::json;

std::string str(const json& doc, const char* key) {
  return doc.contains(key) ? doc[key].get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& doc, const char* key) {
  std::vector<std::string> out;
  if (doc.contains(key))
    for (const json& v : doc[key]) out.push_back(v.get<std::string>());
  return out;
}

void RecordReader::fail(const diag::Position& pos, const std::string& message) {
  diags_.error(pos, message);
  ok_ = false;
  ++failures_;
}

base::Date RecordReader::date_at(const json& doc, const Source& src, const std::string& pointer) {
  const std::string text = doc.at(json::json_pointer(pointer)).get<std::string>();
  if (auto d = base::Date::parse(text)) return *d;
  fail(src.at(pointer), "invalid date \"" + text + "\"");
  return {};
}

void RecordReader::unique_id(const std::string& id, const Source& src, const std::string& pointer,
                             std::set<std::string>& seen) {
  if (!seen.insert(id).second) fail(src.at(pointer), "duplicate id \"" + id + "\" in this record");
}

std::vector<Item> RecordReader::items_at(const json& doc, const Source& src, const std::string& pointer,
                                         std::set<std::string>& seen) {
  std::vector<Item> out;
  const json& arr = doc.at(json::json_pointer(pointer));
  for (size_t i = 0; i < arr.size(); ++i) {
    Item item{arr[i].at("id").get<std::string>(), arr[i].at("text").get<std::string>()};
    unique_id(item.id, src, pointer + "/" + std::to_string(i) + "/id", seen);
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<size_t> RecordReader::narrative(const Source& src, const std::string& pointer, const std::string& file,
                                              const std::string& id_prefix, Records& out) {
  // A site may loosen its schema's file-name pattern: the name still stays a
  // plain name beside the record, never a path that leaves its folder.
  if (file.empty() || file.find_first_of("/\\") != std::string::npos || file[0] == '.') {
    diags_.error(src.at(pointer), "\"" + file + "\" is not a file name beside this record (no folders, no leading .)");
    return std::nullopt;
  }
  const std::string path = src.path.substr(0, src.path.rfind('/') + 1) + file;
  if (std::string why = fs::outside_site(options_.site_dir, path); !why.empty()) {
    diags_.error({path}, why);
    return std::nullopt;
  }
  auto text = fs::read_file(options_.site_dir / path);
  if (!text) {
    diags_.error(src.at(pointer), "no Markdown file \"" + file + "\" beside this record");
    return std::nullopt;
  }
  if (!diag::check_utf8(*text, path, diags_)) return std::nullopt;
  diag::check_personal_data(*text, path, 0, options_.personal_data, diags_);
  for (diag::Position& at : diag::find_markdown_placeholders(*text, path)) out.placeholders.push_back(std::move(at));
  out.narratives.push_back({path, id_prefix, markdown::Document::parse(*text, 0, options_.markdown)});
  return out.narratives.size() - 1;
}

}  // namespace qahub::records
