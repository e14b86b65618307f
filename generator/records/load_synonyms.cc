#include "records/loaders.h"

namespace qahub::records {

/// The file is kept as written: search parses it (search/synonyms.h), where
/// each group's variants are stemmed and its own checks name the group.
bool load_synonyms(RecordReader& reader, const nlohmann::json&, Source, Records& out) {
  out.synonyms_json = std::string(reader.text());
  return true;
}

}  // namespace qahub::records
