#include "record_pages/kinds.h"

#include "record_pages/pages.h"
#include "records/loaders.h"

namespace qahub::record_pages {

namespace r = records;

const std::vector<RecordKind>& record_kinds() {
  // clang-format off
  static const std::vector<RecordKind> kinds = {
  //  name        where                        schema                      loader             URL of a record's page  pages
    {{"forum",    "data/forums/",              "forum.schema.json",        r::load_forum, r::store_of<&r::Records::forums>()},    "/forums/{id}/",       add_forum_pages},
    {{"meeting",  "data/meetings/",            "meeting.schema.json",      r::load_meeting, r::store_of<&r::Records::meetings>()},  "/meetings/{id}/",     nullptr},  // on forum pages' builder
    {{"organisation", "data/organisation.json", "organisation.schema.json", r::load_organisation}, "", nullptr},  // before the cycles that name it
    {{"scale",    "data/scales/",              "scale.schema.json",        r::load_scale},    "/scales/{id}/",       add_scale_pages},  // before the cycles that name one
    {{"cycle",    "data/cycles/",              "cycle.schema.json",        r::load_cycle, r::store_of<&r::Records::cycles>()},    "/cycles/{id}/",       add_cycle_pages},
    {{"audit",    "data/audits/",              "audit.schema.json",        r::load_audit, r::store_of<&r::Records::audits>()},    "/audits/{id}/",       add_audit_pages},
    {{"action",   "data/actions/",             "action.schema.json",       r::load_action, r::store_of<&r::Records::actions>()},   "/actions/{id}/",      add_action_pages},
    {{"training", "data/training/",            "training.schema.json",     r::load_training, r::store_of<&r::Records::training>()}, "/training/{id}/",     add_training_pages},
    {{"schedule", "data/schedules/",           "schedule.schema.json",     r::load_schedule, r::store_of<&r::Records::schedules>()}, "",                    add_schedule_pages},
    {{"brief-use", "data/brief-uses/",         "brief-use.schema.json",    r::load_brief_use, r::store_of<&r::Records::brief_uses>()}, "",                   nullptr},  // counted on briefs (briefs/briefs.h)
    {{"synonyms", "data/search/synonyms.json", "synonyms.schema.json",     r::load_synonyms}, "",                    nullptr},  // search/synonyms.h reads it
  };
  // clang-format on
  return kinds;
}

std::vector<records::DataKind> data_kinds() {
  std::vector<records::DataKind> out;
  for (const RecordKind& k : record_kinds()) out.push_back(k.data);
  return out;
}

namespace {

const RecordKind* find(std::string_view kind) {
  for (const RecordKind& k : record_kinds())
    if (k.data.name == kind) return &k;
  return nullptr;
}

}  // namespace

std::string RecordKind::url_of(const std::string& id) const {
  if (url.empty()) return {};
  std::string out(url);
  return out.replace(out.find("{id}"), 4, id);
}

std::string record_url(std::string_view kind, const std::string& id) {
  const RecordKind* k = find(kind);
  return k ? k->url_of(id) : std::string();
}

std::string section_url(std::string_view kind) {
  const RecordKind* k = find(kind);
  if (!k || k->url.empty()) return {};
  return std::string(k->url.substr(0, k->url.find("{id}")));
}

}  // namespace qahub::record_pages
