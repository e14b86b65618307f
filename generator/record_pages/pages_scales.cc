#include "record_pages/pages.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace {

/// The scales that get a page: every site scale, and the built-in one when
/// a cycle uses it (a site that never grades on it has no page for it).
std::vector<const Scale*> scales_with_pages(const Records& r) {
  std::vector<const Scale*> out;
  for (const auto& [id, s] : r.scales) out.push_back(&s);
  if (!r.scales.count(kDefaultScale))
    for (const auto& [id, c] : r.cycles)
      if (c.scale == kDefaultScale) {
        out.push_back(&builtin_scale());
        break;
      }
  std::sort(out.begin(), out.end(), [](const Scale* a, const Scale* b) { return a->id < b->id; });
  return out;
}

}  // namespace

/// A page per scale at /scales/<id>/, listed under /trends/ (where cycles on
/// different scales are compared) rather than a section of its own, so the
/// navigation of every other page stays as it is.
void add_scale_pages(const Context& ctx, RecordPages& out) {
  for (const Scale* s : scales_with_pages(ctx.records)) {
    json v;
    v["name"] = s->name;
    v["description"] = s->description;
    v["id"] = s->id;
    v["built_in"] = s->built_in;
    std::string applies;
    if (s->from && s->until)
      applies = "from " + s->from->human() + " until " + s->until->human();
    else if (s->from)
      applies = "from " + s->from->human();
    else if (s->until)
      applies = "until " + s->until->human();
    v["applies"] = applies;
    json levels = json::array();
    for (const ScaleLevel& l : s->levels)
      levels.push_back({{"id", l.id}, {"label", l.label}, {"meaning", l.meaning}, {"band", band_words(l.band)}});
    v["levels"] = levels;
    json cycles = json::array();
    for (const Cycle* c : ctx.cycles_in_order)
      if (c->scale == s->id) cycles.push_back({{"title", c->title()}, {"url", urls::cycle(c->id)}});
    v["cycles"] = cycles;
    out.pages.push_back(
        make_page(urls::scale(s->id), s->built_in ? "data/cycles/" : s->src.path, "Grading scale: " + s->name,
                  "The grades of the " + s->name + " scale, what each means, and the audit cycles graded on it.",
                  urls::kTrends, render(ctx, "scale", v), {"audit"}));
  }
}

}  // namespace qahub::record_pages
