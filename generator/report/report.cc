#include "report/report.h"

#include <algorithm>
#include <map>
#include <set>

#include "diag/json_parse.h"
#include "fs/files.h"
#include "records/json_positions.h"
#include "records/records.h"
#include "records/relations.h"
#include "records/schema_check.h"
#include "report/blocks.h"
#include "report/resolve.h"
#include "report/snapshot.h"

namespace qahub::report {

using nlohmann::json;

std::string snapshot_path(const std::string& cycle_id) { return "data/publications/" + cycle_id + ".json"; }

namespace {

struct Snapshot {
  std::string path;
  json doc;
  records::JsonPositions positions;
  bool claimed = false;  ///< a report with `published` read it
};

/// Every data/publications/*.json that parses and fits its schema, by cycle id.
std::map<std::string, Snapshot> load_snapshots(const std::filesystem::path& site_dir, diag::Diagnostics& diags) {
  std::map<std::string, Snapshot> out;
  const std::vector<std::string> files = fs::list_files(site_dir, "data/publications", diags);
  if (files.empty()) return out;
  const records::DataKind kind{"publication", "data/publications/", "publication.schema.json", nullptr};
  const records::SchemaSet schemas = records::SchemaSet::load(site_dir, {kind}, diags);
  for (const std::string& path : files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".json") != 0) continue;
    auto text = fs::read_file(site_dir / path);
    if (!text) {
      diags.error({path}, "cannot read file");
      continue;
    }
    auto doc = diag::parse_json(*text, path, diags);
    if (!doc) continue;
    Snapshot s{path, std::move(*doc), records::JsonPositions::scan(*text)};
    records::Source src{path, std::make_shared<const records::JsonPositions>(s.positions), {}, {}, false};
    if (!schemas.validate("publication", s.doc, src, diags)) continue;
    const std::string stem = path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 6);
    if (s.doc["cycle"] != stem) {
      diags.error(src.at("/cycle"), "this snapshot is for cycle \"" + s.doc["cycle"].get<std::string>() +
                                        "\", so it must be named data/publications/" +
                                        s.doc["cycle"].get<std::string>() + ".json");
      continue;
    }
    out.emplace(stem, std::move(s));
  }
  return out;
}

/// A shortcode in a page's description is an error where it is written:
/// descriptions are shown as written in lists, search and the feed, so
/// figures go in the body only.
void check_description(const content::Page& page, diag::Diagnostics& diags) {
  if (page.meta.description.find("{{<") == std::string::npos) return;
  diag::Position at{page.source, 1, 1};
  const size_t key = page.head.find("\ndescription:");
  if (key != std::string::npos) {
    at.line = 1 + static_cast<int>(std::count(page.head.begin(), page.head.begin() + static_cast<long>(key) + 1, '\n'));
    const size_t code = page.head.find("{{<", key);
    const size_t line_start = key + 1;
    at.col = code == std::string::npos ? 1 : static_cast<int>(code - line_start) + 1;
  }
  diags.error(at, "shortcodes go in the body only: a description is shown as written in lists, search and the feed");
}

bool uses_cycle_shortcodes(const content::Page& page) {
  for (const markdown::Shortcode& sc : page.doc.shortcodes())
    if (sc.name == "figure" || find_block(sc.name)) return true;
  return false;
}

diag::Position at(const Snapshot& s, const std::string& pointer) {
  const base::LineCol lc = s.positions.nearest(pointer);
  return {s.path, lc.line, lc.col};
}

struct Found {
  size_t page = 0;
  const records::Cycle* cycle = nullptr;
  std::optional<base::Date> published = {};  ///< as the page says, or as being published
  bool draft = false;
  base::Date from = {}, to = {};
  json shown = {};  ///< the snapshot rendered (published) or today's data shaped like one (draft)
};

}  // namespace

Result apply_reports(const Options& options, content::ContentSet& content, const records::Records& records,
                     diag::Diagnostics& diags) {
  Result result;
  const records::Relations relations(records);
  std::map<std::string, size_t> by_source;
  for (size_t i = 0; i < content.pages.size(); ++i) by_source[content.pages[i].source] = i;

  // Which page is which cycle's report, in cycle order.
  std::vector<Found> found;
  std::map<std::string, std::string> named_by;  // report source → cycle id
  for (const records::Cycle* c : relations.cycles_in_order) {
    if (c->report.empty()) continue;
    auto page = by_source.find(c->report);
    if (page == by_source.end()) continue;  // records reported it, or it is a `draft: true` page left out
    if (auto [it, first] = named_by.emplace(c->report, c->id); !first) {
      diags.error(c->src.at("/report"), "report " + c->report + " is also the report of cycle \"" + it->second +
                                            "\"; each cycle has its own report page");
      continue;
    }
    const content::Page& p = content.pages[page->second];
    Found f{page->second, c, p.meta.published};
    if (PublishRequest* req = options.publish; req && req->report == c->report) {
      req->found = true;
      req->cycle_id = c->id;
      if (!req->correcting) f.published = req->date;
    }
    f.draft = !f.published || options.as_of < *f.published;
    found.push_back(std::move(f));
  }
  if (options.publish && !options.publish->found)
    diags.error({options.publish->report}, "no audit cycle names " + options.publish->report +
                                               " as its \"report\"; qahub publish publishes a cycle's report");

  std::map<std::string, Snapshot> snapshots = load_snapshots(options.site_dir, diags);
  for (auto& [_, s] : snapshots) strip_withheld(s.doc, options.withheld);
  auto stripped = [&](json snapshot) {
    strip_withheld(snapshot, options.withheld);
    return snapshot;
  };

  std::vector<PageChanges> page_changes;
  for (const content::Page& p : content.pages)
    if (!named_by.count(p.source)) page_changes.push_back({p.source, p.url, p.meta.title, p.meta.changes});

  std::vector<ListedReport> listed;
  for (size_t i = 0; i < found.size(); ++i) {
    Found& f = found[i];
    const content::Page& page = content.pages[f.page];
    const records::Cycle& c = *f.cycle;
    f.to = f.draft ? options.as_of : *f.published;
    f.from = c.start();
    for (size_t j = i; j-- > 0;)
      if (found[j].published && *found[j].published < f.to) {
        f.from = found[j].published->plus_days(1);
        break;
      }
    const Input in{records, relations, c, f.from, f.to, page_changes, options.briefs};
    auto snap = snapshots.find(c.id);
    if (snap != snapshots.end() && page.meta.published) snap->second.claimed = true;
    PublishRequest* req = options.publish && options.publish->report == page.source ? options.publish : nullptr;
    if (req) {
      if (req->correcting && !page.meta.published) {
        diags.error({page.source, 1, 1}, "report " + page.source +
                                             " is not published, so there is nothing to correct; publish it with "
                                             "qahub publish " +
                                             page.source);
        continue;
      }
      if (f.published) req->snapshot = stripped(make_snapshot(in, page.source, *f.published));
      req->existing = snap == snapshots.end() ? json() : snap->second.doc;
      f.shown = req->snapshot;
    } else if (page.meta.published) {
      if (snap == snapshots.end()) {
        diags.error(page.meta.published_pos, "report " + page.source + " is published but has no snapshot " +
                                                 snapshot_path(c.id) + "; publish it with qahub publish " +
                                                 page.source);
        continue;
      }
      const json& s = snap->second.doc;
      if (s["published"] != page.meta.published->iso() || s["report"] != page.source) {
        diags.error(page.meta.published_pos,
                    "snapshot " + snap->second.path + " is of " + s["report"].get<std::string>() + " published " +
                        s["published"].get<std::string>() + ", not of this report published " +
                        page.meta.published->iso() + "; publish it again with qahub publish " + page.source);
        continue;
      }
      if (f.draft) {
        f.shown = stripped(make_snapshot(in, page.source, options.as_of));
      } else {
        // Recomputed as qahub publish did: only a changed past value warns.
        const json now = stripped(compute(in));
        const json empty = json::object();
        const json& old_breakdown = s["blocks"].contains("breakdown") ? s["blocks"]["breakdown"] : empty;
        const json& new_breakdown = now["blocks"].contains("breakdown") ? now["blocks"]["breakdown"] : empty;
        for (const Difference& d : differences(s, now)) {
          const std::string row = breakdown_change_words(d.name, d.old_value, d.new_value, old_breakdown, new_breakdown,
                                                         options.figures, c.id);
          if (!row.empty()) {
            diags.warning(at(snap->second, d.pointer), "published report " + page.source +
                                                           " differs from the data now in its breakdown: " + row +
                                                           "; record the correction with qahub publish --correct");
            continue;
          }
          const bool figure = d.pointer.rfind("/figures/", 0) == 0;
          const diag::Position pos = figure ? c.src.at(cycle_pointer(d.name)) : at(snap->second, d.pointer);
          diags.warning(pos, "published report " + page.source + " says " + d.name + " " + value_text(d.old_value) +
                                 ", the data now says " + value_text(d.new_value) +
                                 "; record the correction with qahub publish --correct");
        }
        f.shown = s;
      }
    } else {
      f.shown = stripped(make_snapshot(in, page.source, options.as_of));
    }
    if (!f.draft)
      listed.push_back({page.meta.title, c.title(), page.url, f.shown.value("period", json::object()).value("from", ""),
                        f.shown.value("period", json::object()).value("to", ""), f.published->iso(),
                        f.shown.value("figures", json::object())});
  }
  for (auto& [id, s] : snapshots)
    if (!s.claimed && !options.broken_cycles.count(id)) {
      const std::string report = s.doc["report"].get<std::string>();
      if (options.publish && options.publish->report == report) continue;
      // The report of a sensitive cycle, or a sensitive report page, is withheld with its snapshot.
      if (options.withheld.has_record("cycle", id) || options.withheld.has_page(report)) continue;
      diags.error(at(s, "/report"), "snapshot of " + report +
                                        ", which is not published (no \"published\" date); publish it with "
                                        "qahub publish " +
                                        report + ", or delete the snapshot");
    }

  // Shortcodes on every page, with each report's own data.
  // A report whose snapshot is in error is not resolved: its figures would
  // only repeat that error.
  std::map<size_t, const Found*> report_at;
  std::set<size_t> in_error;
  for (const Found& f : found) {
    if (f.shown.is_null())
      in_error.insert(f.page);
    else
      report_at[f.page] = &f;
  }
  for (size_t i = 0; i < content.pages.size(); ++i) {
    if (in_error.count(i)) continue;
    content::Page& page = content.pages[i];
    check_description(page, diags);
    auto r = report_at.find(i);
    const bool is_report = r != report_at.end();
    if (is_report && r->second->draft && !options.drafts) continue;
    if (!is_report && !options.broken_cycles.empty() && uses_cycle_shortcodes(page)) continue;
    PageContext ctx{*options.templates,
                    listed,
                    is_report ? &r->second->shown : nullptr,
                    is_report ? r->second->cycle->title() : "",
                    &options.figures,
                    options.briefs};
    resolve_page(page, ctx, diags);
    if (!is_report) continue;
    const Found& f = *r->second;
    HeaderInput h;
    h.title = page.meta.title;
    h.organisation = options.organisation;
    h.owner = page.meta.owner;
    h.cycle = f.cycle->title();
    h.period = f.from.human() + " to " + (f.draft ? f.to.human() + " (so far)" : f.to.human());
    h.published = f.draft ? "" : f.published->iso();
    h.draft = f.draft;
    if (f.shown.contains("corrections")) h.corrections = &f.shown["corrections"];
    if (f.shown.contains("blocks") && f.shown["blocks"].contains("breakdown"))
      h.breakdown = &f.shown["blocks"]["breakdown"];
    h.figures = &options.figures;
    h.cycle_id = f.cycle->id;
    page.doc.prepend_html(report_header(*options.templates, h, diags));
    if (f.draft) page.meta.draft = true;
  }

  // Draft reports are left out of the build unless --drafts.
  std::set<size_t> drop;
  for (const Found& f : found)
    if (f.draft && !options.drafts) drop.insert(f.page);
  result.drafts_left_out = drop.size();
  content::drop_pages(content, drop);
  return result;
}

}  // namespace qahub::report
