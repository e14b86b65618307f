/// `{{< scorecard ID >}}` and `{{< indicator ID >}}`: a scorecard, or one
/// indicator, as at the period's end, by the same data and view as the
/// scorecard page (record_pages/scorecard_view.h). The data holds every
/// scorecard (indicator) by id; the shortcode picks one. A value revised
/// after publication is a "published report says …" notice, row by row.
#include "record_pages/scorecard_view.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json scorecard_data(const Input& in) {
  json cards = json::object();
  for (const auto& [id, card] : in.records.scorecards)
    cards[id] = record_pages::scorecard_data(in.records, card, in.to);
  return cards;
}

json scorecard_view(const json& data, const ViewInput&) { return record_pages::scorecard_view(data, 3); }

json indicator_data(const Input& in) {
  json out = json::object();
  for (const auto& [id, ind] : in.records.indicators) out[id] = record_pages::indicator_data(in.records, ind, in.to);
  return out;
}

json indicator_view(const json& data, const ViewInput&) { return record_pages::indicator_view(data); }

}  // namespace qahub::report
