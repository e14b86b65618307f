#include "report/resolve.h"

#include <algorithm>
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
      for (const BlockSection& s : block_views(*kind, data, vin))
        html += (s.heading.empty() ? "" : "<h3>" + base::html_escape(s.heading) + "</h3>\n") +
                render_block(ctx, kind->name, s.view, diags);
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
    std::vector<std::string> out = {kFigure, kReports, kLatest};
    for (const BlockKind& k : cycle_blocks()) out.push_back(k.name);  // `briefs` among them
    return out;
  }();
  return names;
}

void resolve_page(content::Page& page, const PageContext& ctx, diag::Diagnostics& diags) {
  markdown::Document& doc = page.doc;
  if (ctx.snapshot) {
    bool placed = false;
    // A block about one record (recommendations, plan-progress) adds to the
    // default order; any other block placed by hand replaces it.
    for (const markdown::Shortcode& sc : doc.shortcodes()) {
      const BlockKind* k = find_block(sc.name);
      placed = placed || (sc.block && sc.name != kFigure && !(k && (*k->names || k->by_name_only)));
    }
    if (!placed)
      for (const BlockKind& k : cycle_blocks())
        if (!*k.names && !k.by_name_only) doc.append_block(k.heading, k.name);  // the rest by name only
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
        values +=
            figure_words(name) + " " + shown(v.value("old", json())) + " \xE2\x86\x92 " + shown(v.value("new", json()));
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
               {"owner", in.owner},
               {"cycle", in.cycle},
               {"period", in.period},
               {"draft", in.draft},
               {"published", published ? json(in.published) : json(false)},
               {"published_human", published ? human(in.published) : ""},
               {"version", std::to_string(version)},
               {"corrections", corrections},
               {"has_corrections", !corrections.empty()},
               {"early", in.early.empty() ? json(false) : json(in.early)}};
  if (published && in.approval && in.approval->is_object()) view["approval"] = approval_view(*in.approval);
  return templates.render("report/header", view, diags);
}

}  // namespace qahub::report
