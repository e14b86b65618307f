#include "report/self_evaluation.h"

#include <algorithm>
#include <set>

#include "figures/catalogue.h"
#include "frontmatter/yaml_fields.h"
#include "record_pages/pages.h"
#include "records/evidence.h"
#include "records/status.h"

namespace qahub::report {

namespace {

using frontmatter::read_string;
using frontmatter::YamlSource;

/// The ids of `map`, for "did you mean".
template <typename Map>
std::vector<std::string> ids_of(const Map& map) {
  std::vector<std::string> out;
  for (const auto& [id, _] : map) out.push_back(id);
  return out;
}

/// A list of ids at `key` of `node`, each with its position.
void id_list(const YAML::Node& node, const char* key, const YamlSource& src, diag::Diagnostics& diags,
             std::vector<std::string>& ids, std::vector<diag::Position>& pos) {
  const YAML::Node list = node[key];
  if (!list) return;
  if (!list.IsSequence()) {
    diags.error(src.at(list), "\"" + std::string(key) + "\" must be a list of ids");
    return;
  }
  for (const YAML::Node& item : list)
    if (auto s = read_string(item, src, diags, key)) {
      ids.push_back(*s);
      pos.push_back(src.at(item));
    }
}

/// Keeps the ids of `ids` that are records of `kind` (with their positions):
/// an unknown one is an error (with "did you mean"), unless it is withheld
/// from this build (marking reported it if the page is public,
/// marking/references.cc) or its file failed to load (its own error).
template <typename Map>
void keep_known(std::vector<std::string>& ids, std::vector<diag::Position>& pos, const Map& map, const char* kind,
                const Withheld& withheld, const records::RecordIds& broken, diag::Diagnostics& diags) {
  const auto failed = broken.find(kind);
  size_t kept = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (map.count(ids[i])) {
      ids[kept] = ids[i];
      pos[kept] = pos[i];
      ++kept;
    } else if (!withheld.has_record(kind, ids[i]) && !(failed != broken.end() && failed->second.count(ids[i]))) {
      diags.error(pos[i],
                  "unknown " + std::string(kind) + " \"" + ids[i] + "\"" + diag::did_you_mean(ids[i], ids_of(map)));
    }
  }
  ids.resize(kept);
  pos.resize(kept);
}

/// `key`'s text in `node`, "" when absent (its shape is the schema's to report).
std::string text_at(const YAML::Node& node, const char* key, const YamlSource& src, diag::Diagnostics& diags) {
  return node[key] ? read_string(node[key], src, diags, key).value_or("") : "";
}

}  // namespace

std::vector<std::string> SelfEvaluation::numbered() const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& q : question_keys())
    for (const SelfEvaluationClaim& c : claims)
      if (c.question == q)
        for (const std::string& e : c.evidence)
          if (seen.insert(e).second) out.push_back(e);
  return out;
}

SelfEvaluation read_self_evaluation(const content::Page& page, const content::ContentSet& content,
                                    const records::Records& records, const Withheld& withheld,
                                    const records::RecordIds& broken, diag::Diagnostics& diags) {
  SelfEvaluation se;
  if (!page.meta.publication) return se;
  const YAML::Node& b = *page.meta.publication;
  const YamlSource src{page.source, 1};
  if (b["scorecard"] && b["scorecard"].IsScalar()) se.scorecard = b["scorecard"].as<std::string>();
  if (se.scorecard.size() && !records.scorecards.count(se.scorecard)) se.scorecard.clear();
  for (const content::Page& p : content.pages) se.page_urls[p.source] = p.url;
  std::set<std::string> claim_ids, weakness_ids;
  if (const YAML::Node claims = b["claims"]; claims && claims.IsSequence()) {
    for (const YAML::Node& c : claims) {
      if (!c.IsMap()) continue;  // the front-matter schema reports its shape
      SelfEvaluationClaim claim;
      claim.id = text_at(c, "id", src, diags);
      claim.pos = src.at(c["id"] ? c["id"] : c);
      claim.text = text_at(c, "text", src, diags);
      claim.question = text_at(c, "question", src, diags);
      const auto& keys = question_keys();
      if (std::find(keys.begin(), keys.end(), claim.question) == keys.end()) {
        diags.error(src.at(c["question"] ? c["question"] : c),
                    "claim \"" + claim.id + "\" answers question \"" + claim.question +
                        "\"; a claim answers know, how or plans (the first, second or third section)" +
                        diag::did_you_mean(claim.question, keys));
        continue;
      }
      if (!claim_ids.insert(claim.id).second)
        diags.error(claim.pos, "claim \"" + claim.id + "\" is named twice; each claim has an id of its own");
      id_list(c, "evidence", src, diags, claim.evidence, claim.evidence_pos);
      if (claim.evidence.empty()) diags.notice(claim.pos, "claim \"" + claim.id + "\" cites no evidence");
      // A withheld or unknown item is out of this build: the claim shows what is left.
      keep_known(claim.evidence, claim.evidence_pos, records.evidence, "evidence", withheld, broken, diags);
      se.claims.push_back(std::move(claim));
    }
  }
  if (const YAML::Node weaknesses = b["weaknesses"]; weaknesses && weaknesses.IsSequence()) {
    for (const YAML::Node& w : weaknesses) {
      if (!w.IsMap()) continue;
      SelfEvaluationWeakness weak;
      weak.id = text_at(w, "id", src, diags);
      weak.pos = src.at(w["id"] ? w["id"] : w);
      weak.text = text_at(w, "text", src, diags);
      if (w["since"]) weak.since = frontmatter::read_date(w["since"], src, diags, "since");
      if (!weakness_ids.insert(weak.id).second)
        diags.error(weak.pos, "weakness \"" + weak.id + "\" is named twice; each weakness has an id of its own");
      id_list(w, "addressed_by", src, diags, weak.addressed_by, weak.addressed_pos);
      // Candour counts when a credible plan goes with it (Ofsted, 2018).
      if (weak.addressed_by.empty()) diags.notice(weak.pos, "weakness \"" + weak.id + "\" has no action addressing it");
      keep_known(weak.addressed_by, weak.addressed_pos, records.actions, "action", withheld, broken, diags);
      se.weaknesses.push_back(std::move(weak));
    }
  }
  id_list(b, "plans", src, diags, se.plans, se.plan_pos);
  keep_known(se.plans, se.plan_pos, records.actions, "action", withheld, broken, diags);
  if (b["appendix"]) {
    se.appendix = read_string(b["appendix"], src, diags, "appendix").value_or("");
    se.appendix_pos = src.at(b["appendix"]);
    auto page_it = std::find_if(content.pages.begin(), content.pages.end(),
                                [&](const content::Page& p) { return p.source == se.appendix; });
    if (page_it != content.pages.end()) {
      se.appendix_shown = true;
      se.appendix_title = page_it->meta.title;
      se.appendix_url = page_it->url;
      se.appendix_marking = page_it->marking;
    } else if (!withheld.has_page(se.appendix) && !se.appendix.empty()) {
      std::vector<std::string> sources;
      for (const content::Page& p : content.pages) sources.push_back(p.source);
      diags.error(se.appendix_pos, "no content page \"" + se.appendix + "\" for the appendix" +
                                       diag::did_you_mean(se.appendix, sources));
    }
  }
  return se;
}

void check_self_evaluation_period(const content::Page& page, const SelfEvaluation& se,
                                  const content::ContentSet& content, const records::Records& records, base::Date from,
                                  base::Date to, diag::Diagnostics& diags) {
  const base::Date year_before = base::add_years(from, -1);
  const std::vector<std::string> order = se.numbered();
  // Where each item is first cited: its notices go there.
  std::map<std::string, diag::Position> first;
  for (const SelfEvaluationClaim& c : se.claims)
    for (size_t i = 0; i < c.evidence.size() && i < c.evidence_pos.size(); ++i)
      first.emplace(c.evidence[i], c.evidence_pos[i]);
  for (size_t n = 0; n < order.size(); ++n) {
    const records::Evidence& e = records.evidence.at(order[n]);
    const std::string name = "evidence E" + std::to_string(n + 1) + " (\"" + e.id + "\")";
    const diag::Position at = first.count(e.id) ? first.at(e.id) : diag::Position{page.source, 1, 1};
    if (e.date && *e.date < year_before)
      diags.notice(at, name + " is dated " + e.date->iso() + ", more than 12 months before the period (from " +
                           from.iso() + ")");
    if (!e.page.empty())
      for (const content::Page& p : content.pages)
        if (p.source == e.page && p.meta.review_by && *p.meta.review_by < to)
          diags.notice(
              at, name + " is " + e.page + ", whose review is overdue (review_by " + p.meta.review_by->iso() + ")");
  }
  const base::Date horizon = base::add_years(to, 1);
  for (size_t i = 0; i < se.plans.size(); ++i) {
    const records::Action& a = records.actions.at(se.plans[i]);
    if (horizon < a.due)
      diags.notice(se.plan_pos[i],
                   "planned action \"" + a.id + "\" is due " + a.due.iso() + ", more than 12 months after " + to.iso());
    if (auto done = records::completed_on(a); done && *done < from)
      diags.notice(se.plan_pos[i], "planned action \"" + a.id + "\" was complete on " + done->iso() +
                                       ", before the period (from " + from.iso() + ")");
  }
}

std::string evidence_csv(const nlohmann::json& data, const std::string& url_prefix) {
  // RFC 4180 with CRLF and a byte order mark, as every CSV of the hub.
  std::string out =
      "\xEF\xBB\xBF"
      "E-id,Title,Kind,Date,Status,URL or file\r\n";
  for (const nlohmann::json& r : data.value("rows", nlohmann::json::array())) {
    const std::string url = r.value("url", "");
    const std::string where = url.empty() ? r.value("external", "") : url_prefix + url;
    out += "E" + std::to_string(r.value("n", 0)) + "," + record_pages::csv_field(r.value("title", "")) + "," +
           record_pages::csv_field(records::evidence_kind_words(r.value("kind", ""))) + "," + r.value("date", "") +
           "," + record_pages::csv_field(records::evidence_status_words(r.value("status", ""))) + "," +
           record_pages::csv_field(where) + "\r\n";
  }
  return out;
}

}  // namespace qahub::report

namespace qahub::report {

namespace {

using nlohmann::json;

/// The rows of `list` by their "id".
std::map<std::string, const json*> by_id(const json& list) {
  std::map<std::string, const json*> out;
  if (list.is_array())
    for (const json& r : list)
      if (r.is_object()) out[r.value("id", "")] = &r;
  return out;
}

const json& at(const json& j, std::initializer_list<const char*> path) {
  static const json null;
  const json* p = &j;
  for (const char* k : path) {
    if (!p->is_object() || !p->contains(k)) return null;
    p = &(*p)[k];
  }
  return *p;
}

std::string status_words(std::string key) {
  std::replace(key.begin(), key.end(), '-', ' ');
  return key;
}

/// "Audits completed" for "audits_completed".
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

SelfEvaluation self_evaluation_as_sent(const json& snapshot, const SelfEvaluation& now) {
  SelfEvaluation se = now;
  se.claims.clear();
  se.weaknesses.clear();
  se.plans.clear();
  se.plan_pos.clear();
  for (const std::string& q : question_keys())
    for (const json& c : at(snapshot, {"blocks", "claims", q.c_str(), "claims"})) {
      SelfEvaluationClaim claim{c.value("id", ""), q, c.value("text", ""), {}, {}, {}};
      for (const json& e : c.value("evidence", json::array())) claim.evidence.push_back(e.value("id", ""));
      se.claims.push_back(std::move(claim));
    }
  for (const json& w : at(snapshot, {"blocks", "weaknesses", "rows"})) {
    SelfEvaluationWeakness weak{
        w.value("id", ""), w.value("text", ""), base::Date::parse(w.value("since", "")), {}, {}, {}};
    for (const json& a : w.value("actions", json::array())) weak.addressed_by.push_back(a.value("id", ""));
    se.weaknesses.push_back(std::move(weak));
  }
  for (const json& a : at(snapshot, {"blocks", "plans-due", "rows"})) {
    se.plans.push_back(a.value("id", ""));
    se.plan_pos.push_back({});
  }
  return se;
}

std::string quarter_label(base::Date d) {
  return "Q" + std::to_string(base::financial_quarter(d)) + " " + base::financial_year(d);
}

json changed_since(const json& previous, const json& current) {
  std::vector<std::string> lines;
  // Evidence: cited, no longer cited, status or date changed.
  const auto was_e = by_id(at(previous, {"blocks", "evidence", "rows"}));
  const auto now_e = by_id(at(current, {"blocks", "evidence", "rows"}));
  for (const json& r : at(current, {"blocks", "evidence", "rows"})) {
    const std::string id = r.value("id", ""),
                      label = "E" + std::to_string(r.value("n", 0L)) + " " + r.value("title", "");
    auto w = was_e.find(id);
    if (w == was_e.end()) {
      lines.push_back("Evidence cited for the first time: " + label);
      continue;
    }
    if (w->second->value("status", "") != r.value("status", ""))
      lines.push_back(label + ": " + status_words(w->second->value("status", "")) + " → " +
                      status_words(r.value("status", "")));
    else if (w->second->value("date", "") != r.value("date", ""))
      lines.push_back(label + ": renewed, now dated " + r.value("date", ""));
  }
  for (const auto& [id, r] : was_e)
    if (!now_e.count(id)) lines.push_back("Evidence no longer cited: " + r->value("title", ""));
  // Claims, question by question.
  std::map<std::string, const json*> was_c, now_c;
  for (const std::string& q : question_keys()) {
    for (const auto& [id, r] : by_id(at(previous, {"blocks", "claims", q.c_str(), "claims"}))) was_c[id] = r;
    for (const auto& [id, r] : by_id(at(current, {"blocks", "claims", q.c_str(), "claims"}))) now_c[id] = r;
  }
  for (const auto& [id, r] : now_c) {
    auto w = was_c.find(id);
    if (w == was_c.end())
      lines.push_back("New claim: " + r->value("text", ""));
    else if (w->second->value("text", "") != r->value("text", ""))
      lines.push_back("Claim reworded: " + r->value("text", ""));
  }
  for (const auto& [id, r] : was_c)
    if (!now_c.count(id)) lines.push_back("Claim no longer made: " + r->value("text", ""));
  // Weaknesses and the actions addressing them; planned actions.
  const auto was_w = by_id(at(previous, {"blocks", "weaknesses", "rows"}));
  const auto now_w = by_id(at(current, {"blocks", "weaknesses", "rows"}));
  auto actions = [&](const json& was, const json& now, const std::string& within) {
    const auto before = by_id(was);
    for (const json& a : now.is_array() ? now : json::array()) {
      auto b = before.find(a.value("id", ""));
      const std::string name = "action " + a.value("id", "") + " (" + a.value("title", "") + ")";
      if (b == before.end())
        lines.push_back(within + "new " + name + ", " + status_words(a.value("status", "")));
      else if (b->second->value("status", "") != a.value("status", ""))
        lines.push_back(within + name + " " + status_words(b->second->value("status", "")) + " → " +
                        status_words(a.value("status", "")));
    }
  };
  for (const auto& [id, r] : now_w) {
    auto w = was_w.find(id);
    if (w == was_w.end()) {
      lines.push_back("New weakness named: " + r->value("text", ""));
      continue;
    }
    actions(at(*w->second, {"actions"}), at(*r, {"actions"}), "Weakness \"" + r->value("text", "") + "\": ");
  }
  for (const auto& [id, r] : was_w)
    if (!now_w.count(id)) lines.push_back("Weakness no longer named: " + r->value("text", ""));
  actions(at(previous, {"blocks", "plans-due", "rows"}), at(current, {"blocks", "plans-due", "rows"}), "Plans: ");
  // The year's figures.
  const json& was_f = at(previous, {"blocks", "year-figures"});
  const json& now_f = at(current, {"blocks", "year-figures"});
  const json& now_rows = at(now_f, {"rows"});
  const json& was_rows = at(was_f, {"rows"});
  for (size_t i = 0; now_rows.is_array() && i < now_rows.size(); ++i) {
    const std::string name = now_rows[i].value("figure", "");
    json old;
    for (const json& w : was_rows.is_array() ? was_rows : json::array())
      if (w.value("figure", "") == name) old = w.value("now", json());
    const json now = now_rows[i].value("now", json());
    if (old != now)
      lines.push_back(capitalised(figures::figure_words(name)) + " in the year: " + figures::format_figure(name, old) +
                      " → " + figures::format_figure(name, now));
  }
  for (const auto& [k, words] :
       {std::pair{"opened", "Actions agreed in the year"}, std::pair{"closed", "Actions completed in the year"},
        std::pair{"overdue", "Actions overdue at the version's date"}}) {
    const json o = at(was_f, {"actions", k}), n = at(now_f, {"actions", k});
    if (o != n && n.is_number())
      lines.push_back(std::string(words) + ": " + (o.is_number() ? std::to_string(o.get<long>()) : "none") + " → " +
                      std::to_string(n.get<long>()));
  }
  const json o = at(was_f, {"scorecard", "met"}), n = at(now_f, {"scorecard", "met"});
  if (o != n && n.is_number())
    lines.push_back("Indicators meeting their target: " + (o.is_number() ? std::to_string(o.get<long>()) : "none") +
                    " → " + std::to_string(n.get<long>()));
  const auto since = base::Date::parse(previous.value("published", ""));
  return {
      {"since", previous.value("published", "")}, {"quarter", since ? quarter_label(*since) : ""}, {"changes", lines}};
}

}  // namespace qahub::report
