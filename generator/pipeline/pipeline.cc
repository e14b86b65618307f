#include "pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <tuple>

#include "base/parallel.h"

#include "briefs/briefs.h"
#include "briefs/list.h"
#include "content/pages.h"
#include "fs/output_dir.h"
#include "fs/staged_output.h"
#include "marking/marking.h"
#include "model/links.h"
#include "model/site.h"
#include "record_pages/kinds.h"
#include "record_pages/record_pages.h"
#include "records/records.h"
#include "render/render_site.h"
#include "render/site_pages.h"
#include "report/report.h"
#include "search/search.h"
#include "search/synonyms.h"
#include "templating/templates.h"
#include "theme/theme.h"

namespace qahub::pipeline {

std::filesystem::path output_dir(const config::BuildOptions& options) {
  return options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
}

namespace {

/// Wall time of one pass, for `--timings`: from construction to destruction.
class Pass {
 public:
  Pass(BuildStats* stats, const char* name) : stats_(stats), name_(name) {}
  ~Pass() {
    if (stats_) stats_->timings.emplace_back(name_, ms());
  }
  double ms() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  BuildStats* stats_;
  const char* name_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// What one build hands from pass to pass. The heap-held parts keep their
/// addresses when moved into a BuildState (the renderer refers to the site
/// and the templates, the templates to the theme).
struct Build {
  config::SiteConfig config;
  std::unique_ptr<theme::Theme> theme;
  std::unique_ptr<templating::Templates> templates;
  content::LoadOptions load;
  content::ContentSet content;
  records::Loaded data;
  record_pages::PagesInput pages_input;  ///< what the record pages were built from
  record_pages::RecordPages record_pages;
  search::SynonymTable synonyms;
  model::LinkTargets targets;
  std::unique_ptr<model::Site> site;
  std::unique_ptr<render::PageRenderer> renderer;
  base::OutputFiles out, search_out;
  /// The staging folder pages are written into as they are rendered
  /// (nullptr: everything waits in `out` for the write pass).
  std::unique_ptr<fs::StagingArea> staged;
  search::StagedSearchCache search_cache;
  bool cache_ok = true;  ///< false: the cache folder cannot be written (warned once); build without it
  report::Result reports;
  briefs::Result briefs;
  marking::Withheld withheld;
  std::vector<model::Claim> reserved;  ///< what qahub itself writes (render::reserved_claims)
  /// The kinds table every walk over records follows (record_pages/kinds.h).
  const std::vector<record_pages::RecordKind>* kinds = &record_pages::record_kinds();
};

// config and theme: qahub.yaml, the theme (embedded default, overridden by
// the site's themes/), the templates.
void load_config(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags) {
  b.config = config::load_site_config(options, diags);
  b.theme = std::make_unique<theme::Theme>(theme::Theme::load(options.site_dir, b.config.theme, diags));
  b.templates = std::make_unique<templating::Templates>(*b.theme, b.config.params);
  b.load.drafts = options.drafts;
  b.load.markdown.raw_html = b.config.raw_html;
  b.load.personal_data = b.config.personal_data;
  b.load.checked_attachments = b.config.checked_attachments;
  b.load.jobs = options.jobs;
}

// content: every content page read and parsed once.
void load_pages(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags) {
  b.content = content::load_content(options.site_dir, b.load, diags);
}

// records: every kind of the kinds table loaded, typed and cross-checked.
void load_records(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags) {
  std::vector<records::DataKind> data;
  for (const record_pages::RecordKind& k : *b.kinds) data.push_back(k.data);
  records::LoadInput in{options.site_dir,       options.as_of, b.load.markdown, b.config.personal_data, {}, data,
                        b.config.bank_holidays, b.config.risks};
  for (const content::Page& p : b.content.pages) in.content_sources.insert(p.source);
  b.data = records::load(in, diags);
  b.data.records.min_cell = b.config.disclosure.min_cell;  // no survey share below it, anywhere
  if (!b.data.records.synonyms_json.empty())
    b.synonyms = search::SynonymTable::parse(b.data.records.synonyms_json, "data/search/synonyms.json", diags);
}

// marking: each page's and record's marking decided, public → sensitive
// references checked, then sensitive items out of the model (unless
// --include-sensitive) before any list or index is built.
void decide_marking(Build& b, diag::Diagnostics& diags) {
  marking::decide(b.config.classification, b.content, b.data.records, diags, *b.kinds);
}
void check_marking(Build& b, diag::Diagnostics& diags) {
  marking::check_references(b.content, b.data.records, diags, *b.kinds);
}
void withhold(const config::BuildOptions& options, Build& b) {
  b.withheld = marking::withhold(b.content, b.data.records, options.include_sensitive, *b.kinds);
}

// briefs: learning briefs checked (a brief made from a withheld record was
// reported by marking::check_references), drafts left out.
void apply_briefs(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags) {
  records::RecordIds not_there = b.data.broken;
  for (const auto& [kind, ids] : b.withheld.records) not_there[kind].insert(ids.begin(), ids.end());
  briefs::Options bopt{options.site_dir, options.as_of, options.drafts, b.templates.get(), not_there, b.kinds};
  for (const auto& [id, type] : b.config.publications)
    if (id != config::kLearningReport) bopt.page_types.push_back(id);
  b.briefs = briefs::apply_briefs(bopt, b.content, b.data.records, diags);
}

// reports: Learning and Improvement reports (drafts left out, shortcodes
// resolved on every page's tree).
void apply_reports(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags,
                   report::PublishRequest* publish) {
  report::Options ropt{
      options.site_dir, options.as_of, options.drafts, b.config.organisation, b.templates.get(), publish, {}, {}};
  ropt.withheld = {&b.withheld.records, &b.withheld.pages};
  ropt.figures = {b.config.disclosure.min_cell, b.config.targets.moderation_rate_pm, b.config.targets.good_or_better_pm,
                  b.config.targets.independent_moderation_pm};
  if (auto broken = b.data.broken.find("cycle"); broken != b.data.broken.end()) ropt.broken_cycles = broken->second;
  ropt.broken = b.data.broken;
  ropt.url_prefix = b.config.origin() + b.config.base_path();
  ropt.url_prefix.pop_back();  // base_path() ends with '/'; a site-root URL starts with one
  ropt.briefs = &b.briefs.published;
  ropt.compare_snapshots = !diags.has_true_errors();  // nothing failed to load
  ropt.publications = &b.config.publications;
  b.reports = report::apply_reports(ropt, b.content, b.data.records, diags);
}

// record pages: every kind's pages, narratives still Markdown, each carrying
// its record's marking.
void make_record_pages(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags) {
  record_pages::PagesInput& pages = b.pages_input;
  for (const content::Page& p : b.content.pages) {
    pages.content_urls[p.source] = p.url;
    if (p.withdrawn) pages.withdrawn_content.insert(p.source);
    if (p.meta.review_by) pages.review_by[p.source] = *p.meta.review_by;
  }
  std::error_code ec;
  pages.records = std::filesystem::is_directory(options.site_dir / "data", ec) ? &b.data.records : nullptr;
  pages.as_of = options.as_of;
  pages.templates = b.templates.get();
  pages.kinds = b.kinds;
  pages.figures = {b.config.disclosure.min_cell, b.config.targets.moderation_rate_pm,
                   b.config.targets.good_or_better_pm, b.config.targets.independent_moderation_pm};
  b.record_pages = record_pages::build_pages(pages, diags);
  for (const auto& [path, bytes] : b.reports.files) b.record_pages.files[path] = bytes;  // evidence.csv
  briefs::add_to_record_pages(b.briefs, *b.templates, b.record_pages, diags, *b.kinds);
  marking::mark_record_pages(b.record_pages.pages, b.data.records, *b.kinds);
}

// links: every internal link and anchor of content pages and narratives,
// checked against every page and id the build will write, and rewritten.
void check_links(Build& b, diag::Diagnostics& diags, int jobs) {
  model::Site probe;  // the generated pages depend only on the tags
  for (const content::Page& p : b.content.pages)
    for (const std::string& t : p.meta.tags) probe.tags[t];
  for (const record_pages::RecordPage& r : b.record_pages.pages)
    for (const std::string& t : r.tags) probe.tags[t];
  std::vector<std::string> theme_files;
  for (const auto& [path, _] : b.theme->assets()) theme_files.push_back(path);
  b.targets = model::link_targets(b.content, b.record_pages, render::generated_page_urls(probe), theme_files,
                                  b.config.writes_sitemap());
  b.reserved = render::reserved_claims(probe, theme_files);
  // Sensitive pages resolve (a link to one from a public page is then an
  // error naming both); withheld pages and narratives are still checked.
  b.targets.sensitive = b.withheld.urls;
  for (const auto& [url, _] : b.withheld.urls) b.targets.pages[url];
  for (const auto& [source, url] : b.withheld.sources) b.targets.source_to_url[source] = url;
  for (const record_pages::RecordKind& k : *b.kinds)
    if (auto broken = b.data.broken.find(std::string(k.data.name)); broken != b.data.broken.end())
      for (const std::string& id : broken->second)
        if (std::string url = k.url_of(id); !url.empty()) b.targets.failed.push_back(std::move(url));
  model::resolve_links(b.content, b.targets, diags, jobs);
  model::resolve_narrative_links(b.data.records.narratives, b.record_pages.pages, b.targets, diags);
  model::resolve_links(b.withheld.content, b.targets, diags);
  const model::LinkResolver resolver(b.targets);
  for (const auto& [n, url] : b.withheld.narratives) {
    records::Narrative& narrative = b.data.records.narratives[n];
    resolver.resolve(narrative.doc, narrative.source, url, url, diags, narrative.id_prefix + "-", true);
  }
  marking::drop_unlinked_assets(b.content, b.data.records.narratives, b.withheld);
}

// site: narratives rendered into their record pages, then the read-only Site.
/// With --include-sensitive, a public record page (the action register,
/// /schedules/, a forum's meetings) shows the rows of sensitive records, and
/// search would index their words. Search reads each public record page's
/// text instead from the same page built over the records without them; a
/// public page that only sensitive records make is not indexed by its text.
/// Runs after the record pages are built and their links resolved.
void index_public_text(const config::BuildOptions& options, Build& b) {
  // Past the record pages no pass reads the records but their narratives,
  // which stay: the sensitive records can go now.
  marking::take_out_records(b.data.records, b.withheld, *b.kinds);
  record_pages::PagesInput in = b.pages_input;
  in.templates = b.templates.get();
  diag::Diagnostics ignored;  // the full build reported everything already
  record_pages::RecordPages pages = record_pages::build_pages(in, ignored);
  briefs::add_to_record_pages(b.briefs, *b.templates, pages, ignored, *b.kinds);
  record_pages::finish_bodies(pages.pages, b.data.records.narratives, options.jobs);
  std::map<std::string, std::vector<markdown::Section>> text;
  for (record_pages::RecordPage& p : pages.pages) text[p.url] = std::move(p.search_sections);
  for (record_pages::RecordPage& p : b.record_pages.pages) {
    if (p.sensitive) continue;  // never listed
    auto it = text.find(p.url);
    p.search_sections = it == text.end() ? std::vector<markdown::Section>{} : std::move(it->second);
  }
}

void make_site(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags) {
  record_pages::finish_bodies(b.record_pages.pages, b.data.records.narratives, options.jobs);
  // Sensitive parts of public records (a survey's comments) are shown too, so they count.
  bool sensitive_parts = false;
  for (const record_pages::RecordKind& k : *b.kinds)
    if (k.data.store.parts)
      k.data.store.parts(b.data.records, [&](const records::Source&, const std::vector<records::MarkedPart*>& parts) {
        for (const records::MarkedPart* p : parts) sensitive_parts = sensitive_parts || p->sensitive;
      });
  if (options.include_sensitive && (!b.withheld.records.empty() || sensitive_parts)) index_public_text(options, b);
  b.site = std::make_unique<model::Site>(model::make_site(b.config, options.as_of, std::move(b.content),
                                                          std::move(b.record_pages), b.reserved, diags, options.jobs));
}

render::RenderOptions render_options(const config::BuildOptions& options, const config::SiteConfig& config) {
  render::RenderOptions r;
  r.style.relative = options.relative_urls;
  r.style.base_path = config.base_path();
  r.live_reload = options.live_reload;
  r.jobs = options.jobs;
  r.site_dir = options.site_dir;
  return r;
}

/// The notices so far, for the review dashboard: every pass that finds one
/// has run. None about a sensitive page or record: /review/ is public.
std::vector<diag::Diagnostic> review_notices(const Build& b, const diag::Diagnostics& diags) {
  std::set<std::string> sensitive = b.withheld.pages;
  for (const auto& [url, marked] : b.withheld.urls) sensitive.insert(marked.source);
  std::vector<diag::Diagnostic> out;
  for (diag::Diagnostic& d : diags.sorted())
    if (d.severity == diag::Severity::kNotice && !sensitive.count(d.pos.path)) out.push_back(std::move(d));
  return out;
}

// render and search: every output file, and the search index, store and
// cache. Search reads only the Site, so with --jobs > 1 it runs beside
// rendering; either way both run, so the errors are the same.
void render_and_search(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags, BuildStats* stats) {
  render::RenderOptions ropt = render_options(options, b.config);
  ropt.notices = review_notices(b, diags);
  search::SearchBuildOptions sopt = search_options(options, b.synonyms);
  sopt.write_cache = sopt.write_cache && b.cache_ok;
  const std::vector<search::SearchPage> indexed = search_pages(*b.site, true);
  // Pages go to disk as they are rendered, not held until the write pass.
  if (options.write)
    if (std::vector<std::string> paths = render::streamed_paths(*b.site); !paths.empty())
      b.staged = fs::StagingArea::open(output_dir(options), paths);
  sopt.staged_output = b.staged.get();
  double render_ms = 0, search_ms = 0;
  auto render = [&] {
    Pass pass(nullptr, "render");
    b.renderer = std::make_unique<render::PageRenderer>(*b.site, *b.templates, ropt, diags);
    b.out = render::render_site(*b.site, *b.templates, *b.theme, ropt, diags, b.renderer.get(), b.staged.get());
    render_ms = pass.ms();
  };
  auto search = [&] {
    Pass pass(nullptr, "search");
    search::build_search(indexed, sopt, b.search_out, diags, &b.search_cache);
    search_ms = pass.ms();
  };
  if (options.jobs > 1) {
    // Search has serial stretches (adding terms in order, writing the index
    // JSON) and rendering has none, so search goes first when both want the
    // cores: at 10k pages the two took 3.0 s together at --jobs 2 with equal
    // shares, with search alone on one core at the end.
    base::run_beside(true, search, [&] {
      base::lower_this_thread_priority(5);
      render();
    });
  } else {
    render();
    search();
  }
  if (stats) {
    stats->timings.emplace_back("render", render_ms);
    stats->timings.emplace_back(options.jobs > 1 ? "search (beside render)" : "search", search_ms);
  }
}

// What the summary line says of the build.
void count(const config::BuildOptions& options, const Build& b, BuildStats& stats) {
  stats.content_pages = b.content.pages.size();
  stats.record_pages = b.record_pages.pages.size();
  stats.sitemap = b.config.writes_sitemap();
  stats.draft_reports = b.reports.drafts_left_out;
  stats.sensitive_left_out = 0;
  if (options.include_sensitive) return;
  stats.sensitive_left_out = b.withheld.content.pages.size();
  for (const auto& [kind, ids] : b.withheld.records) stats.sensitive_left_out += ids.size();
}

// write: all or nothing, beside the output directory, then swapped into
// place; the search cache in .qahub/ follows only a successful write.
bool write(const config::BuildOptions& options, Build& b, diag::Diagnostics& diags, BuildStats* stats) {
  // Search's files never replace a rendered one (map::merge keeps the first),
  // written already or not.
  if (b.staged)
    for (const auto& [path, _] : b.staged->written()) b.search_out.erase(path);
  b.out.merge(b.search_out);
  if (stats) {
    stats->output_files = b.out.size();
    for (const auto& [_, bytes] : b.out) stats->output_bytes += bytes.size();
    if (b.staged)
      for (const auto& [path, size] : b.staged->written())
        if (!b.out.count(path)) {
          ++stats->output_files;
          stats->output_bytes += size;
        }
  }
  if (!options.write) return true;
  Pass pass(stats, "write");
  bool replaced = false;
  const bool ok = b.staged ? fs::write_output_tree(output_dir(options), b.out, *b.staged, options.jobs, diags,
                                                   fs::system_rename, fs::system_remove, options.force, &replaced)
                           : fs::write_output_tree(output_dir(options), b.out, options.jobs, diags, fs::system_rename,
                                                   fs::system_remove, options.force, &replaced);
  if (stats) stats->output_replaced = replaced;
  return ok && b.search_cache.install(diags);
}

/// What `qahub serve` keeps of a successful build for its fast path: what
/// note_sources() read before the content moved into the Site, and the
/// build's heap-held parts.
void keep_state(const config::BuildOptions& options, Build& b, BuildState noted, BuildState& keep) {
  noted.options = options;
  noted.load = b.load;
  noted.theme = std::move(b.theme);
  noted.templates = std::move(b.templates);
  noted.site = std::move(b.site);
  noted.renderer = std::move(b.renderer);
  noted.targets = std::move(b.targets);
  keep = std::move(noted);
}

/// The parts of the state kept for serve that must be read before the
/// content moves into the Site: each page's head and headings, and who links
/// into whose anchors.
void note_sources(const Build& b, BuildState& keep) {
  bool plain = b.reports.files.empty() && b.briefs.published.empty() && b.withheld.content.pages.empty() &&
               b.withheld.records.empty();
  for (const content::Page& p : b.content.pages) {
    keep.sources[p.source] = {p.head, heading_ids(p), p.meta};
    if (!p.doc.shortcodes().empty()) keep.with_shortcodes.insert(p.source);
    if (!p.placeholders.empty()) keep.with_placeholders.insert(p.source);
    add_anchor_links(keep, p.source, p.doc);
    plain = plain && !p.withdrawn && !p.sensitive && !p.meta.has_type && !p.meta.brief && !p.meta.publication;
  }
  for (const record_pages::RecordPage& page : b.record_pages.pages)
    for (size_t i : page.narratives) {
      const records::Narrative& n = b.data.records.narratives[i];
      keep.narratives[n.source] = {page.url, n.id_prefix + "-"};
      add_anchor_links(keep, n.source, n.doc);
    }
  for (const record_pages::RecordKind& k : *b.kinds)
    if (k.data.store.references)
      k.data.store.references(b.data.records,
                              [&](const std::string&, const records::Source&, const std::vector<records::Ref>& refs) {
                                for (const records::Ref& ref : refs)
                                  if (ref.kind == "content") {
                                    keep.record_content_refs.insert(ref.id);
                                    if (ref.pointer == "/report") keep.record_reports = true;
                                  }
                              });
  keep.structure_edits = plain && keep.with_shortcodes.empty();
  keep.kinds = b.kinds;
  for (const record_pages::RecordPage& page : b.record_pages.pages) keep.record_urls.insert(page.url);
}

/// The notices in `diags`, for telling which a pass gave.
std::vector<diag::Diagnostic> notices_of(const diag::Diagnostics& diags) {
  std::vector<diag::Diagnostic> out;
  for (diag::Diagnostic& d : diags.sorted())
    if (d.severity == diag::Severity::kNotice) out.push_back(std::move(d));
  return out;
}

/// The notices in `after` that `before` had not (both sorted).
void add_new_notices(const std::vector<diag::Diagnostic>& before, const std::vector<diag::Diagnostic>& after,
                     std::vector<diag::Diagnostic>& out) {
  auto key = [](const diag::Diagnostic& d) { return std::tie(d.pos.path, d.pos.line, d.pos.col, d.message); };
  for (const diag::Diagnostic& d : after)
    if (std::none_of(before.begin(), before.end(), [&](const diag::Diagnostic& b) { return key(b) == key(d); }))
      out.push_back(d);
}

}  // namespace

std::string cache_label(const config::BuildOptions& options) {
  return options.cache_dir.empty() ? std::string(".qahub") : options.cache_dir.generic_string();
}

search::SearchBuildOptions search_options(const config::BuildOptions& options, const search::SynonymTable& synonyms) {
  search::SearchBuildOptions s;
  s.site_dir = options.site_dir;
  s.cache_dir = config::cache_dir(options);
  s.cache_label = cache_label(options);
  s.search_corpus = options.search_corpus;
  s.write_cache = options.write;
  s.jobs = options.jobs;
  s.script_index = options.relative_urls;
  s.synonyms = &synonyms;
  return s;
}

std::vector<search::SearchPage> search_pages(const model::Site& site, bool borrow_text) {
  std::vector<search::SearchPage> out;
  for (const model::SitePage& p : site.pages) {
    if (!model::listed(p)) continue;
    search::SearchPage s;
    s.url = p.url;
    s.title = p.title;
    if (const model::SitePage* section = site.find(p.section_url)) s.section = section->title;
    s.description = p.description;
    s.tags = p.tags;
    if (borrow_text)
      s.borrowed_sections = &p.search_sections;
    else
      s.sections = p.search_sections;
    // A record's id is its URL under its section ("/cycles/2026-27-cycle-1/kl1/" → "2026-27-cycle-1/kl1").
    if (p.kind == model::PageKind::kRecord && p.url.size() > p.section_url.size() &&
        p.url.compare(0, p.section_url.size(), p.section_url) == 0) {
      s.record_id = p.url.substr(p.section_url.size());
      if (s.record_id.back() == '/') s.record_id.pop_back();
    }
    out.push_back(std::move(s));
  }
  return out;
}

void add_anchor_links(BuildState& state, const std::string& source, const markdown::Document& doc) {
  for (const markdown::Link& link : doc.links()) {
    if (link.url.empty() || link.url[0] != '/') continue;
    const size_t hash = link.url.find('#');
    if (hash != std::string::npos && hash > 0) state.anchor_referrers[link.url.substr(0, hash)].insert(source);
    state.link_referrers[link.url.substr(0, hash)].insert(source);
  }
}

std::vector<std::string> heading_ids(const content::Page& page) {
  std::vector<std::string> ids;
  for (const markdown::Heading& h : page.doc.headings()) ids.push_back(h.id);
  for (const markdown::TableRow& r : page.doc.table_rows())
    if (!r.id.empty()) ids.push_back(r.id);  // glossary rows are link targets too
  return ids;
}

bool build_site(const config::BuildOptions& options, diag::Diagnostics& diags, BuildStats* stats, BuildState* keep,
                report::PublishRequest* publish, const std::vector<record_pages::RecordKind>& kinds) {
  diags.set_strict(options.strict);
  std::error_code ec;
  if (std::filesystem::equivalent(output_dir(options), options.site_dir, ec)) {
    diags.error({}, "the output directory must not be the site directory");
    return false;
  }
  Build b;
  // The one other place a build writes: its cache (SITE/.qahub or
  // --cache-dir), for `qahub search`. Optional: a read-only site still builds.
  if (options.write)
    if (std::string why = fs::cache_dir_problem(config::cache_dir(options)); !why.empty()) {
      diags.warning({cache_label(options)}, "cannot write the search cache: " + why +
                                                "; qahub search will not see this build (--cache-dir DIR keeps it "
                                                "elsewhere)");
      b.cache_ok = false;
    }
  b.kinds = &kinds;
  BuildState sources;
  // Each pass by name (--timings shows each), in order.
  auto run = [&](const char* name, auto&& pass) {
    Pass timer(stats, name);
    pass();
  };
  run("config", [&] { load_config(options, b, diags); });  // qahub.yaml, the theme, the templates
  run("content", [&] { load_pages(options, b, diags); });  // every content page parsed once
  std::vector<diag::Diagnostic> before;  // notices before a pass a record edit runs again (record_update.h)
  if (keep) before = notices_of(diags);
  run("records", [&] { load_records(options, b, diags); });  // data/: loaded, typed, cross-checked
  if (keep) add_new_notices(before, notices_of(diags), sources.record_notices);
  run("marking decide", [&] { decide_marking(b, diags); });            // each page's and record's marking
  run("marking check", [&] { check_marking(b, diags); });              // public -> sensitive is an error
  run("withhold", [&] { withhold(options, b); });                      // sensitive items out of the model
  run("briefs", [&] { apply_briefs(options, b, diags); });             // learning briefs checked
  run("reports", [&] { apply_reports(options, b, diags, publish); });  // reports and their blocks
  if (keep) before = notices_of(diags);
  run("record pages", [&] { make_record_pages(options, b, diags); });  // every kind's pages
  if (keep) add_new_notices(before, notices_of(diags), sources.record_notices);
  run("links", [&] {  // every link and anchor in content and narratives
    check_links(b, diags, options.jobs);
    if (keep) note_sources(b, sources);
  });
  if (stats) count(options, b, *stats);                // for the summary line
  run("site", [&] { make_site(options, b, diags); });  // narratives into their pages; the read-only Site
  // Checkpoint: nothing is rendered from a site with errors. Warnings that
  // --strict promotes do not stop here, so a --strict run lists every warning.
  if (diags.has_true_errors()) return false;
  if (options.before_writing && options.write)
    if (std::string why = options.before_writing(); !why.empty()) {
      diags.error({}, why);
      return false;
    }
  render_and_search(options, b, diags, stats);  // every page, the search index beside it
  if (diags.has_errors() || !write(options, b, diags, stats)) return false;
  if (keep) keep_state(options, b, std::move(sources), *keep);
  return true;
}

}  // namespace qahub::pipeline
