#include <catch2/catch.hpp>

#include "report/self_evaluation.h"

namespace report = qahub::report;
using nlohmann::json;

namespace {

report::SelfEvaluationClaim claim(const std::string& id, const std::string& question,
                                  std::vector<std::string> evidence) {
  return {id, question, "Claim " + id + ".", std::move(evidence), {}, {}};
}

}  // namespace

TEST_CASE("self-evaluation: evidence is numbered in reading order, question by question, each item once", "[report]") {
  report::SelfEvaluation se;
  // Written plans first, then know, then how: numbered know, how, plans.
  se.claims = {claim("p", "plans", {"strategy", "audit"}), claim("k1", "know", {"audit", "survey"}),
               claim("h", "how", {"minutes", "survey"}), claim("k2", "know", {"data"})};
  CHECK(se.numbered() == std::vector<std::string>{"audit", "survey", "data", "minutes", "strategy"});
  CHECK(report::SelfEvaluation{}.numbered().empty());
}

TEST_CASE("self-evaluation: evidence.csv has its fixed columns, quotes what needs it, and says where each item is",
          "[report]") {
  const json data = {{"rows",
                      {{{"n", 1},
                        {"id", "a"},
                        {"title", "Audit of plans, 2026"},
                        {"kind", "audit"},
                        {"date", "2026-05-01"},
                        {"status", "in-place"},
                        {"url", "/audits/plans-2026/"},
                        {"external", ""}},
                       {{"n", 2},
                        {"id", "b"},
                        {"title", "=cmd|' /C calc'!A0"},
                        {"kind", "policy"},
                        {"date", ""},
                        {"status", "under-development"},
                        {"url", ""},
                        {"external", "Strategy, \"draft\" held by commissioning"}}}}};
  CHECK(report::evidence_csv(data) ==
        "\xEF\xBB\xBF"
        "E-id,Title,Kind,Date,Status,URL or file\r\n"
        "E1,\"Audit of plans, 2026\",Audit,2026-05-01,In place,/audits/plans-2026/\r\n"
        "E2,'=cmd|' /C calc'!A0,Policy,,Under development,\"Strategy, \"\"draft\"\" held by commissioning\"\r\n");
  // Uploaded elsewhere, a hub page's URL is absolute when base_url has a host.
  const std::string with_host = report::evidence_csv(data, "https://hub.example.test/hub");
  CHECK(with_host.find(",https://hub.example.test/hub/audits/plans-2026/\r\n") != std::string::npos);
  CHECK(with_host.find("\"Strategy, \"\"draft\"\" held by commissioning\"\r\n") != std::string::npos);
  CHECK(report::evidence_csv(json::object()) ==
        "\xEF\xBB\xBF"
        "E-id,Title,Kind,Date,Status,URL or file\r\n");
}

TEST_CASE("self-evaluation: changed since the last quarter, in sentences", "[report]") {
  const json before = json::parse(R"({"published": "2026-06-30", "blocks": {
    "evidence": {"rows": [
      {"n": 1, "id": "audit", "title": "Audit", "status": "in-place", "date": "2026-05-01"},
      {"n": 2, "id": "strategy", "title": "Strategy", "status": "under-development", "date": ""},
      {"n": 3, "id": "old", "title": "Old report", "status": "in-place", "date": "2025-01-01"}]},
    "claims": {"know": {"claims": [{"id": "k", "text": "Practice is good."}]},
               "how": {"claims": [{"id": "gone", "text": "A claim dropped."}]}},
    "weaknesses": {"rows": [{"id": "w", "text": "Interviews are late.",
                             "actions": [{"id": "a-1", "title": "Speed up", "status": "open"}]}]},
    "year-figures": {"rows": [{"figure": "audits_completed", "now": 40}],
                     "actions": {"opened": 2, "closed": 1, "overdue": 0}, "scorecard": {"met": 3}}}})");
  const json after = json::parse(R"({"published": "2026-09-30", "blocks": {
    "evidence": {"rows": [
      {"n": 1, "id": "audit", "title": "Audit", "status": "in-place", "date": "2026-08-01"},
      {"n": 2, "id": "strategy", "title": "Strategy", "status": "in-place", "date": "2026-09-01"},
      {"n": 3, "id": "new", "title": "New minutes", "status": "in-place", "date": "2026-09-10"}]},
    "claims": {"know": {"claims": [{"id": "k", "text": "Practice is good, and improving."}]},
               "plans": {"claims": [{"id": "p", "text": "We will act."}]}},
    "weaknesses": {"rows": [{"id": "w", "text": "Interviews are late.",
                             "actions": [{"id": "a-1", "title": "Speed up", "status": "complete"}]},
                            {"id": "w2", "text": "Neglect is assessed unevenly.", "actions": []}]},
    "year-figures": {"rows": [{"figure": "audits_completed", "now": 58}],
                     "actions": {"opened": 2, "closed": 3, "overdue": 1}, "scorecard": {"met": 5}}}})");
  const json c = report::changed_since(before, after);
  CHECK(c["since"] == "2026-06-30");
  CHECK(c["quarter"] == "Q1 2026-27");
  CHECK(c["changes"] == json{"E1 Audit: renewed, now dated 2026-08-01", "E2 Strategy: under development → in place",
                             "Evidence cited for the first time: E3 New minutes",
                             "Evidence no longer cited: Old report", "Claim reworded: Practice is good, and improving.",
                             "New claim: We will act.", "Claim no longer made: A claim dropped.",
                             "Weakness \"Interviews are late.\": action a-1 (Speed up) open → complete",
                             "New weakness named: Neglect is assessed unevenly.",
                             "Audits completed in the year: 40 → 58", "Actions completed in the year: 1 → 3",
                             "Actions overdue at the version's date: 0 → 1", "Indicators meeting their target: 3 → 5"});
  // The same version twice: nothing changed.
  CHECK(report::changed_since(after, after)["changes"] == json::array());
}

TEST_CASE("self-evaluation: a version as sent keeps its claims, weaknesses and plans by id", "[report]") {
  report::SelfEvaluation now;
  now.claims = {claim("today", "know", {"x"})};
  now.scorecard = "card";
  now.appendix = "content/a.md";
  const json snapshot = json::parse(R"({"blocks": {
    "claims": {"how": {"claims": [{"id": "c", "text": "Sent.", "evidence": [{"id": "e1", "n": 1}, {"id": "e2", "n": 2}]}]}},
    "weaknesses": {"rows": [{"id": "w", "text": "W.", "since": "2026-04-01", "actions": [{"id": "a-1"}]}]},
    "plans-due": {"rows": [{"id": "a-2"}, {"id": "a-3"}]}}})");
  const report::SelfEvaluation sent = report::self_evaluation_as_sent(snapshot, now);
  REQUIRE(sent.claims.size() == 1);
  CHECK(sent.claims[0].id == "c");
  CHECK(sent.claims[0].question == "how");
  CHECK(sent.claims[0].evidence == std::vector<std::string>{"e1", "e2"});
  REQUIRE(sent.weaknesses.size() == 1);
  CHECK(sent.weaknesses[0].addressed_by == std::vector<std::string>{"a-1"});
  CHECK(sent.weaknesses[0].since->iso() == "2026-04-01");
  CHECK(sent.plans == std::vector<std::string>{"a-2", "a-3"});
  CHECK(sent.plan_pos.size() == 2);
  CHECK(sent.scorecard == "card");  // the rest is today's
  CHECK(sent.appendix == "content/a.md");
}
