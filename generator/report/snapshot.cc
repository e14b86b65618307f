#include "report/snapshot.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "figures/catalogue.h"
#include "records/scorecards.h"

namespace qahub::report {

using figures::figure_format;
using figures::figure_names;
using figures::FigureFormat;
using nlohmann::json;

json compute(const Input& in) {
  json blocks = json::object();
  for (const BlockKind& k : cycle_blocks()) {
    json data = block_data(k, in);
    // A block about one record keeps every one by id; none, nothing to keep.
    if ((*k.names || k.by_name) && data.empty()) continue;
    blocks[k.name] = std::move(data);
  }
  // A publication over a period with no cycle in it has every cycle figure null.
  json figures = in.cycles.empty() ? figures::figure_catalogue(records::Cycle{}, nullptr, nullptr)
                                   : cycle_catalogue(in, *in.cycles.back());
  // The hub's indicators with a target as at the period's end: how many met
  // it, of how many rated (none when the hub has no indicator).
  if (!in.records.indicators.empty()) {
    const records::ScorecardSummary s = records::summarise_indicators(in.records, in.to);
    figures["indicators_met"] = s.met;
    figures["indicators_rated"] = s.rated();
  }
  return {{"figures", std::move(figures)}, {"blocks", blocks}};
}

json make_snapshot(const Input& in, const std::string& report, base::Date published) {
  json snap = compute(in);
  snap["$schema"] = "../schemas/publication.schema.json";
  if (!in.cycles.empty()) snap["cycle"] = in.cycles.back()->id;  // a publication's id and type are set by report.cc
  snap["report"] = report;
  snap["published"] = published.iso();
  snap["period"] = {{"from", in.from.iso()}, {"to", in.to.iso()}};
  snap["corrections"] = json::array();
  return snap;
}

std::string snapshot_text(const json& snapshot) { return snapshot.dump(2) + "\n"; }

std::string value_text(const json& v) {
  if (v.is_null()) return "nothing";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string cycle_pointer(const std::string& f) {
  static const std::map<std::string, std::string> kPointers = {
      {"audits_completed", "/figures/audits_completed"},
      {"audits_moderated", "/figures/audits_moderated"},
      {"outstanding", "/figures/grades/outstanding"},
      {"good", "/figures/grades/good"},
      {"requires_improvement", "/figures/grades/requires_improvement"},
      {"inadequate", "/figures/grades/inadequate"},
      {"moderation_agreed", "/figures/moderation/agreed"},
      {"moderation_raised", "/figures/moderation/raised"},
      {"moderation_lowered", "/figures/moderation/lowered"},
      {"feedback_asked", "/figures/family_feedback/asked"},
      {"feedback_responded", "/figures/family_feedback/responded"},
      {"feedback_very_good", "/figures/family_feedback/ratings/very_good"},
      {"feedback_good", "/figures/family_feedback/ratings/good"},
      {"feedback_fair", "/figures/family_feedback/ratings/fair"},
      {"feedback_poor", "/figures/family_feedback/ratings/poor"},
  };
  auto it = kPointers.find(f);
  return it == kPointers.end() ? "/figures" : it->second;
}

namespace {

/// The keys whose values are compared: what the records say, not how it is worded.
bool compared_key(const std::string& key) {
  static const std::set<std::string> kKeys = {
      "id",    "date",   "due",      "status",          "closed", "group", "reported", "quarter", "page",
      "audit", "sample", "findings", "recommendations", "period", "value", "rating"};  // an indicator's latest period,
                                                                                       // value and rating (scorecard,
                                                                                       // indicator)
  return kKeys.count(key) > 0;
}

/// What a row of a block's list is called in a message, by the list's place
/// ("meetings/rows/decisions" → the block's "rows/decisions": "decision");
/// a period's parts are cycles.
std::string row_noun(const BlockKind& block, const std::string& list) {
  const std::string own = list.substr(std::min(list.size(), std::string(block.name).size() + 1));
  for (const auto& [place, noun] : block.row_nouns)
    if (own == place ||
        (own.size() > place.size() && own.compare(own.size() - place.size(), place.size(), place) == 0 &&
         own[own.size() - place.size() - 1] == '/'))
      return noun;
  if (own == "parts") return "the part for cycle";
  return own.substr(own.rfind('/') + 1);
}

/// The field that names a row of a list: its id (a finding's with its audit:
/// ids repeat across audits), else the page or brief it is about, else its
/// figure, else its date. Rows are matched by it, never by position, so a new
/// or missing row is one difference, not a shift of every row after it.
std::string row_key_field(const json& row) {
  if (!row.is_object()) return "";
  for (const char* k : {"id", "page", "source", "figure", "date"})
    if (row.contains(k) && row[k].is_string()) return k;
  return "";
}

std::string row_token(const json& row, const std::string& field) {
  std::string token = row[field].get<std::string>();
  if (field == "id" && row.contains("audit") && row["audit"].is_string())
    token = row["audit"].get<std::string>() + "/" + token;
  return token;
}

/// A row's words: "action a-004", "decision d2 of meeting m", "finding s1 of audit x".
std::string row_words(const BlockKind& block, const std::string& list, const std::string& token, const json& row,
                      const std::string& within) {
  std::string words = row_noun(block, list) + " ";
  if (row_key_field(row) == "id" && row.contains("audit") && row["audit"].is_string())
    words += row["id"].get<std::string>() + " of audit " + row["audit"].get<std::string>();
  else
    words += token;
  return within.empty() ? words : words + " of " + within;
}

std::string field_words(std::string key) {
  static const std::map<std::string, std::string> kWords = {
      {"due", "due date"}, {"closed", "date closed"}, {"reported", "date reported"}, {"sample", "sample size"}};
  if (auto it = kWords.find(key); it != kWords.end()) return it->second;
  std::replace(key.begin(), key.end(), '_', ' ');
  return key;
}

/// Compares one block's snapshot value with today's, row by row.
class BlockComparer {
 public:
  BlockComparer(const BlockKind& block, std::vector<Difference>& out) : block_(block), out_(out) {}

  void compare(const json& was, const json& now) {
    // A block about one record keeps each by id: its values are that record's
    // ("the value of indicator x"), not the block's.
    if (*block_.names && was.is_object()) {
      for (const auto& [id, child] : was.items())
        value(child, now.is_object() && now.contains(id) ? now[id] : json(), std::string(block_.name) + "/" + id,
              std::string("/blocks/") + block_.name + "/" + id, std::string(block_.name) + "/" + id, id,
              std::string(block_.names) + " " + id);
      return;
    }
    value(was, now, block_.name, std::string("/blocks/") + block_.name, block_.name, "", "");
  }

 private:
  /// `name` is the readable name ("actions/rows/a-004/status"), `list` the
  /// place without row tokens ("actions/rows"), `row` the enclosing row's
  /// words ("action a-004"; "" for a block's own fields).
  void value(const json& was, const json& now, const std::string& name, const std::string& pointer,
             const std::string& list, const std::string& key, const std::string& row) {
    if (was.is_object()) {
      if (!now.is_object() && !now.is_null()) return;
      // A field the snapshot lacks (written before it existed) is never compared.
      for (const auto& [k, child] : was.items())
        value(child, now.is_object() && now.contains(k) ? now[k] : json(), name + "/" + k, pointer + "/" + k,
              list + "/" + k, k, row);
      return;
    }
    if (was.is_array()) {
      if (now.is_array() || now.is_null()) rows(was, now.is_array() ? now : json::array(), name, pointer, list, row);
      return;
    }
    if (!(was.is_number() || now.is_number() || compared_key(key)) || was == now) return;
    const std::string of = row.empty() ? std::string(" in its ") + block_.name + " block" : " of " + row;
    out_.push_back(
        {name, pointer, was, now,
         "says the " + field_words(key) + of + " is " + value_text(was) + ", the data now says " + value_text(now)});
  }

  struct Keyed {
    std::string token;
    size_t index;
  };

  /// Rows by key; a key met twice gets " (2)" so both are compared.
  static std::vector<Keyed> keyed(const json& list) {
    std::vector<Keyed> out;
    std::map<std::string, int> seen;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string field = row_key_field(list[i]);
      std::string token = field.empty() ? std::to_string(i) : row_token(list[i], field);
      if (const int n = ++seen[token]; n > 1) token += " (" + std::to_string(n) + ")";
      out.push_back({token, i});
    }
    return out;
  }

  /// Two rows that differ only in the page or brief they name (and its URL
  /// and title): the page was renamed, one difference naming both paths.
  static bool renamed(const json& a, const json& b, const std::string& field) {
    if (field != "page" && field != "source") return false;
    json x = a, y = b;
    for (const char* k : {"page", "source", "url", "title"}) {
      x.erase(k);
      y.erase(k);
    }
    return x == y;
  }

  void rows(const json& was, const json& now, const std::string& name, const std::string& pointer,
            const std::string& list, const std::string& within) {
    if (!std::all_of(was.begin(), was.end(), [](const json& r) { return r.is_object(); }) ||
        !std::all_of(now.begin(), now.end(), [](const json& r) { return r.is_object(); }))
      return;  // a list of names or numbers: what it lists is compared where it is a row
    const std::vector<Keyed> a = keyed(was), b = keyed(now);
    std::map<std::string, size_t> in_now;
    for (const Keyed& k : b) in_now[k.token] = k.index;
    std::set<std::string> in_was;
    std::vector<const Keyed*> gone;
    for (const Keyed& k : a) {
      in_was.insert(k.token);
      auto it = in_now.find(k.token);
      if (it == in_now.end()) {
        gone.push_back(&k);
        continue;
      }
      value(was[k.index], now[it->second], name + "/" + k.token, pointer + "/" + std::to_string(k.index), list, "",
            row_words(block_, list, k.token, was[k.index], within));
    }
    std::vector<const Keyed*> added;
    for (const Keyed& k : b)
      if (!in_was.count(k.token)) added.push_back(&k);
    for (const Keyed* g : gone) {
      const json& row = was[g->index];
      const std::string field = row_key_field(row);
      const std::string words = row_words(block_, list, g->token, row, within);
      const std::string at = pointer + "/" + std::to_string(g->index);
      auto match = std::find_if(added.begin(), added.end(),
                                [&](const Keyed* k) { return k && renamed(row, now[k->index], field); });
      if (match != added.end()) {
        const json& moved = now[(*match)->index][field];
        out_.push_back({name + "/" + g->token + "/" + field, at, row[field], moved,
                        "lists " + words + ", which is now " + value_text(moved)});
        *match = nullptr;
        continue;
      }
      out_.push_back({name + "/" + g->token + "/" + (field.empty() ? "id" : field), at,
                      field.empty() ? json(g->token) : row[field], json(),
                      "lists " + words + ", the data now has no such row"});
    }
    for (const Keyed* k : added) {
      if (!k) continue;
      const json& row = now[k->index];
      const std::string field = row_key_field(row);
      out_.push_back({name + "/" + k->token + "/" + (field.empty() ? "id" : field), pointer, json(),
                      field.empty() ? json(k->token) : row[field],
                      "does not list " + row_words(block_, list, k->token, row, within) + ", which the data now has"});
    }
  }

  const BlockKind& block_;
  std::vector<Difference>& out_;
};

/// A breakdown value that repeats a cycle's catalogue counts (its
/// moderation), whole or in a period's part.
bool repeats_catalogue(const std::string& name) {
  return name.rfind("breakdown/moderation/", 0) == 0 ||
         (name.rfind("breakdown/parts/", 0) == 0 && name.find("/data/moderation/") != std::string::npos);
}

}  // namespace

std::vector<Difference> differences(const json& snapshot, const json& recomputed) {
  std::vector<Difference> out;
  const json empty = json::object();
  const json& old_figures = snapshot.contains("figures") ? snapshot["figures"] : empty;
  const json& new_figures = recomputed.contains("figures") ? recomputed["figures"] : empty;
  // The counts are what the data says; shares and changes follow from them.
  // So a changed count is named alone, and a share or change only when no
  // count of the cycle changed (a correction to the cycle compared with).
  std::vector<Difference> counts, derived;
  for (const std::string& name : figure_names()) {
    if (!old_figures.contains(name)) continue;  // a figure the snapshot lacks is never compared
    const json o = old_figures.value(name, json()), n = new_figures.value(name, json());
    if (o == n) continue;
    (figure_format(name) == FigureFormat::kCount ? counts : derived)
        .push_back({name, "/figures/" + name, o, n,
                    "says " + name + " " + value_text(o) + ", the data now says " + value_text(n)});
  }
  out = counts.empty() ? derived : counts;
  // figures, grades, moderation and feedback repeat the catalogue.
  static const std::set<std::string> kRepeat = {"figures", "grades", "moderation", "feedback"};
  const json& old_blocks = snapshot.contains("blocks") ? snapshot["blocks"] : empty;
  const json& new_blocks = recomputed.contains("blocks") ? recomputed["blocks"] : empty;
  for (const BlockKind& k : cycle_blocks()) {
    // A snapshot written before qahub kept a block has nothing to compare.
    if (!old_blocks.contains(k.name)) continue;
    // Over several cycles the top catalogue is the last cycle's, so the
    // earlier cycles' are compared in the parts that keep them (figures).
    const bool repeats = kRepeat.count(k.name) > 0;
    if (repeats && !old_blocks[k.name].contains("parts")) continue;
    std::vector<Difference> found;
    BlockComparer(k, found).compare(old_blocks[k.name], new_blocks.contains(k.name) ? new_blocks[k.name] : empty);
    for (Difference& d : found) {
      if (repeats && d.name.find("/figures/") == std::string::npos) continue;
      if (repeats_catalogue(d.name)) continue;  // the catalogue's counts, compared above
      out.push_back(std::move(d));
    }
  }
  return out;
}

void strip_withheld(json& snapshot, const Withheld& withheld) {
  if (withheld.empty() || !snapshot.is_object() || !snapshot.contains("blocks")) return;
  std::set<std::string> ids;  // every withheld record's id, whatever its kind
  if (withheld.records)
    for (const auto& [kind, of_kind] : *withheld.records) ids.insert(of_kind.begin(), of_kind.end());
  auto gone = [&](const json& row) {
    if (row.is_string()) return ids.count(row.get<std::string>()) > 0;
    if (!row.is_object()) return false;
    for (const auto& [key, value] : row.items()) {
      if (!value.is_string()) continue;
      const std::string& v = value.get_ref<const std::string&>();
      if ((key == "id" && ids.count(v)) || withheld.has_record(key, v) || withheld.has_page(v)) return true;
    }
    return false;
  };
  std::function<void(json&)> walk = [&](json& v) {
    if (v.is_array()) {
      json kept = json::array();
      for (json& e : v)
        if (!gone(e)) {
          walk(e);
          kept.push_back(std::move(e));
        }
      v = std::move(kept);
    } else if (v.is_object()) {
      for (auto& [key, e] : v.items()) walk(e);
    }
  };
  // A block about one record keeps every one by id (plan-progress,
  // scorecard): a withheld record's entry goes.
  for (auto& [name, data] : snapshot["blocks"].items())
    if (data.is_object())
      for (const std::string& id : ids) data.erase(id);
  walk(snapshot["blocks"]);
}

}  // namespace qahub::report
