#include "record_pages/record_pages.h"

#include <algorithm>

#include "base/parallel.h"
#include "markdown/html_text.h"
#include "record_pages/kinds.h"
#include "record_pages/pages.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

namespace {

constexpr std::string_view kPlaceholder = "<!--qahub:narrative:";

std::string placeholder(size_t index) { return std::string(kPlaceholder) + std::to_string(index) + "-->"; }

/// The narratives a body shows, in order, from its placeholders.
std::vector<size_t> narratives_in(const std::string& body) {
  std::vector<size_t> out;
  for (size_t at = 0; (at = body.find(kPlaceholder, at)) != std::string::npos;) {
    at += kPlaceholder.size();
    out.push_back(std::stoul(body.substr(at, body.find('-', at) - at)));
  }
  return out;
}

/// The narrative's HTML on its page: headings one level down, so it sits
/// under the page's own h2, and ids prefixed ("minutes-…"), so "## Actions"
/// in minutes cannot clash with the page's own id="actions".
markdown::RenderOptions on_page(const records::Narrative& n) { return {1, n.id_prefix + "-"}; }

}  // namespace

std::string narrative_placeholder(const std::optional<size_t>& index) { return index ? placeholder(*index) : ""; }

RecordPage make_page(std::string url, std::string source, std::string title, std::string description,
                     std::string section, std::string body_html, std::vector<std::string> tags) {
  RecordPage p;
  p.url = std::move(url);
  p.source = std::move(source);
  p.title = std::move(title);
  p.description = std::move(description);
  p.section = std::move(section);
  p.body_html = std::move(body_html);
  p.tags = std::move(tags);
  return p;
}

RecordPages build_pages(const PagesInput& input, diag::Diagnostics& diags) {
  RecordPages out;
  if (!input.records) return out;  // a site without data/ is a plain guidance site: no empty record sections
  // Pages, kind by kind, then the pages across kinds.
  Context ctx(input, diags);
  for (const RecordKind& kind : *input.kinds) {
    if (kind.pages) kind.pages(ctx, out);
    // A kind's nav entry only once its section page exists (no empty sections in a new hub).
    const std::string section = kind.section_url();
    const bool has_section =
        std::any_of(out.pages.begin(), out.pages.end(), [&](const RecordPage& p) { return p.url == section; });
    if (!kind.nav.title.empty() && (has_section || !kind.pages))
      out.nav.push_back({section, std::string(kind.nav.title), kind.nav.weight});
  }
  add_trends_page(ctx, out);
  out.files["actions/actions.csv"] = actions_csv(ctx);

  out.nav.push_back({urls::kTrends, "Trends", 160});  // across kinds
  std::stable_sort(out.nav.begin(), out.nav.end(),
                   [](const NavEntry& a, const NavEntry& b) { return a.weight < b.weight; });

  // Backlinks: content pages that records name.
  for (const auto& [source, links] : ctx.backlinks) {
    const std::string u = ctx.content_url(source);
    if (u.empty()) continue;
    for (const records::Backlink& b : links) {
      if (b.kind == "cycle")
        out.backlinks[u].push_back({urls::cycle(b.id), "Audit cycle: " + ctx.records.cycles.at(b.id).title()});
      else
        out.backlinks[u].push_back({urls::forum(b.id), ctx.records.forums.at(b.id).name});
    }
  }

  // The ids each page carries, for the links pass: the body's own, and its narratives' headings.
  for (RecordPage& p : out.pages) {
    p.narratives = narratives_in(p.body_html);
    p.ids = markdown::element_ids(p.body_html);
    for (size_t n : p.narratives) {
      const records::Narrative& narrative = ctx.records.narratives[n];
      for (const markdown::Heading& h : narrative.doc.headings()) p.ids.insert(on_page(narrative).id_prefix + h.id);
    }
  }
  return out;
}

void finish_bodies(std::vector<RecordPage>& pages, const std::vector<records::Narrative>& narratives, int jobs) {
  base::parallel_for(pages.size(), jobs, [&](size_t i) {
    RecordPage& p = pages[i];
    for (size_t n : p.narratives) {
      const std::string mark = placeholder(n);
      if (size_t at = p.body_html.find(mark); at != std::string::npos)
        p.body_html.replace(at, mark.size(), narratives[n].doc.render_html(on_page(narratives[n])));
    }
    markdown::Outline outline = markdown::outline(p.body_html);
    p.toc = std::move(outline.toc);
    p.search_sections = std::move(outline.sections);
  });
}

}  // namespace qahub::record_pages
