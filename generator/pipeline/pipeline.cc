#include "pipeline/pipeline.h"

#include <chrono>
#include <mutex>
#include <thread>

#include "content/pages.h"
#include "fs/staged_output.h"
#include "model/links.h"
#include "model/site.h"
#include "records/records.h"
#include "render/render_site.h"
#include "render/site_pages.h"
#include "search/search.h"
#include "templating/templates.h"
#include "theme/theme.h"

namespace qahub::pipeline {

std::filesystem::path output_dir(const config::BuildOptions& options) {
  return options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
}

namespace {

model::LinkTargets link_targets(const content::ContentSet& content, const records::RecordsResult& records,
                                const theme::Theme& theme, const std::vector<std::string>& generated) {
  model::LinkTargets t;
  for (const content::Page& p : content.pages) {
    std::set<std::string>& ids = t.pages[p.url];
    for (const markdown::Heading& h : p.doc.headings()) ids.insert(h.id);
    t.anchors_known.insert(p.url);
    t.source_to_url[p.source] = p.url;
  }
  for (const records::RecordPage& r : records.pages) {
    std::set<std::string>& ids = t.pages[r.url];
    for (const markdown::Heading& h : r.toc) ids.insert(h.id);
  }
  for (const std::string& url : generated) t.pages[url];
  t.pages["/"];
  for (const content::Asset& a : content.assets) t.files.insert(a.url);
  for (const auto& [path, _] : records.files) t.files.insert("/" + path);
  for (const auto& [path, _] : theme.assets()) t.files.insert("/" + path);
  for (const char* f : {"/sitemap.xml", "/amendments.xml", "/404.html"}) t.files.insert(f);
  return t;
}

/// The generated pages' URLs (they depend only on the tags, known before make_site).
std::vector<std::string> generated_urls(const content::ContentSet& content, const records::RecordsResult& records) {
  model::Site probe;
  for (const content::Page& p : content.pages)
    for (const std::string& t : p.meta.tags) probe.tags[t];
  for (const records::RecordPage& r : records.pages)
    for (const std::string& t : r.tags) probe.tags[t];
  return render::generated_page_urls(probe);
}

/// What a record narrative may link to while the records are still being
/// read: content, theme and generated pages, and the record pages planned
/// from data/ file names (records::planned_urls).
model::LinkTargets narrative_link_targets(const content::ContentSet& content, const theme::Theme& theme,
                                          const std::filesystem::path& site_dir) {
  const records::RecordsResult none;
  model::LinkTargets t = link_targets(content, none, theme, generated_urls(content, none));
  const records::PlannedUrls planned = records::planned_urls(site_dir);
  for (const std::string& url : planned.pages) t.pages[url];
  for (const std::string& file : planned.files) t.files.insert(file);
  return t;
}

/// Wall time per pass, for `--timings`.
class PassClock {
 public:
  explicit PassClock(BuildStats* stats) : stats_(stats) {}
  /// Ends the pass running since the last call (or since construction).
  void pass(const char* name) {
    const auto now = std::chrono::steady_clock::now();
    if (stats_) stats_->timings.emplace_back(name, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  BuildStats* stats_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

std::vector<search::SearchPage> search_pages(const model::Site& site) {
  std::vector<search::SearchPage> out;
  for (const model::SitePage& p : site.pages) {
    search::SearchPage s;
    s.url = p.url;
    s.title = p.title;
    if (const model::SitePage* section = site.find(p.section_url)) s.section = section->title;
    s.description = p.description;
    s.tags = p.tags;
    s.sections = p.search_sections;
    out.push_back(std::move(s));
  }
  return out;
}

void add_anchor_links(BuildState& state, const content::Page& page) {
  for (const markdown::Link& link : page.doc.links())
    if (const size_t hash = link.url.find('#'); hash != std::string::npos && hash > 0 && link.url[0] == '/')
      state.anchor_referrers[link.url.substr(0, hash)].insert(page.source);
}

std::vector<std::string> heading_ids(const content::Page& page) {
  std::vector<std::string> ids;
  for (const markdown::Heading& h : page.doc.headings()) ids.push_back(h.id);
  return ids;
}

bool build_site(const config::BuildOptions& options, diag::Diagnostics& diags, BuildStats* stats, BuildState* keep) {
  diags.set_strict(options.strict);
  PassClock clock(stats);
  const std::filesystem::path out_dir = output_dir(options);
  std::error_code ec;
  if (std::filesystem::equivalent(out_dir, options.site_dir, ec)) {
    diags.error({}, "the output directory must not be the site directory");
    return false;
  }

  // Site settings and the theme (embedded default, overridden by the site's themes/).
  config::SiteConfig config = config::load_site_config(options.site_dir, diags);
  auto theme = std::make_unique<theme::Theme>(theme::Theme::load(options.site_dir, config.theme, diags));
  auto templates = std::make_unique<templating::Templates>(*theme);

  // Read and parse every content page once; front matter positions stay file-relative.
  content::LoadOptions load;
  load.drafts = options.drafts;
  load.markdown.raw_html = config.raw_html;
  load.allow_personal_data = config.allow_personal_data;
  load.jobs = options.jobs;
  content::ContentSet content = content::load_content(options.site_dir, load, diags);
  clock.pass("load");

  // Records: load data/*.json, validate against schemas, cross-reference, make record pages.
  std::map<std::string, std::string> url_of_source;
  for (const content::Page& p : content.pages) url_of_source[p.source] = p.url;
  records::RecordsInput rin;
  rin.site_dir = options.site_dir;
  rin.as_of = options.as_of;
  rin.markdown = load.markdown;
  rin.url_for_content = [&](const std::string& source) {
    auto it = url_of_source.find(source);
    return it == url_of_source.end() ? std::string() : it->second;
  };
  rin.allow_personal_data = config.allow_personal_data;
  rin.templates = templates.get();
  // Narratives (minutes, terms of reference, audit summaries) are link-checked
  // as records read them.
  const model::LinkTargets narrative_targets = narrative_link_targets(content, *theme, options.site_dir);
  const model::LinkResolver narrative_links(narrative_targets);
  std::set<std::string> narrative_anchor_targets;
  std::mutex narrative_mutex;
  rin.resolve_links = [&](markdown::Document& doc, const std::string& source, const std::string& page_url) {
    narrative_links.resolve(doc, source, page_url, page_url, diags);
    std::lock_guard<std::mutex> lock(narrative_mutex);
    for (const markdown::Link& link : doc.links())
      if (const size_t hash = link.url.find('#'); hash != std::string::npos && hash > 0)
        narrative_anchor_targets.insert(link.url.substr(0, hash));
  };
  records::RecordsResult records = records::build_records(rin, diags);
  clock.pass("records");

  // Check every internal link and anchor, rewriting them to site URLs.
  model::LinkTargets targets = link_targets(content, records, *theme, generated_urls(content, records));
  model::resolve_links(content, targets, diags);
  BuildState kept;
  if (keep) {
    for (const content::Page& p : content.pages) {
      kept.sources[p.source] = {p.head, heading_ids(p)};
      add_anchor_links(kept, p);
    }
    kept.narrative_anchor_targets = std::move(narrative_anchor_targets);
  }
  clock.pass("links");

  // The read-only site model, then every output file.
  const size_t content_pages = content.pages.size();
  const size_t record_pages = records.pages.size();
  auto site = std::make_unique<model::Site>(
      model::make_site(config, options.as_of, std::move(content), std::move(records), diags, options.jobs));
  render::RenderOptions ropt;
  ropt.style.relative = options.relative_urls;
  ropt.style.base_path = config.base_path();
  ropt.live_reload = options.live_reload;
  ropt.jobs = options.jobs;
  ropt.site_dir = options.site_dir;

  // Search (lunr index, document store, the cache `qahub search` indexes)
  // reads only the Site, so with --jobs > 1 it runs beside rendering. Its
  // cache is staged and installed only once the output is in place: a failed
  // build touches nothing.
  search::SearchBuildOptions sopt;
  sopt.site_dir = options.site_dir;
  sopt.cache_dir = options.site_dir / ".qahub";
  sopt.search_corpus = options.search_corpus;
  sopt.write_cache = options.write;
  sopt.jobs = options.jobs;
  sopt.script_index = options.relative_urls;
  base::OutputFiles search_out;
  search::StagedSearchCache search_cache;
  const std::vector<search::SearchPage> indexed = search_pages(*site);
  clock.pass("site");
  double search_ms = 0;
  auto run_search = [&] {
    const auto start = std::chrono::steady_clock::now();
    search::build_search(indexed, sopt, search_out, diags, &search_cache);
    search_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  std::thread search_thread;
  if (options.jobs > 1) search_thread = std::thread(run_search);
  auto renderer = std::make_unique<render::PageRenderer>(*site, *templates, ropt, diags);
  base::OutputFiles out = render::render_site(*site, *templates, *theme, ropt, diags, renderer.get());
  clock.pass("render");
  if (search_thread.joinable())
    search_thread.join();
  else if (!diags.has_errors())
    run_search();
  clock.pass(options.jobs > 1 ? "search (wait)" : "search");
  if (stats && options.jobs > 1) stats->timings.emplace_back("search (beside render)", search_ms);
  if (diags.has_errors()) return false;
  out.merge(search_out);

  if (stats) {
    stats->content_pages = content_pages;
    stats->record_pages = record_pages;
    stats->output_files = out.size();
    for (const auto& [_, bytes] : out) stats->output_bytes += bytes.size();
  }
  if (!options.write) return true;
  // All or nothing: write beside the output directory, then swap it into place;
  // the search cache in .qahub/ follows only a successful write.
  if (!fs::write_output_tree(out_dir, out, options.jobs, diags)) return false;
  const bool installed = search_cache.install(diags);
  clock.pass("write");
  if (installed && keep) {
    kept.options = options;
    kept.load = load;
    kept.theme = std::move(theme);
    kept.templates = std::move(templates);
    kept.site = std::move(site);
    kept.renderer = std::move(renderer);
    kept.targets = std::move(targets);
    *keep = std::move(kept);
  }
  return installed;
}

}  // namespace qahub::pipeline
