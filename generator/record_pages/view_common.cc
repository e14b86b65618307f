#include "record_pages/view_common.h"

#include <algorithm>

#include "base/text.h"
#include "record_pages/urls.h"
#include "records/rollup.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

Context::Context(const PagesInput& in, diag::Diagnostics& d)
    : records::Relations(*in.records), input(in), records(*in.records), diags(d) {}

std::string Context::content_url(const std::string& path) const {
  if (path.empty()) return {};
  auto it = input.content_urls.find(path);
  return it == input.content_urls.end() ? std::string() : it->second;
}

namespace {

/// Adds "has_<key>" beside every array, so templates can wrap a list in
/// <ul>…</ul> only when it has items (Mustache cannot test a list's length),
/// and turns empty strings into false, so `{{#url}}…{{/url}}` skips them
/// (kainjow treats every string as true).
void add_list_flags(json& v) {
  if (v.is_string() && v.get_ref<const std::string&>().empty()) {
    v = false;
  } else if (v.is_array()) {
    for (json& e : v) add_list_flags(e);
  } else if (v.is_object()) {
    std::vector<std::string> lists;
    for (auto& [k, e] : v.items()) {
      add_list_flags(e);
      if (e.is_array()) lists.push_back(k);
    }
    for (const std::string& k : lists) v["has_" + k] = !v[k].empty();
  }
}

}  // namespace

std::string render(const Context& ctx, const std::string& name, const json& view) {
  if (!ctx.input.templates) return {};
  json v = view;
  add_list_flags(v);
  return ctx.input.templates->render("records/" + name, v, ctx.diags);
}

std::string bar_chart_svg(const std::string& id, const std::string& title, const std::string& desc,
                          const std::vector<Bar>& bars, long max) {
  const int label_w = 190, bar_w = 260, row_h = 28, value_w = 90;
  const int width = label_w + bar_w + value_w, height = static_cast<int>(bars.size()) * row_h + 8;
  std::string s = "<svg class=\"records-chart\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                  "-desc\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) + "\" width=\"" +
                  std::to_string(width) + "\" height=\"" + std::to_string(height) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\">";
  s += "<title id=\"" + id + "-title\">" + base::html_escape(title) + "</title>";
  s += "<desc id=\"" + id + "-desc\">" + base::html_escape(desc) + "</desc>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    int y = static_cast<int>(i) * row_h + 4;
    long len = max > 0 ? b.value * bar_w / max : 0;
    if (b.value > 0 && len < 2) len = 2;
    s += "<text class=\"records-chart-label\" x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 17) +
         "\" text-anchor=\"end\">" + base::html_escape(b.label) + "</text>";
    s += "<rect class=\"records-bar " + b.css + "\" x=\"" + std::to_string(label_w) + "\" y=\"" +
         std::to_string(y + 3) + "\" width=\"" + std::to_string(len) + "\" height=\"" + std::to_string(row_h - 10) +
         "\"/>";
    s += "<text class=\"records-chart-value\" x=\"" + std::to_string(label_w + len + 6) + "\" y=\"" +
         std::to_string(y + 17) + "\">" + base::html_escape(b.shown) + "</text>";
  }
  s += "</svg>";
  return s;
}

json source_view(const Context& ctx, const Action& a) {
  json v;
  const std::string ref = a.source_item.empty() ? a.source_id : a.source_id + "/" + a.source_item;
  if (a.source_type == "plan") {  // the plan, and the outcome of it the action is under
    auto plan = ctx.refs.find(a.source_id);
    auto t = ctx.refs.find(ref);
    v["group"] = plan != ctx.refs.end() ? plan->second.where : "Improvement plan: " + a.source_id;
    v["text"] = v["group"].get<std::string>() + (a.source_item.empty() ? "" : ", outcome " + a.source_item);
    v["url"] = t != ctx.refs.end() ? urls::ref(t->second) : "";
    return v;
  }
  std::string record_title, record_url;
  if (a.source_type == "audit") {
    auto it = ctx.records.audits.find(a.source_id);
    record_title = "Thematic audit: " + (it == ctx.records.audits.end() ? a.source_id : it->second.theme);
    record_url = urls::audit(a.source_id);
  } else if (a.source_type == "cycle") {
    auto it = ctx.records.cycles.find(a.source_id);
    record_title = "Audit cycle: " + (it == ctx.records.cycles.end() ? a.source_id : it->second.title());
    record_url = urls::cycle(a.source_id);
  } else {
    auto it = ctx.records.meetings.find(a.source_id);
    if (it != ctx.records.meetings.end()) {
      auto f = ctx.records.forums.find(it->second.forum);
      record_title = "Meeting: " + (f == ctx.records.forums.end() ? it->second.forum : f->second.name) + ", " +
                     it->second.date.human();
    } else {
      record_title = "Meeting: " + a.source_id;
    }
    record_url = urls::meeting(a.source_id);
  }
  v["group"] = record_title;
  auto t = ctx.refs.find(ref);
  v["text"] = t != ctx.refs.end() && !a.source_item.empty()
                  ? record_title + ", " + t->second.label + " " + a.source_item
                  : record_title;
  v["url"] = t != ctx.refs.end() ? urls::ref(t->second) : record_url;
  return v;
}

json action_view(const Context& ctx, const Action& a) {
  Status s = shown_status(a, ctx.as_of());
  json v;
  v["id"] = a.id;
  v["title"] = a.title;
  v["url"] = urls::action(a.id);
  v["owner"] = a.owner;
  const base::Date due = due_on(a, ctx.as_of());
  v["due"] = due.human();
  v["due_iso"] = due.iso();
  v["due_note"] = rescheduled_words(a, ctx.as_of());  // "originally 31 August 2026, rescheduled once"
  v["status"] = status_label(s);
  v["status_key"] = status_key(s);
  v["source"] = source_view(ctx, a);
  return v;
}

}  // namespace qahub::record_pages
