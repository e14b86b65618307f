#include "render/feeds.h"

#include <algorithm>
#include <tuple>

#include "base/text.h"

namespace qahub::render {

std::string absolute_url(const config::SiteConfig& config, const std::string& url) {
  std::string origin;
  if (size_t scheme = config.base_url.find("://"); scheme != std::string::npos) {
    size_t slash = config.base_url.find('/', scheme + 3);
    origin = config.base_url.substr(0, slash);
  }
  return origin + config.base_path() + url.substr(1);
}

std::string render_sitemap(const model::Site& site) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const model::SitePage& p : site.pages) {
    xml += "  <url><loc>" + base::html_escape(absolute_url(site.config, p.url)) + "</loc>";
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
    const frontmatter::Change* change;
  };
  std::vector<Entry> entries;
  for (const model::SitePage& p : site.pages)
    for (const frontmatter::Change& c : p.changes) entries.push_back({c.date, &p, &c});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(b.date, a.page->title, a.page->url) < std::tie(a.date, b.page->title, b.page->url);
  });
  const std::string feed_url = absolute_url(site.config, "/amendments.xml");
  std::string updated = entries.empty() ? site.as_of.iso() : entries.front().date.iso();
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <title>" + base::html_escape(site.config.title) + ": amendments</title>\n";
  xml += "  <id>" + base::html_escape(feed_url) + "</id>\n";
  xml += "  <link rel=\"self\" href=\"" + base::html_escape(feed_url) + "\"/>\n";
  xml += "  <link href=\"" + base::html_escape(absolute_url(site.config, "/amendments/")) + "\"/>\n";
  xml += "  <updated>" + updated + "T00:00:00Z</updated>\n";
  xml += "  <author><name>" + base::html_escape(site.config.organisation) + "</name></author>\n";
  size_t n = 0;
  for (const Entry& e : entries) {
    const std::string link = absolute_url(site.config, e.page->url);
    xml += "  <entry>\n";
    xml += "    <title>" + base::html_escape(e.page->title + ": " + e.change->summary) + "</title>\n";
    xml += "    <id>" + base::html_escape(link) + "#change-" + e.date.iso() + "-" + std::to_string(n++) + "</id>\n";
    xml += "    <link href=\"" + base::html_escape(link) + "\"/>\n";
    xml += "    <updated>" + e.date.iso() + "T00:00:00Z</updated>\n";
    xml += "    <summary>" + base::html_escape(e.change->summary) + "</summary>\n";
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

}  // namespace qahub::render
