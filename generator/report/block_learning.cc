/// `learning`: the cycle's key learning points, each linked to its place on
/// the cycle page.
#include "record_pages/urls.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json learning_data(const Input&, const records::Cycle& cycle) {
  json items = json::array();
  for (const records::Item& k : cycle.key_learning) items.push_back({{"id", k.id}, {"text", k.text}});
  return {{"cycle", cycle.id}, {"items", items}};
}

json learning_view(const json& data, const ViewInput&) {
  json items = json::array();
  const std::string page = record_pages::urls::cycle(data.value("cycle", ""));
  for (const json& k : data.at("items")) {
    json v = k;
    v["url"] = page + "#" + k.value("id", "");
    items.push_back(v);
  }
  return {{"items", items}, {"has_items", !items.empty()}};
}

}  // namespace qahub::report
