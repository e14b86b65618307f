#pragma once
/// Machine-readable outputs: `sitemap.xml` and the Atom feed of amendments
/// (`amendments.xml`). Dates come from front matter, never the clock, so
/// both are byte-stable.
#include <string>

#include "model/site.h"

namespace qahub::render {

/// The absolute URL of a page: base_url's scheme and host, then the path.
std::string absolute_url(const config::SiteConfig& config, const std::string& url);

std::string render_sitemap(const model::Site& site);
std::string render_amendments_feed(const model::Site& site);

}  // namespace qahub::render
