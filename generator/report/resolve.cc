#include "report/resolve.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/date.h"
#include "base/text.h"
#include "briefs/list.h"
#include "diag/diagnostics.h"
#include "figures/catalogue.h"
#include "markdown/html_text.h"
#include "record_pages/urls.h"
#include "report/blocks.h"
#include "report/snapshot.h"

namespace qahub::report {

using figures::figure_names;
using figures::figure_words;
using figures::format_figure;
using nlohmann::json;

namespace {

constexpr const char* kFigure = "figure";
constexpr const char* kReports = "reports";
constexpr const char* kLatest = "latest-report";
constexpr const char* kBriefs = "briefs";
constexpr const char* kPublications = "publications";

std::string human(const std::string& iso) {
  auto d = base::Date::parse(iso);
  return d ? d->human() : iso;
}

json listed_view(const ListedReport& r) {
  auto f = [&](const char* name) { return format_figure(name, r.figures.value(name, json())); };
  return {{"title", r.title},
          {"cycle", r.cycle},
          {"url", r.url},
          {"period", human(r.from) + " to " + human(r.to)},
          {"published", r.published},
          {"published_human", human(r.published)},
          {"audits_completed", f("audits_completed")},
          {"good_or_better", f("good_or_better")},
          {"agreement", f("agreement")}};
}

std::string render_block(const PageContext& ctx, const std::string& name, const json& view, diag::Diagnostics& diags) {
  return ctx.templates.render("report/" + name, view, diags);
}

/// `{{< publications TYPE >}}`: every published report of a publication
/// type (every type's when none is named), by series, each with its number,
/// period and the decision asked, newest first within a series.
std::optional<markdown::Document::Resolved> resolve_publications(const markdown::Shortcode& sc,
                                                                 const diag::Position& at, const PageContext& ctx,
                                                                 diag::Diagnostics& diags) {
  std::string type;
  if (!sc.args.empty()) {
    if (!sc.args[0].first.empty() || sc.args.size() > 1) {
      diags.error(at, "publications takes one publication type: {{< publications committee-report >}}");
      return std::nullopt;
    }
    type = sc.args[0].second;
  }
  if (!sc.block) {
    diags.error(at, "block \"publications\" must be alone in its paragraph (a line of its own)");
    return std::nullopt;
  }
  std::map<std::string, json> series;  // by series id, in id order
  const std::vector<ListedPublication> none;
  const std::vector<ListedPublication>& all = ctx.publications ? *ctx.publications : none;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (!type.empty() && it->type != type) continue;
    json& rows = series[it->series];
    if (rows.is_null()) rows = json::array();
    rows.push_back({{"title", it->title},
                    {"url", it->url},
                    {"number", ordinal(it->number)},
                    {"period", human(it->from) + " to " + human(it->to)},
                    {"published", it->published},
                    {"published_human", human(it->published)},
                    {"committee", it->committee},
                    {"decision", it->decision.empty() ? std::string("") : "to " + it->decision}});
  }
  json groups = json::array();
  for (auto& [id, rows] : series) groups.push_back({{"series", id}, {"rows", rows}});
  const std::string html =
      render_block(ctx, "publications", {{"series", groups}, {"has_series", !groups.empty()}}, diags);
  return markdown::Document::Resolved{markdown::strip_tags(html), html};
}

/// `html` with each "report-chart-" id prefix made "report-chart-pN-", so the
/// charts of a block's parts (one per cycle) keep ids of their own.
std::string renumber_charts(std::string html, size_t n) {
  static const std::string from = "report-chart-";
  const std::string to = "report-chart-p" + std::to_string(n) + "-";
  for (size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size()))
    html.replace(at, from.size(), to);
  return html;
}

/// One shortcode's value, or an error at its position.
std::optional<markdown::Document::Resolved> resolve_one(const markdown::Shortcode& sc, const diag::Position& at,
                                                        const PageContext& ctx, diag::Diagnostics& diags) {
  if (!sc.error.empty()) {
    diags.error(at, sc.error);
    return std::nullopt;
  }
  if (sc.name == kFigure) {
    if (!ctx.snapshot) {
      diags.error(at, "figure belongs in a report (a page a cycle's \"report\" names)");
      return std::nullopt;
    }
    if (sc.args.empty() || !sc.args[0].first.empty()) {
      diags.error(at, "figure needs a name: {{< figure audits_completed >}}");
      return std::nullopt;
    }
    const std::string& name = sc.args[0].second;
    const json& figures = ctx.snapshot->at("figures");
    if (!figures.contains(name)) {
      diags.error(at, "unknown figure \"" + name + "\"" + diag::did_you_mean(name, figure_names()));
      return std::nullopt;
    }
    if (sc.args.size() > 1) {
      const std::string extra = sc.args[1].first.empty() ? sc.args[1].second : sc.args[1].first;
      diags.error(at, "unknown argument \"" + extra + "\" to figure (it takes one figure name)");
      return std::nullopt;
    }
    if (figures[name].is_null()) {
      diags.error(at, "figure \"" + name + "\" has no value for " + ctx.cycle_title);
      return std::nullopt;
    }
    const std::string text = format_figure(name, figures[name]);
    return markdown::Document::Resolved{text, "<p>" + base::html_escape(text) + "</p>"};
  }
  if (sc.name == kPublications) return resolve_publications(sc, at, ctx, diags);
  // `briefs` in a report is the period's block; on any other page, every published brief.
  const BlockKind* kind = sc.name == kBriefs && !ctx.snapshot ? nullptr : find_block(sc.name);
  if (!kind && sc.name != kReports && sc.name != kLatest && sc.name != kBriefs) {
    diags.error(at, "unknown shortcode \"" + sc.name + "\"" + diag::did_you_mean(sc.name, shortcode_names()));
    return std::nullopt;
  }
  // A block about one record: `{{< recommendations ofsted-2026 >}}`.
  std::string record;
  if (kind && *kind->names) {
    if (sc.args.empty() || !sc.args[0].first.empty()) {
      diags.error(at, "block \"" + sc.name + "\" needs a " + kind->names + "'s id: {{< " + sc.name + " ID >}}");
      return std::nullopt;
    }
    record = sc.args[0].second;
    if (sc.args.size() > 1) {
      const std::string extra = sc.args[1].first.empty() ? sc.args[1].second : sc.args[1].first;
      diags.error(at, "unknown argument \"" + extra + "\" to block \"" + sc.name + "\" (it takes one " + kind->names +
                          "'s id)");
      return std::nullopt;
    }
  } else if (!sc.args.empty()) {
    const std::string extra = sc.args[0].first.empty() ? sc.args[0].second : sc.args[0].first;
    diags.error(at, "unknown argument \"" + extra + "\" to block \"" + sc.name + "\" (blocks take none)" +
                        diag::did_you_mean(extra, shortcode_names()));
    return std::nullopt;
  }
  if (!sc.block) {
    diags.error(at, "block \"" + sc.name + "\" must be alone in its paragraph (a line of its own)");
    return std::nullopt;
  }
  std::string html;
  if (kind) {
    if (!ctx.snapshot) {
      diags.error(at, "block \"" + sc.name + "\" belongs in a report (a page a cycle's \"report\" names)");
      return std::nullopt;
    }
    json data = ctx.snapshot->at("blocks").value(kind->name, json::object());
    if (*kind->names) {
      if (!data.is_object() || !data.contains(record)) {
        std::vector<std::string> known;
        if (data.is_object())
          for (const auto& [id, _] : data.items()) known.push_back(id);
        diags.error(at,
                    "unknown " + std::string(kind->names) + " \"" + record + "\"" + diag::did_you_mean(record, known));
        return std::nullopt;
      }
      json one = data[record];
      data = std::move(one);
    }
    ViewInput vin{*ctx.snapshot, ctx.figures};
    // The publication schema checks a snapshot's lists and numbers before
    // this; a value of another shape it lets through (a hand-edited file)
    // must still not end the build with a library's message.
    try {
      const std::vector<BlockSection> sections = block_views(*kind, data, vin);
      for (size_t i = 0; i < sections.size(); ++i) {
        std::string part = render_block(ctx, kind->name, sections[i].view, diags);
        // One part per cycle: each part's chart ids made its own ("report-chart-p2-…").
        if (i > 0) part = renumber_charts(std::move(part), i + 1);
        html += (sections[i].heading.empty() ? "" : "<h3>" + base::html_escape(sections[i].heading) + "</h3>\n") + part;
      }
    } catch (const json::exception&) {
      diags.error(at, "block \"" + sc.name +
                          "\" cannot be shown: its data in the published snapshot is not as qahub publish wrote it; "
                          "restore the snapshot file from git");
      return std::nullopt;
    }
  } else if (sc.name == kBriefs) {
    html = briefs::list_html(ctx.templates, ctx.briefs ? *ctx.briefs : std::vector<briefs::Listed>{}, diags);
  } else if (sc.name == kReports) {
    json rows = json::array();
    for (auto it = ctx.reports.rbegin(); it != ctx.reports.rend(); ++it) rows.push_back(listed_view(*it));
    html = render_block(ctx, "reports", {{"reports", rows}, {"has_reports", !rows.empty()}}, diags);
  } else {
    json v = {{"has_report", !ctx.reports.empty()}};
    if (!ctx.reports.empty()) v["report"] = listed_view(ctx.reports.back());
    html = render_block(ctx, "latest-report", v, diags);
  }
  return markdown::Document::Resolved{markdown::strip_tags(html), html};
}

/// A self-evaluation's parts of the header (HeaderInput): false where absent.
void self_evaluation_header(const HeaderInput& in, json& view) {
  view["changed"] = false;
  if (in.changed_since && in.changed_since->is_object()) {
    const json& c = *in.changed_since;
    const json changes = c.value("changes", json::array());
    view["changed"] = {{"quarter", c.value("quarter", "")},
                       {"since_human", human(c.value("since", ""))},
                       {"changes", changes},
                       {"has_changes", !changes.empty()}};
  }
  json versions = json::array();
  for (const auto& [label, date] : in.versions)
    versions.push_back({{"label", label}, {"date", date}, {"date_human", human(date)}});
  view["versions"] = versions;
  view["has_versions"] = !versions.empty();
  view["evidence_csv"] = in.evidence_csv_url.empty() ? json(false) : json(in.evidence_csv_url);
  view["appendix"] =
      in.appendix_url.empty()
          ? json(false)
          : json{{"title", in.appendix_title}, {"url", in.appendix_url}, {"marking", in.appendix_marking}};
  view["appendix_withheld"] = in.appendix_withheld;
}

/// A corrected block value in words, not as its path:
/// "scorecard/quarterly/rows/re-referrals/value" → "value of re-referrals",
/// "scorecard/quarterly/counts/not_met" → "scorecard not met".
std::string change_words(const std::string& name) {
  std::vector<std::string> parts;
  for (size_t at = 0; at <= name.size();) {
    const size_t slash = std::min(name.find('/', at), name.size());
    parts.push_back(name.substr(at, slash - at));
    at = slash + 1;
  }
  auto words = [](std::string w) {
    std::replace(w.begin(), w.end(), '_', ' ');
    return w;
  };
  if (parts.size() < 2) return words(name);
  const std::string& owner = parts[parts.size() - 2];
  if (parts.size() == 2 || owner == "counts" || owner == "total") return parts[0] + " " + words(parts.back());
  return words(parts.back()) + " of " + owner;
}

/// Who approved a publication, and the decision that did, as the header
/// prints them: "Director of Children's Services", "decision d3 of the
/// Practice Board, 10 November 2026" linked to the decision.
json approval_view(const json& approval) {
  json v = {{"approved_by", approval.value("approved_by", "")}};
  const json d = approval.value("decision", json());
  if (d.is_object()) {
    const std::string meeting = d.value("meeting", ""), decision = d.value("decision", "");
    v["decision"] = {{"id", decision},
                     {"forum", d.value("forum", "")},
                     {"date_human", human(d.value("date", ""))},
                     {"url", record_pages::urls::meeting(meeting) + "#" + decision}};
  } else {
    v["decision"] = false;
  }
  return v;
}

}  // namespace

const std::vector<std::string>& shortcode_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = {kFigure, kReports, kLatest, kPublications};
    for (const BlockKind& k : cycle_blocks()) out.push_back(k.name);  // `briefs` among them
    return out;
  }();
  return names;
}

void resolve_page(content::Page& page, const PageContext& ctx, diag::Diagnostics& diags) {
  markdown::Document& doc = page.doc;
  if (ctx.snapshot) {
    bool placed = false;
    // A block about one record (recommendations, plan-progress) or placed by
    // name only (risks) adds to the default order; any other block placed by
    // hand replaces it.
    for (const markdown::Shortcode& sc : doc.shortcodes()) {
      const BlockKind* k = find_block(sc.name);
      // In a publication any block its author places replaces its type's defaults.
      const bool by_default = ctx.placements || !(k && (*k->names || k->by_name));
      placed = placed || (sc.block && sc.name != kFigure && by_default);
    }
    if (!placed && ctx.placements)  // a publication: its type's blocks, under their headings
      for (const Placement& p : *ctx.placements) doc.place_block(p.heading, p.name, p.args);
    else if (!placed)
      for (const BlockKind& k : cycle_blocks())
        // A block about one record, or placed by name only (risks), never by default.
        if (!*k.names && !k.by_name) doc.append_block(k.heading, k.name);
  }
  if (doc.shortcodes().empty()) return;
  std::vector<markdown::Document::Resolved> resolved;
  for (const markdown::Shortcode& sc : doc.shortcodes()) {
    const diag::Position at{page.source, sc.line, sc.col};
    resolved.push_back(resolve_one(sc, at, ctx, diags).value_or(markdown::Document::Resolved{}));
  }
  doc.resolve_shortcodes(resolved);
}

std::string report_header(const templating::Templates& templates, const HeaderInput& in, diag::Diagnostics& diags) {
  json corrections = json::array();
  if (in.corrections)
    for (const json& c : *in.corrections) {
      std::string values;
      const json& changed = c.value("values", json::array());
      for (const json& v : changed) {
        if (!values.empty()) values += "; ";
        const std::string name = v.value("name", "");
        if (in.breakdown && in.figures) {
          const json before = breakdown_with_old_values(*in.breakdown, changed);
          const std::string words = breakdown_change_words(name, v.value("old", json()), v.value("new", json()), before,
                                                           *in.breakdown, *in.figures, in.cycle_id);
          if (!words.empty()) {
            values += words;
            continue;
          }
        }
        const bool figure = std::find(figure_names().begin(), figure_names().end(), name) != figure_names().end();
        auto shown = [&](const json& x) { return figure ? format_figure(name, x) : value_text(x); };
        const std::string words = (figure ? figure_words(name) : change_words(name)) + " " +
                                  shown(v.value("old", json())) + " \xE2\x86\x92 " + shown(v.value("new", json()));
        if (values.find(words) != std::string::npos) {  // one value two blocks show (scorecard, indicator)
          if (values.size() >= 2 && values.compare(values.size() - 2, 2, "; ") == 0) values.resize(values.size() - 2);
          continue;
        }
        values += words;
      }
      corrections.push_back({{"date", c.value("date", "")},
                             {"date_human", human(c.value("date", ""))},
                             {"summary", c.value("summary", "")},
                             {"values", values}});
    }
  const size_t version = 1 + corrections.size();
  // A draft has no publication fields at all: false, never "", so no
  // template prints "Published ," around an empty value.
  const bool published = !in.draft && !in.published.empty();
  json view = {{"title", in.title},
               {"organisation", in.organisation},
               {"owner", in.owner.empty() ? json(false) : json(in.owner)},
               {"cycle", in.cycle},
               {"period", in.period},
               {"draft", in.draft},
               {"published", published ? json(in.published) : json(false)},
               {"published_human", published ? human(in.published) : ""},
               {"version", std::to_string(version)},
               {"corrections", corrections},
               {"has_corrections", !corrections.empty()},
               {"early", in.early.empty() ? json(false) : json(in.early)},
               {"decision_asked", in.decision.empty() ? json(false) : json(in.decision)},
               {"contact", in.contact.empty() ? json(false) : json(in.contact)}};
  if (published && in.approval && in.approval->is_object()) view["approval"] = approval_view(*in.approval);
  self_evaluation_header(in, view);
  return templates.render("report/header", view, diags);
}

}  // namespace qahub::report
