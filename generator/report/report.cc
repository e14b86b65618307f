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
#include "report/placeholders.h"
#include "report/publications.h"
#include "report/publish_checks.h"
#include "report/resolve.h"
#include "report/self_evaluation.h"
#include "report/snapshot.h"

namespace qahub::report {

using nlohmann::json;

std::string publication_id(const records::Cycle& cycle) { return cycle.id; }

std::string snapshot_path(const std::string& id) { return "data/publications/" + id + ".json"; }

namespace {

struct Snapshot {
  std::string path;
  json doc;
  records::JsonPositions positions;
  bool claimed = false;  ///< a report with `published` read it
  /// The file exists but is in error (reported): its report is left alone,
  /// not told it has no snapshot (no cascades).
  bool broken = false;
};

/// `snapshot` minus every row about a withheld item (Options::withheld): a
/// snapshot shown or written never carries what is now sensitive.
json strip(const Options& options, json snapshot) {
  strip_withheld(snapshot, options.withheld);
  return snapshot;
}

/// Every data/publications/*.json that parses and fits its schema, by its
/// publication id (the file's name), withheld rows taken out. A Learning and
/// Improvement report's id is its cycle's, so the file must name that cycle.
std::map<std::string, Snapshot> load_snapshots(const Options& options, diag::Diagnostics& diags) {
  const std::filesystem::path& site_dir = options.site_dir;
  std::map<std::string, Snapshot> out;
  const std::vector<std::string> files = fs::list_files(site_dir, "data/publications", diags);
  if (files.empty()) return out;
  const records::DataKind kind{"publication", "data/publications/", "publication.schema.json", nullptr};
  const records::SchemaSet schemas = records::SchemaSet::load(site_dir, {kind}, diags);
  for (const std::string& path : files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".json") != 0) continue;
    const std::string stem = path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 6);
    auto broken = [&] { out[stem] = Snapshot{path, json(), {}, true, true}; };
    auto text = fs::read_file(site_dir / path);
    if (!text) {
      diags.error({path}, "cannot read file");
      broken();
      continue;
    }
    auto doc = diag::parse_json(*text, path, diags);
    if (!doc) {
      broken();
      continue;
    }
    Snapshot s{path, std::move(*doc), records::JsonPositions::scan(*text)};
    records::Source src{path, std::make_shared<const records::JsonPositions>(s.positions), {}, {}, false};
    if (!schemas.validate("publication", s.doc, src, diags)) {
      broken();
      continue;
    }
    // A cycle's report is named by its cycle; any other publication by its own id.
    const char* key = s.doc.contains("cycle") ? "cycle" : "id";
    if (s.doc[key] != stem) {
      diags.error(src.at(std::string("/") + key),
                  std::string("this snapshot is for ") + (*key == 'c' ? "cycle" : "publication") + " \"" +
                      s.doc[key].get<std::string>() + "\", so it must be named data/publications/" +
                      s.doc[key].get<std::string>() + ".json");
      broken();
      continue;
    }
    s.doc = strip(options, std::move(s.doc));
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

/// Whether a page uses a figure or a cycle block: such a page is left alone
/// while a cycle is broken, so one broken cycle is one error.
bool uses_cycle_shortcodes(const content::Page& page) {
  for (const markdown::Shortcode& sc : page.doc.shortcodes())
    if (sc.name == "figure" || find_block(sc.name)) return true;
  return false;
}

/// Where `pointer` is written in the snapshot's file (the nearest key).
diag::Position at(const Snapshot& s, const std::string& pointer) {
  const base::LineCol lc = s.positions.nearest(pointer);
  return {s.path, lc.line, lc.col};
}

/// A cycle's report as the pass works on it.
struct Found {
  size_t page = 0;
  const records::Cycle* cycle = nullptr;          ///< null for a publication of another type
  std::string id;                                 ///< its publication id: the cycle's, or the page's file name
  const config::PublicationType* type = nullptr;  ///< null for a cycle's report
  PublicationFields fields = {};                  ///< a publication's `publication:` block
  long number = 0;                                ///< its number in its series
  std::string committee_title = {};               ///< its committee's name ("" for none)
  std::vector<Placement> placements = {};         ///< its type's default blocks
  std::optional<base::Date> published = {};       ///< as the page says, or as being published
  bool draft = false;
  bool withdrawn = false;  ///< its snapshot records a withdrawal: a notice at its URL, in no listing
  base::Date from = {}, to = {};
  json shown = {};  ///< the snapshot rendered (published) or today's data shaped like one (draft); null: in error
  /// A quarterly type's (the self-evaluation): its own fields, and the
  /// snapshots of its earlier versions, oldest first.
  SelfEvaluation self_evaluation = {};
  std::string source = {};       ///< its page's source
  std::string page_url = {};     ///< its page's URL
  diag::Position type_pos = {};  ///< its page's `type`
  std::vector<const Snapshot*> earlier = {};
};

/// A `qahub publish` request for this report: marked found, and publishing
/// takes the request's date, so the report is worked out as published on it
/// (a correction keeps the report's own date).
void take_request(const Options& options, const std::string& source, Found& f) {
  PublishRequest* req = options.publish;
  if (!req || req->report != source) return;
  req->found = true;
  req->cycle_id = f.id;
  if (!req->correcting && !req->withdrawing) f.published = req->date;
}

/// The publication types in force: qahub.yaml's, or the built-in ones.
const std::map<std::string, config::PublicationType>& types_of(const Options& options) {
  static const std::map<std::string, config::PublicationType> builtin = config::builtin_publication_types();
  return options.publications ? *options.publications : builtin;
}

/// Every page whose `type` is a publication type (a learning brief's type is
/// briefs/'s): its block read and checked, its sections checked, its id its
/// file name. A `publication:` block on another page is an error.
void find_publications(const Options& options, const content::ContentSet& content, const records::Records& records,
                       std::vector<Found>& found, diag::Diagnostics& diags) {
  const auto& types = types_of(options);
  std::vector<std::string> blocks;
  for (const BlockKind& k : cycle_blocks()) blocks.push_back(k.name);
  for (const auto& [id, type] : types)
    for (const config::DefaultBlock& d : type.blocks)
      if (!find_block(d.block))
        diags.error(d.pos, "publication type \"" + id + "\" places unknown block \"" + d.block + "\"" +
                               diag::did_you_mean(d.block, blocks));
  for (size_t i = 0; i < content.pages.size(); ++i) {
    const content::Page& page = content.pages[i];
    auto t = types.find(page.meta.type);
    if (!page.meta.has_type || t == types.end() || t->first == config::kLearningReport) {
      if (page.meta.publication)
        diags.error(page.meta.publication_pos,
                    "a \"publication:\" block is read only on a page with a publication type, such as "
                    "\"type: committee-report\"");
      continue;
    }
    Found f{i, nullptr, std::filesystem::path(page.source).stem().string()};
    f.type = &t->second;
    f.fields = read_publication(page, *f.type, records, options.withheld, diags);
    if (auto forum = records.forums.find(f.fields.committee); forum != records.forums.end())
      f.committee_title = forum->second.name;
    f.placements = default_placements(*f.type, f.fields, records);
    check_sections(page, *f.type, diags);
    if (records.cycles.count(f.id)) {
      diags.error(page.meta.type_pos, "publication " + page.source + " has the id \"" + f.id +
                                          "\" of a cycle, whose report's snapshot has that name; rename the page");
      continue;
    }
    f.published = page.meta.published;
    take_request(options, page.source, f);
    if (f.type->quarterly) {
      // One page a year, one snapshot a quarter: "2026-27-q2" for the
      // version published (or being published) in July to September 2026.
      f.self_evaluation = read_self_evaluation(page, content, records, options.withheld, options.broken, diags);
      f.self_evaluation.scorecard = f.fields.scorecard;
      const base::Date on = f.published.value_or(options.as_of);
      f.id += "-q" + std::to_string(base::financial_quarter(on));
      f.source = page.source;
      f.page_url = page.url;
      f.type_pos = page.meta.type_pos;
      f.fields.series = base::financial_year(on);
      if (options.publish && options.publish->report == page.source) options.publish->cycle_id = f.id;
    }
    f.draft = !f.published || options.as_of < *f.published;
    found.push_back(std::move(f));
  }
}

/// Numbers each series of publications and sets each one's period: in date
/// order (drafts, dated --as-of, after the published), the first is its
/// type's `first_number` (or its own `number`), each next the previous plus
/// one unless it gives its own; a number that skips is a notice. The period
/// runs from the day after the previous publication of the series (the
/// block's `from`, else the start of the financial year, for the first) to
/// its publication date, or --as-of for a draft; a financial-year type's
/// from the 1 April before.
void number_publications(const Options& options, std::vector<Found>& found, diag::Diagnostics& diags) {
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> series;
  for (size_t i = 0; i < found.size(); ++i)
    if (found[i].type) series[{found[i].type->id, found[i].fields.series}].push_back(i);
  for (auto& [key, members] : series) {
    auto date_of = [&](size_t i) { return found[i].draft ? options.as_of : *found[i].published; };
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      if (found[a].draft != found[b].draft) return !found[a].draft;
      return date_of(a) < date_of(b);
    });
    long expected = 0;
    std::optional<base::Date> previous;
    if (found[members.front()].type->quarterly)
      for (size_t k = 1; k < members.size(); ++k)
        diags.error(found[members[k]].type_pos,
                    "a " + key.first + " covers one financial year, published again each quarter: " + key.second +
                        " already has " + found[members.front()].source);
    for (size_t i : members) {
      Found& f = found[i];
      const long next = expected ? expected : f.type->first_number;
      f.number = f.fields.number.value_or(next);
      if (f.fields.number && expected && *f.fields.number != next)
        diags.notice(
            f.fields.number_pos,
            "this report is numbered " + std::to_string(f.number) + ", but the previous report in the series \"" +
                key.second + "\" is the " + ordinal(next - 1) + ": " +
                (*f.fields.number > next ? "the reports between are not in the hub" : "two reports have one number"));
      expected = f.number + 1;
      f.to = date_of(i);
      const base::Date fy_start = base::financial_year_start(f.to);
      if (f.type->period == "financial-year")
        f.from = fy_start;
      else
        f.from = previous ? previous->plus_days(1) : f.fields.from.value_or(fy_start);
      if (!f.draft) previous = f.to;
    }
  }
}

/// Which page is which cycle's report, in cycle order, and which are drafts:
/// every later step reads this. Two cycles naming one page is an error at the
/// second; a publish request naming no cycle's report is an error.
std::vector<Found> find_reports(const Options& options, const content::ContentSet& content,
                                const records::Records& records, const records::Relations& relations,
                                diag::Diagnostics& diags) {
  std::map<std::string, size_t> by_source;
  for (size_t i = 0; i < content.pages.size(); ++i) by_source[content.pages[i].source] = i;
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
    Found f{page->second, c, c->id};
    f.published = content.pages[page->second].meta.published;
    take_request(options, c->report, f);
    f.draft = !f.published || options.as_of < *f.published;
    found.push_back(std::move(f));
  }
  find_publications(options, content, records, found, diags);
  if (options.publish && !options.publish->found)
    diags.error({options.publish->report}, "no audit cycle names " + options.publish->report +
                                               " as its \"report\", and it has no publication type; qahub publish "
                                               "publishes a cycle's report or a page with a type such as "
                                               "committee-report");
  return found;
}

/// Every page that is not a report, with its amendments, for the `changes`
/// block: a report's own amendments are its corrections, not guidance changes.
std::vector<PageChanges> other_pages(const content::ContentSet& content, const std::vector<Found>& found) {
  std::set<size_t> reports;
  for (const Found& f : found) reports.insert(f.page);
  std::vector<PageChanges> out;
  for (size_t i = 0; i < content.pages.size(); ++i)
    if (!reports.count(i)) {
      const content::Page& p = content.pages[i];
      out.push_back({p.source, p.url, p.meta.title, p.meta.changes});
    }
  return out;
}

/// Sets found[i]'s period (README "Learning and Improvement reports"): from
/// the day after the latest earlier report published before its end (its
/// cycle's first day for the first) to its publication date, or --as-of for
/// a draft. Reports are in cycle order, so only earlier ones are looked at.
void set_period(std::vector<Found>& found, size_t i, base::Date as_of) {
  Found& f = found[i];
  f.to = f.draft ? as_of : *f.published;
  f.from = f.cycle->start();
  for (size_t j = i; j-- > 0;)
    if (found[j].published && *found[j].published < f.to) {
      f.from = found[j].published->plus_days(1);
      break;
    }
}

/// Warns at each value the published snapshot holds that today's data, as at
/// the publication date, gives differently, so an author records the
/// correction rather than the report changing silently. A breakdown value
/// is named by its row and quoted only where neither side is suppressed; a
/// figure is warned at its place in the cycle's file.
void warn_differences(const Options& options, const Snapshot& snap, const json& now, const std::string& report,
                      const records::Cycle* c, diag::Diagnostics& diags) {
  const json& s = snap.doc;
  const json empty = json::object();
  const json& old_breakdown = s["blocks"].contains("breakdown") ? s["blocks"]["breakdown"] : empty;
  const json& new_breakdown = now["blocks"].contains("breakdown") ? now["blocks"]["breakdown"] : empty;
  for (const Difference& d : differences(s, now)) {
    const std::string row = breakdown_change_words(d.name, d.old_value, d.new_value, old_breakdown, new_breakdown,
                                                   options.figures, c ? c->id : std::string());
    if (!row.empty()) {
      diags.notice(at(snap, d.pointer), "published report " + report + " differs from the data now in its breakdown: " +
                                            row + "; record the correction with qahub publish --correct");
      continue;
    }
    // A cycle's figure is warned at its place in the cycle's file; the hub's
    // figures (indicators_met) and a publication's at the snapshot's.
    const bool figure = c && d.pointer.rfind("/figures/", 0) == 0 && cycle_pointer(d.name) != "/figures";
    const diag::Position pos = figure ? c->src.at(cycle_pointer(d.name)) : at(snap, d.pointer);
    diags.notice(pos,
                 "published report " + report + " " + d.words + "; record the correction with qahub publish --correct");
  }
}

/// A snapshot of `f` as at `date`, withheld rows out: a publication of
/// another type carries its id, type, series and number instead of a cycle.
json snapshot_of(const Options& options, const Input& in, const content::Page& page, const Found& f, base::Date date) {
  json snap = make_snapshot(in, page.source, date);
  if (f.type) {
    snap.erase("cycle");
    snap["id"] = f.id;
    snap["type"] = f.type->id;
    snap["series"] = f.fields.series;
    snap["number"] = f.number;
  }
  return strip(options, std::move(snap));
}

/// What a published report shows: its snapshot, once it is known to be this
/// report's (an error naming qahub publish otherwise: null). Published means
/// fixed, so today's data only warns (warn_differences); a report dated
/// after --as-of is still a draft and shows today's data.
json published_shown(const Options& options, const Input& in, const content::Page& page, const Found& f,
                     const Snapshot* snap, diag::Diagnostics& diags) {
  if (!snap) {
    diags.error(page.meta.published_pos, "report " + page.source + " is published but has no snapshot " +
                                             snapshot_path(f.id) + "; publish it with qahub publish " + page.source);
    return json();
  }
  const json& s = snap->doc;
  if (s["published"] != page.meta.published->iso() || s["report"] != page.source) {
    diags.error(page.meta.published_pos, "snapshot " + snap->path + " is of " + s["report"].get<std::string>() +
                                             " published " + s["published"].get<std::string>() +
                                             ", not of this report published " + page.meta.published->iso() +
                                             "; publish it again with qahub publish " + page.source);
    return json();
  }
  if (f.draft) return snapshot_of(options, in, page, f, options.as_of);
  // A withdrawn report shows only its notice: nothing of it is compared.
  if (s.contains("withdrawn")) return s;
  // Recomputed as qahub publish did: only a changed past value warns.
  if (options.compare_snapshots) {
    // A self-evaluation's claims, weaknesses and plans are its text, as sent:
    // only what the records now say of them is compared.
    Input again = in;
    SelfEvaluation as_sent;
    if (in.self_evaluation) {
      as_sent = self_evaluation_as_sent(s, *in.self_evaluation);
      again.self_evaluation = &as_sent;
    }
    warn_differences(options, *snap, strip(options, compute(again)), page.source, f.cycle, diags);
  }
  return s;
}

/// A new quarterly version of a published page: dated after the latest, in
/// the same financial year (the next year is a new page), in a later quarter
/// (a version a quarter; --correct mends one).
bool check_new_version(const content::Page& page, const PublishRequest& req, diag::Diagnostics& diags) {
  const base::Date last = *page.meta.published, on = *req.date;
  std::string why;
  if (!(last < on))
    why = "a new version of " + page.source + " is dated after its latest, published " + last.iso();
  else if (base::financial_year(on) != base::financial_year(last))
    why = page.source + " is the self-evaluation of " + base::financial_year(last) + "; a version dated " + on.iso() +
          " belongs on the page of " + base::financial_year(on) + " (qahub new self-evaluation)";
  else if (base::financial_quarter(on) == base::financial_quarter(last))
    why = page.source + " already has its " + quarter_label(last) + " version, published " + last.iso() +
          "; a version is published once a quarter: use --correct \"summary\" to record a correction";
  if (why.empty()) return true;
  diags.error(page.meta.published_pos, why);
  return false;
}

/// What one report shows: for `qahub publish`, the snapshot it will write
/// (handed back on the request); for a published report, its snapshot; for
/// a draft, today's data shaped like a snapshot, so every report renders by
/// the same code. Null where the report is in error.
json shown_of(const Options& options, const Input& in, const content::Page& page, const Found& f,
              std::map<std::string, Snapshot>& snapshots, diag::Diagnostics& diags) {
  auto snap = snapshots.find(f.id);
  if (snap != snapshots.end() && snap->second.broken) return json();  // its error is reported
  if (snap != snapshots.end() && page.meta.published) snap->second.claimed = true;
  PublishRequest* req = options.publish && options.publish->report == page.source ? options.publish : nullptr;
  if (req) {
    const json existing = snap == snapshots.end() ? json() : snap->second.doc;
    // A quarterly publication already published takes a new version each quarter.
    const bool new_version =
        f.type && f.type->quarterly && page.meta.published && !req->correcting && !req->withdrawing;
    if (new_version && !check_new_version(page, *req, diags)) return json();
    if (!check_publish(*req, page, f.cycle, in.records, options.as_of, existing, diags, req->approval, new_version))
      return json();
    if (req->withdrawing) return req->snapshot = req->existing = existing;
    if (req->correcting && !page.meta.published) {
      diags.error({page.source, 1, 1}, "report " + page.source +
                                           " is not published, so there is nothing to correct; publish it with "
                                           "qahub publish " +
                                           page.source);
      return json();
    }
    // A correction of a self-evaluation's version keeps the claims it was sent with.
    Input again = in;
    SelfEvaluation as_sent;
    if (req->correcting && in.self_evaluation && existing.is_object()) {
      as_sent = self_evaluation_as_sent(existing, *in.self_evaluation);
      again.self_evaluation = &as_sent;
    }
    if (f.published) req->snapshot = snapshot_of(options, again, page, f, *f.published);
    if (!req->correcting && !req->snapshot.is_null()) {
      req->snapshot["approval"] = req->approval;
      if (!req->early.empty()) req->snapshot["early"] = req->early;
    }
    req->existing = existing;
    return req->snapshot;
  }
  if (page.meta.published)
    return published_shown(options, in, page, f, snap == snapshots.end() ? nullptr : &snap->second, diags);
  return snapshot_of(options, in, page, f, options.as_of);
}

/// A published report as the `reports` and `latest-report` blocks list it.
ListedReport listed_of(const content::Page& page, const Found& f) {
  const json period = f.shown.value("period", json::object());
  return {page.meta.title,
          f.cycle->title(),
          page.url,
          period.value("from", ""),
          period.value("to", ""),
          f.published->iso(),
          f.shown.value("figures", json::object())};
}

/// A snapshot no published report read is an error: it would sit unseen, and
/// only qahub publish makes a report published. A cycle that failed to load
/// has said so already, a report being published is about to claim its, and
/// a withheld (sensitive) report's snapshot is withheld with it.
void check_unclaimed(const Options& options, const std::map<std::string, Snapshot>& snapshots,
                     diag::Diagnostics& diags) {
  for (const auto& [id, s] : snapshots) {
    if (s.claimed || options.broken_cycles.count(id)) continue;
    const std::string report = s.doc["report"].get<std::string>();
    if (options.publish && options.publish->report == report) continue;
    // The report of a sensitive cycle, or a sensitive report page, is withheld with its snapshot.
    if (options.withheld.has_record("cycle", id) || options.withheld.has_page(report)) continue;
    diags.error(at(s, "/report"), "snapshot of " + report +
                                      ", which is not published (no \"published\" date); publish it with "
                                      "qahub publish " +
                                      report + ", or delete the snapshot");
  }
}

/// "The 8th regular report to the Cabinet committee" (the forum's name), or
/// "The 2nd Annual report" for a type with no committee.
std::string publication_line(const Found& f) {
  if (f.type->quarterly) {
    const base::Date on = f.draft ? f.to : *f.published;
    return f.type->title + " " + base::financial_year(on) + ", " + quarter_label(on).substr(0, 2) + " version" +
           (f.number > 1 ? " (the " + ordinal(f.number) + " this year)" : "");
  }
  if (!f.committee_title.empty()) return "The " + ordinal(f.number) + " regular report to the " + f.committee_title;
  return "The " + ordinal(f.number) + " " + f.type->title;
}

/// The report's own markup before its body (Draft banner, print cover,
/// corrections): what it reads of the report and its snapshot.
HeaderInput header_input(const Options& options, const content::Page& page, const Found& f) {
  HeaderInput h;
  h.title = page.meta.title;
  h.organisation = options.organisation;
  h.owner = page.meta.owner;
  h.cycle = f.cycle ? f.cycle->title() : publication_line(f);
  h.period = f.from.human() + " to " + (f.draft ? f.to.human() + " (so far)" : f.to.human());
  h.published = f.draft ? "" : f.published->iso();
  h.draft = f.draft;
  if (f.shown.contains("corrections")) h.corrections = &f.shown["corrections"];
  if (f.shown.contains("blocks") && f.shown["blocks"].contains("breakdown"))
    h.breakdown = &f.shown["blocks"]["breakdown"];
  h.figures = &options.figures;
  h.cycle_id = f.cycle ? f.cycle->id : std::string();
  if (f.type) {
    h.decision = decision_words(f.fields.decision);
    h.contact = f.fields.contact;
  }
  if (!f.draft && f.shown.contains("approval")) h.approval = &f.shown["approval"];
  if (f.type && f.type->quarterly) {
    if (f.shown.contains("changed_since")) h.changed_since = &f.shown["changed_since"];
    for (const auto* s : f.earlier) {
      const std::string on = s->doc.value("published", "");
      const auto d = base::Date::parse(on);
      h.versions.push_back({d ? quarter_label(*d) : on, on});
    }
    if (f.shown.contains("blocks") && f.shown["blocks"].contains("evidence"))
      h.evidence_csv_url = page.url + "evidence.csv";
    const SelfEvaluation& se = f.self_evaluation;
    if (se.appendix_shown) {
      h.appendix_title = se.appendix_title;
      h.appendix_url = se.appendix_url;
      h.appendix_marking = se.appendix_marking;
    }
    h.appendix_withheld = !se.appendix.empty() && !se.appendix_shown && options.withheld.has_page(se.appendix);
  }
  if (!f.draft) h.early = f.shown.value("early", "");
  return h;
}

/// A withdrawn report's page: its body gone, a notice of the withdrawal (date
/// and reason) in its place, so the URL still answers; out of every listing.
void withdraw_page(const Options& options, content::Page& page, const json& withdrawn, diag::Diagnostics& diags) {
  const std::string date = withdrawn.value("date", "");
  const json view = {{"title", page.meta.title},
                     {"date", date},
                     {"date_human", human_date(date)},
                     {"reason", withdrawn.value("reason", "")}};
  page.doc = markdown::Document::parse("", 0, markdown::Options{});  // a tree, so the notice renders
  page.doc.prepend_html(options.templates->render("report/withdrawn", view, diags));
  page.withdrawn = true;
  page.placeholders.clear();  // nothing of its text is published
}

/// What a figure with no value is "for": the cycle's title, or the publication's.
std::string title_of(const Found& f, const content::Page& page) { return f.cycle ? f.cycle->title() : page.meta.title; }

/// Resolves every page's shortcodes on its tree, a report's with its own
/// data, and puts each report's header before its body. A report whose
/// snapshot is in error is left alone (its figures would only repeat that
/// error), as is a draft left out, and, while a cycle is broken, any other
/// page using cycle shortcodes.
void resolve_pages(const Options& options, content::ContentSet& content, const std::vector<Found>& found,
                   const std::vector<ListedReport>& listed, const std::vector<ListedPublication>& publications,
                   diag::Diagnostics& diags) {
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
    const Found* f = r == report_at.end() ? nullptr : r->second;
    if (f && f->draft && !options.drafts) continue;
    if (!f && !options.broken_cycles.empty() && uses_cycle_shortcodes(page)) continue;
    if (f && f->withdrawn) {
      withdraw_page(options, page, f->shown["withdrawn"], diags);
      continue;
    }
    PageContext ctx{*options.templates,          listed,           f ? &f->shown : nullptr,
                    f ? title_of(*f, page) : "", &options.figures, options.briefs};
    ctx.publications = &publications;
    if (f && f->type) ctx.placements = &f->placements;
    resolve_page(page, ctx, diags);
    if (!f) continue;
    page.doc.prepend_html(report_header(*options.templates, header_input(options, page, *f), diags));
    if (f->draft) page.meta.draft = true;
  }
}

/// Leaves draft reports out of the build unless --drafts; how many, for the
/// summary line.
size_t drop_drafts(const Options& options, content::ContentSet& content, const std::vector<Found>& found) {
  std::set<size_t> drop;
  for (const Found& f : found)
    if (f.draft && !options.drafts) drop.insert(f.page);
  content::drop_pages(content, drop);
  return drop.size();
}

/// A quarterly publication's earlier versions: the snapshots of its page
/// published before this version (each claimed, so none is reported as
/// unclaimed), oldest first; this version's number counts them.
void find_versions(const content::Page& page, Found& f, std::map<std::string, Snapshot>& snapshots) {
  const std::string on = f.published.value_or(base::Date{}).iso();
  for (auto& [id, s] : snapshots) {
    if (id == f.id || s.broken || !s.doc.is_object() || s.doc.value("report", "") != page.source) continue;
    if (f.published && s.doc.value("published", "") < on) {
      s.claimed = true;
      f.earlier.push_back(&s);
    }
  }
  std::sort(f.earlier.begin(), f.earlier.end(), [](const Snapshot* a, const Snapshot* b) {
    return a->doc.value("published", "") < b->doc.value("published", "");
  });
  f.number = static_cast<long>(f.earlier.size()) + 1;
}

/// "Changed since the last quarter": what differs from the previous
/// version. A published version keeps what it said when it was published
/// (in its snapshot); the version being published or corrected, and a draft,
/// say it from today's.
void add_changed_since(const Options& options, const content::Page& page, Found& f) {
  if (!f.shown.is_object() || f.withdrawn) return;
  PublishRequest* req = options.publish && options.publish->report == page.source ? options.publish : nullptr;
  if (!req && !f.draft && f.shown.contains("changed_since")) return;
  const json changes = changed_since(f.earlier.back()->doc, f.shown);
  f.shown["changed_since"] = changes;
  if (req && req->snapshot.is_object()) req->snapshot["changed_since"] = changes;
}

/// A schedule entry that names the publication type or scorecard that
/// fulfils it (`fulfilled_by`) is owed one publication each frequency
/// period: a notice when the latest published (one reporting that
/// scorecard, for a scorecard) is older than a period before --as-of, or
/// there is none.
void check_schedules(const records::Records& records, const std::vector<ListedPublication>& publications,
                     base::Date as_of, diag::Diagnostics& diags) {
  for (const auto& [id, s] : records.schedules) {
    if (s.fulfilled_by.empty()) continue;
    std::string latest;
    for (const ListedPublication& p : publications)
      if (p.type == s.fulfilled_by || p.scorecard == s.fulfilled_by) latest = std::max(latest, p.published);
    auto last = base::Date::parse(latest);
    const std::optional<base::Date> due = last ? records::add_period(*last, s.frequency.period) : std::nullopt;
    if (last && due && as_of <= *due) continue;
    diags.notice(s.src.at("/fulfilled_by"),
                 "scheduled report \"" + s.name + "\" (" + s.frequency.wording + ") has " +
                     (last ? "had no publication of " + s.fulfilled_by + " since " + last->human() +
                                 (due ? "; the next was due by " + due->human() : std::string())
                           : std::string("no publication of ") + s.fulfilled_by + " yet"));
  }
}

}  // namespace

Result apply_reports(const Options& options, content::ContentSet& content, const records::Records& records,
                     diag::Diagnostics& diags) {
  const records::Relations relations(records);
  std::vector<Found> found = find_reports(options, content, records, relations, diags);
  number_publications(options, found, diags);
  std::map<std::string, Snapshot> snapshots = load_snapshots(options, diags);
  const std::vector<PageChanges> pages = other_pages(content, found);
  std::vector<ListedReport> listed;
  std::vector<ListedPublication> publications;
  for (size_t i = 0; i < found.size(); ++i) {
    Found& f = found[i];
    if (f.cycle) set_period(found, i, options.as_of);  // a publication's was set with its number
    Input in{records, relations, f.from, f.to, {f.cycle}, pages, options.briefs};
    if (!f.cycle) {  // a publication's blocks cover the cycles its period overlaps
      in.cycles.clear();
      for (const records::Cycle* c : relations.cycles_in_order)
        if (c->start() <= f.to && f.from <= c->end()) in.cycles.push_back(c);
    }
    if (f.type && f.type->quarterly) {
      in.self_evaluation = &f.self_evaluation;
      find_versions(content.pages[f.page], f, snapshots);
      check_self_evaluation_period(content.pages[f.page], f.self_evaluation, content, records, f.from, f.to, diags);
    }
    f.shown = shown_of(options, in, content.pages[f.page], f, snapshots, diags);
    f.withdrawn = !f.draft && f.shown.is_object() && f.shown.contains("withdrawn");
    if (!f.earlier.empty()) add_changed_since(options, content.pages[f.page], f);
    if (f.shown.is_null() || f.draft || f.withdrawn) continue;
    const content::Page& page = content.pages[f.page];
    if (f.cycle)
      listed.push_back(listed_of(page, f));
    else
      publications.push_back({f.type->id, f.fields.series, page.meta.title, page.url, f.committee_title,
                              f.fields.decision, f.fields.scorecard, f.number, f.from.iso(), f.to.iso(),
                              f.published->iso()});
  }
  std::stable_sort(publications.begin(), publications.end(),
                   [](const ListedPublication& a, const ListedPublication& b) { return a.published < b.published; });
  check_unclaimed(options, snapshots, diags);
  check_schedules(records, publications, options.as_of, diags);
  resolve_pages(options, content, found, listed, publications, diags);
  std::set<std::string> draft_reports;
  for (const Found& f : found)
    if (f.draft) draft_reports.insert(content.pages[f.page].source);
  const size_t dropped = drop_drafts(options, content, found);
  Publishing publishing;
  if (options.publish && options.publish->found && !options.publish->withdrawing && !options.publish->correcting) {
    publishing.report = &options.publish->report;
    publishing.snapshot = &options.publish->snapshot;
  }
  report_placeholders(content, records, draft_reports, publishing, diags);
  Result result{dropped, {}};
  for (const Found& f : found) {
    if (f.source.empty() || !f.shown.is_object() || f.withdrawn || (f.draft && !options.drafts) ||
        !f.shown.contains("blocks") || !f.shown["blocks"].contains("evidence"))
      continue;
    const std::string& page_url = f.page_url;
    if (page_url.size() < 2 || page_url.back() != '/') continue;
    result.files[page_url.substr(1) + "evidence.csv"] = evidence_csv(f.shown["blocks"]["evidence"], options.url_prefix);
  }
  return result;
}

}  // namespace qahub::report
