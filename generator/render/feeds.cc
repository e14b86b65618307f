#include "render/feeds.h"

#include <algorithm>
#include <tuple>

#include "base/text.h"
#include "base/uuid.h"

namespace qahub::render {

std::string absolute_url(const config::SiteConfig& config, const std::string& url) {
  return config.origin() + config.base_path() + url.substr(1);
}

namespace {

/// Appends escaped XML text with the characters XML 1.0 forbids removed.
/// Content front matter was cleaned (and warned about) when read; this keeps
/// record titles from data files from breaking the feed too. No copy when
/// nothing is illegal (the amendments feed has 20,000 entries at 10k pages).
void append_xml_text(std::string& out, std::string_view text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return base::is_xml_illegal(static_cast<unsigned char>(c)); }))
    base::append_html_escaped(out, base::strip_xml_illegal(text));
  else
    base::append_html_escaped(out, text);
}

std::string xml_text(std::string_view text) {
  std::string out;
  append_xml_text(out, text);
  return out;
}

/// What a feed's links and ids are made from, worked out once per feed, not per entry.
struct FeedBase {
  explicit FeedBase(const config::SiteConfig& config)
      : base_path(config.base_path()), prefix(config.origin() + base_path), host(config.host()) {}
  std::string base_path;
  std::string prefix;  ///< absolute_url() of "/x" is prefix + "x"
  std::string host;
};

/// An entry's id: a tag: URI on a site with a host, else a name-based UUID.
std::string id_for(const FeedBase& feed, const std::string& url, const base::Date& date, const std::string& fragment) {
  const std::string path = feed.base_path + url.substr(1) + "#" + fragment;
  if (!feed.host.empty()) return "tag:" + feed.host + "," + date.iso() + ":" + path;
  return "urn:uuid:" + base::uuid_v5(base::kUrlNamespace, path);
}

}  // namespace

std::string change_fragment(const base::Date& date, size_t k) {
  return "change-" + date.iso() + "-" + std::to_string(k);
}

std::string entry_id(const config::SiteConfig& config, const std::string& url, const base::Date& date, size_t k) {
  return id_for(FeedBase(config), url, date, change_fragment(date, k));
}

std::string publication_entry_id(const config::SiteConfig& config, const std::string& url, const base::Date& date) {
  return id_for(FeedBase(config), url, date, "published");
}

std::string feed_id(const config::SiteConfig& config, const std::string& file) {
  if (config.writes_sitemap()) return absolute_url(config, "/" + file);
  return "urn:uuid:" + base::uuid_v5(base::kUrlNamespace, config.base_path() + file);
}

std::vector<size_t> same_day_ordinals(const std::vector<frontmatter::Change>& changes) {
  std::vector<size_t> k(changes.size(), 0);
  for (size_t i = 0; i < changes.size(); ++i)
    for (size_t j = i + 1; j < changes.size(); ++j) k[i] += changes[j].date == changes[i].date;
  return k;
}

std::string render_sitemap(const model::Site& site) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const model::SitePage& p : site.pages) {
    if (!model::listed(p)) continue;
    xml += "  <url><loc>" + xml_text(absolute_url(site.config, p.url)) + "</loc>";
    if (p.last_updated) xml += "<lastmod>" + p.last_updated->iso() + "</lastmod>";
    xml += "</url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

std::string render_amendments_feed(const model::Site& site) {
  struct Entry {
    base::Date date;
    const model::SitePage* page;
    const frontmatter::Change* change;  ///< null for a report's publication
    size_t k;
  };
  std::vector<Entry> entries;
  for (const model::SitePage& p : site.pages) {
    if (!model::listed(p)) continue;
    const std::vector<size_t> k = same_day_ordinals(p.changes);
    // A publication is its own entry; a `changes` entry of the same day is
    // not repeated, though it still counts in the day's K.
    if (p.published) entries.push_back({*p.published, &p, nullptr, 0});
    for (size_t i = 0; i < p.changes.size(); ++i)
      if (!(p.published && p.changes[i].date == *p.published))
        entries.push_back({p.changes[i].date, &p, &p.changes[i], k[i]});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(b.date, a.page->title, a.page->url) < std::tie(a.date, b.page->title, b.page->url);
  });
  const std::string feed_url = absolute_url(site.config, "/amendments.xml");
  std::string updated = entries.empty() ? site.as_of.iso() : entries.front().date.iso();
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <title>" + xml_text(site.config.title) + ": amendments</title>\n";
  xml += "  <id>" + xml_text(feed_id(site.config)) + "</id>\n";
  xml += "  <link rel=\"self\" href=\"" + base::html_escape(feed_url) + "\"/>\n";
  xml += "  <link href=\"" + base::html_escape(absolute_url(site.config, "/amendments/")) + "\"/>\n";
  xml += "  <updated>" + updated + "T00:00:00Z</updated>\n";
  xml += "  <author><name>" + xml_text(site.config.organisation) + "</name></author>\n";
  const FeedBase feed(site.config);
  for (const Entry& e : entries) {
    xml += "  <entry>\n    <title>";
    append_xml_text(xml, e.page->title);
    xml += ": ";
    append_xml_text(xml, e.change ? std::string_view(e.change->summary) : "published");
    xml += "</title>\n    <id>";
    append_xml_text(xml, id_for(feed, e.page->url, e.date, e.change ? change_fragment(e.date, e.k) : "published"));
    xml += "</id>\n    <link href=\"";
    base::append_html_escaped(xml, feed.prefix + e.page->url.substr(1));
    xml += "\"/>\n    <updated>";
    xml += e.date.iso();
    xml += "T00:00:00Z</updated>\n    <summary>";
    if (e.change)
      append_xml_text(xml, e.change->summary);
    else
      append_xml_text(xml, "Published on " + e.date.human() + ".");
    xml += "</summary>\n  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

bool has_briefs(const model::Site& site) {
  return std::any_of(site.pages.begin(), site.pages.end(), [](const model::SitePage& p) { return p.type == "brief"; });
}

std::string render_briefs_feed(const model::Site& site) {
  std::vector<const model::SitePage*> briefs;
  for (const model::SitePage& p : site.pages)
    if (p.type == "brief" && model::listed(p) && p.published) briefs.push_back(&p);
  std::stable_sort(briefs.begin(), briefs.end(), [](const model::SitePage* a, const model::SitePage* b) {
    return std::tie(*b->published, a->title, a->url) < std::tie(*a->published, b->title, b->url);
  });
  const std::string updated = briefs.empty() ? site.as_of.iso() : briefs.front()->published->iso();
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <title>" + xml_text(site.config.title) + ": learning briefs</title>\n";
  xml += "  <id>" + xml_text(feed_id(site.config, "briefs.xml")) + "</id>\n";
  xml += "  <link rel=\"self\" href=\"" + base::html_escape(absolute_url(site.config, "/briefs.xml")) + "\"/>\n";
  if (site.find("/briefs/"))
    xml += "  <link href=\"" + base::html_escape(absolute_url(site.config, "/briefs/")) + "\"/>\n";
  xml += "  <updated>" + updated + "T00:00:00Z</updated>\n";
  xml += "  <author><name>" + xml_text(site.config.organisation) + "</name></author>\n";
  for (const model::SitePage* p : briefs) {
    xml += "  <entry>\n";
    xml += "    <title>" + xml_text(p->title) + "</title>\n";
    xml += "    <id>" + xml_text(publication_entry_id(site.config, p->url, *p->published)) + "</id>\n";
    xml += "    <link href=\"" + base::html_escape(absolute_url(site.config, p->url)) + "\"/>\n";
    xml += "    <published>" + p->published->iso() + "T00:00:00Z</published>\n";
    xml += "    <updated>" + p->published->iso() + "T00:00:00Z</updated>\n";
    const std::string summary = p->description.empty() ? "Published on " + p->published->human() + "." : p->description;
    xml += "    <summary>" + xml_text(summary) + "</summary>\n";
    for (const std::string& tag : p->tags) xml += "    <category term=\"" + xml_text(tag) + "\"/>\n";
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

}  // namespace qahub::render
