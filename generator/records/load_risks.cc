/// Risks (data/risks/<id>.json, issue 35): the loader, which checks the
/// order of the history; the checks against the matrix and as_of; and what a
/// risk is as of a date (risks.h).
#include <algorithm>

#include "records/loaders.h"
#include "records/risks.h"
#include "records/status.h"

namespace qahub::records {

using nlohmann::json;

bool load_risk(RecordReader& reader, const json& doc, Source src, Records& out) {
  Risk k;
  k.id = str(doc, "id");
  k.title = str(doc, "title");
  k.text = str(doc, "text");
  k.owner = str(doc, "owner");
  k.category = str(doc, "category");
  if (doc.contains("target_score") && doc.at("target_score").is_number_integer())
    k.target_score = doc.at("target_score").get<long>();
  k.mitigations = strings(doc, "mitigations");
  const json& h = doc.at("history");
  for (size_t i = 0; i < h.size(); ++i) {
    const std::string at = "/history/" + std::to_string(i);
    RiskAssessment a;
    a.date = reader.date_at(doc, src, at + "/date");
    a.likelihood = h[i].value("likelihood", 0L);
    a.impact = h[i].value("impact", 0L);
    a.note = str(h[i], "note");
    if (reader.ok() && !k.history.empty() && !(k.history.back().date < a.date))
      reader.fail(src.at(at + "/date"), "history is out of date order: " + a.date.iso() + " comes after " +
                                            k.history.back().date.iso() + " (oldest first, one assessment a day)");
    k.history.push_back(std::move(a));
  }
  k.review_by = reader.date_at(doc, src, "/review_by");
  if (doc.contains("closed")) {
    k.closed = reader.date_at(doc, src, "/closed");
    if (reader.ok() && !k.history.empty() && *k.closed < k.history.front().date)
      reader.fail(src.at("/closed"), "the risk is closed " + k.closed->iso() + ", before it was raised (" +
                                         k.history.front().date.iso() + ")");
  }
  k.src = std::move(src);
  if (!reader.ok()) return false;
  out.risks[k.id] = std::move(k);
  return true;
}

std::vector<Ref> Risk::references() const {
  std::vector<Ref> out;
  for (size_t i = 0; i < mitigations.size(); ++i)
    out.push_back({"/mitigations/" + std::to_string(i), "action", mitigations[i]});
  return out;
}

namespace {

/// The date action `a` was complete, if it was on or before `at`.
std::optional<base::Date> complete_by(const Action& a, base::Date at) {
  const auto done = completed_on(a);
  if (done && !(at < *done)) return done;
  return std::nullopt;
}

}  // namespace

void Risk::check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const {
  const config::RiskMatrix& m = r.risk_matrix;
  bool in_matrix = true;
  for (size_t i = 0; i < history.size(); ++i) {
    const std::string at = "/history/" + std::to_string(i);
    for (auto [what, value, steps] : {std::tuple{"likelihood", history[i].likelihood, m.likelihood},
                                      std::tuple{"impact", history[i].impact, m.impact}})
      if (value < 1 || value > steps) {
        in_matrix = false;
        diags.error(src.at(at + "/" + what), std::string(what) + " " + std::to_string(value) +
                                                 " is outside the risk matrix (1 to " + std::to_string(steps) + ")");
      }
  }
  if (target_score && (*target_score < 1 || *target_score > m.max_score()))
    diags.error(src.at("/target_score"), "target score " + std::to_string(*target_score) +
                                             " is outside the risk matrix (1 to " + std::to_string(m.max_score()) +
                                             ")");
  if (!in_matrix) return;
  const RiskState s = risk_state(*this, m, in.as_of);
  if (!s.open) return;
  const std::string name = "risk \"" + id + "\"";
  if (s.top_band) {
    bool open_mitigation = false;
    for (const std::string& a : mitigations)
      if (auto it = r.actions.find(a); it != r.actions.end() && !complete_by(it->second, in.as_of))
        open_mitigation = true;
    // Only when every action is loaded: a broken action file may be the open one.
    if (!open_mitigation && in.complete)
      diags.notice(src.at(mitigations.empty() ? "/title" : "/mitigations"),
                   name + " is in the top band (" + s.band_name + ", " + std::to_string(s.score) +
                       ") and has no open mitigation");
  }
  if (s.overdue_review)
    diags.notice(src.at("/review_by"), name + " is overdue for review: it was due by " + review_by.iso());
  // A mitigation complete, then two reviews since that left the score where it was.
  for (size_t i = 0; i < mitigations.size(); ++i) {
    auto it = r.actions.find(mitigations[i]);
    if (it == r.actions.end()) continue;
    const auto done = complete_by(it->second, in.as_of);
    if (!done) continue;
    const RiskAssessment* before = nullptr;
    std::vector<const RiskAssessment*> since;
    for (const RiskAssessment& a : history) {
      if (in.as_of < a.date) break;
      if (!(*done < a.date))
        before = &a;
      else
        since.push_back(&a);
    }
    if (!before || since.size() < 2) continue;
    const long score = before->score();
    if (std::all_of(since.begin(), since.end(), [&](const RiskAssessment* a) { return a->score() == score; })) {
      diags.notice(src.at("/mitigations/" + std::to_string(i)),
                   name + " has stayed at " + std::to_string(score) + " for " + std::to_string(since.size()) +
                       " reviews since its mitigation \"" + mitigations[i] + "\" was completed on " + done->iso());
      break;
    }
  }
}

RiskState risk_state(const Risk& risk, const config::RiskMatrix& matrix, base::Date at) {
  RiskState s;
  for (const RiskAssessment& a : risk.history) {
    if (at < a.date) break;
    s.previous = s.current;
    s.current = &a;
  }
  if (!s.current) return s;
  s.raised = true;
  s.open = !(risk.closed && !(at < *risk.closed));
  s.score = s.current->score();
  s.band = matrix.band_of(s.score);
  s.band_name = matrix.band_name(s.score);
  s.top_band = matrix.top_band(s.score);
  if (s.previous) {
    s.previous_score = s.previous->score();
    s.direction = s.score > *s.previous_score   ? RiskDirection::kRising
                  : s.score < *s.previous_score ? RiskDirection::kFalling
                                                : RiskDirection::kUnchanged;
  }
  s.overdue_review = s.open && risk.review_by < at;
  return s;
}

const char* risk_direction_key(RiskDirection d) {
  switch (d) {
    case RiskDirection::kRising:
      return "rising";
    case RiskDirection::kFalling:
      return "falling";
    case RiskDirection::kUnchanged:
      return "unchanged";
    case RiskDirection::kNew:
      break;
  }
  return "new";
}

std::string risk_direction_words(const RiskState& s) {
  const std::string now = std::to_string(s.score);
  const std::string was = s.previous_score ? std::to_string(*s.previous_score) : "";
  switch (s.direction) {
    case RiskDirection::kRising:
      return "Rising (" + was + " to " + now + ")";
    case RiskDirection::kFalling:
      return "Falling (" + was + " to " + now + ")";
    case RiskDirection::kUnchanged:
      return "No change (" + now + ")";
    case RiskDirection::kNew:
      break;
  }
  return "New: one assessment so far";
}

std::string risk_status_words(const Risk& risk, const RiskState& s) {
  if (!s.raised) return "Not yet raised";
  if (!s.open) return "Closed " + risk.closed->human();
  return "Open";
}

std::string risk_score_words(const RiskAssessment& a, const config::RiskMatrix& matrix) {
  return std::to_string(a.score()) + ", " + matrix.band_name(a.score()) + " (likelihood " +
         std::to_string(a.likelihood) + " × impact " + std::to_string(a.impact) + ")";
}

}  // namespace qahub::records
