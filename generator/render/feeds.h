#pragma once
/// Machine-readable outputs: `sitemap.xml` and the Atom feed of amendments
/// (`amendments.xml`). Dates come from front matter, never the clock, so
/// both are byte-stable.
#include <string>
#include <vector>

#include "model/site.h"

namespace qahub::render {

/// The absolute URL of a page: base_url's scheme and host, then the path.
std::string absolute_url(const config::SiteConfig& config, const std::string& url);

/// "change-2026-11-01-0": the fragment of a page's K-th change on a date.
std::string change_fragment(const base::Date& date, size_t k);

/// The Atom id of a page's change: `tag:HOST,DATE:PATH#change-DATE-K` when
/// base_url has a host, else `urn:uuid:` and a version 5 UUID of
/// PATH#change-DATE-K. DATE is the change's own date and K counts that page's
/// changes on that date from the oldest, so adding an entry (or building on
/// another day) never changes another entry's id, as RFC 4287 §4.2.6 asks.
std::string entry_id(const config::SiteConfig& config, const std::string& url, const base::Date& date, size_t k);

/// The Atom id of a report's publication: as entry_id, with the fragment
/// `#published` and DATE the publication date.
std::string publication_entry_id(const config::SiteConfig& config, const std::string& url, const base::Date& date);

/// A feed's own id: its absolute URL, or a urn:uuid of its path
/// (`file`: "amendments.xml", "briefs.xml").
std::string feed_id(const config::SiteConfig& config, const std::string& file = "amendments.xml");

/// K for each change of a page (front matter order, newest first): how many
/// changes on the same date come after it in the list, i.e. are older.
std::vector<size_t> same_day_ordinals(const std::vector<frontmatter::Change>& changes);

/// Only for a base_url with a host: the sitemap protocol allows absolute
/// URLs only (render_site writes none otherwise).
std::string render_sitemap(const model::Site& site);
std::string render_amendments_feed(const model::Site& site);
/// True when the site has a learning brief (`type: brief`): then it gets `briefs.xml`.
bool has_briefs(const model::Site& site);
/// `briefs.xml`: one entry per published learning brief, newest first, with
/// the id of its publication (publication_entry_id), so a brief amended
/// later keeps its entry; amendments are in `amendments.xml`.
std::string render_briefs_feed(const model::Site& site);

}  // namespace qahub::render
