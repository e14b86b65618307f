/// The evidence register, /evidence/ (issue 37): every item of evidence with
/// what it is, its date, owner and status, and a readiness count, so the
/// Practice Development Team sees what is in place before a self-evaluation
/// cites it. Items are numbered E1…En only by each self-evaluation (report/).
#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/evidence.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

void add_evidence_pages(const Context& ctx, RecordPages& out) {
  if (ctx.records.evidence.empty()) return;  // no empty section (nor its nav entry) until there is evidence
  json rows = json::array(), developing = json::array();
  long in_place = 0, under_development = 0, not_applicable = 0, overdue = 0, stale = 0, review = 0;
  const base::Date as_of = ctx.input.as_of;
  const base::Date year_ago = base::add_years(as_of, -1);
  for (const auto& [id, e] : ctx.records.evidence) {
    std::string url;
    if (!e.record.empty()) url = record_url(e.record_kind, e.record);
    if (!e.page.empty())
      if (auto it = ctx.input.content_urls.find(e.page); it != ctx.input.content_urls.end()) url = it->second;
    const bool late = evidence_overdue(e, as_of);
    // More than 12 months old, or a page past its review date: worth renewing before it is cited.
    const bool old = e.status == "in-place" && e.date && *e.date < year_ago;
    auto reviewed = ctx.input.review_by.find(e.page);
    const bool review_overdue = !e.page.empty() && reviewed != ctx.input.review_by.end() && reviewed->second < as_of;
    // kainjow's sections open on "": an absent value is false.
    auto maybe = [](const std::string& text) { return text.empty() ? json(false) : json(text); };
    json row{{"id", id},
             {"title", e.title},
             {"url", maybe(url)},
             {"external", maybe(e.external)},
             {"kind", evidence_kind_words(e.kind)},
             {"date", maybe(e.date ? e.date->human() : "")},
             {"owner", e.owner},
             {"status", evidence_status_words(e.status)},
             {"note", e.note},
             {"due", e.due ? e.due->human() : ""},
             {"overdue", late},
             {"stale", old},
             {"review_overdue", review_overdue},
             {"annex_a", maybe(evidence_annex_a_words(e.annex_a))}};
    rows.push_back(row);
    if (e.status == "in-place") ++in_place;
    if (e.status == "not-applicable") ++not_applicable;
    if (e.status == "under-development") {
      ++under_development;
      developing.push_back(row);
    }
    if (late) ++overdue;
    if (old) ++stale;
    if (review_overdue) ++review;
  }
  json v{{"rows", rows},
         {"developing", developing},
         {"has_developing", !developing.empty()},
         {"in_place", in_place},
         {"under_development", under_development},
         {"not_applicable", not_applicable},
         {"overdue", overdue},
         {"stale", stale},
         {"review", review},
         {"total", static_cast<long>(rows.size())}};
  out.pages.push_back(make_page(urls::kEvidence, "data/evidence/", "Evidence register",
                                "The evidence our self-evaluation draws on: what each item is, how recent it is, who "
                                "owns it, and what is still under development.",
                                urls::kEvidence, render(ctx, "evidence", v)));
}

}  // namespace qahub::record_pages
