#include "templating/templates.h"

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>

#include "base/text.h"

namespace qahub::templating {
namespace mus = kainjow::mustache;

namespace {

// kainjow's set() and push_back() copy their argument, so building a nested
// view bottom-up copied every subtree once per level of nesting (a page's HTML
// two or three times). Insert a placeholder and move the child into its slot.
// `steal`: `j` is not const and nobody reads it again, so its strings are
// moved, not copied (a page's HTML, its navigation).
mus::data to_data(const nlohmann::json& j, bool steal = false) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mus::data d{mus::data::type::object};
      for (const auto& [k, v] : j.items()) {
        d.set(k, mus::data(false));
        *const_cast<mus::data*>(d.get(k)) = to_data(v, steal);
      }
      return d;
    }
    case nlohmann::json::value_t::array: {
      // Reserved first: kainjow's data has no noexcept move, so a growing
      // std::vector of it deep-copies every item already in it (the
      // amendments log's 20,000 rows at 10k pages, about twice over).
      mus::data d{mus::data::type::list};
      auto& items = const_cast<std::vector<mus::data>&>(d.list_value());
      items.reserve(j.size());
      for (const auto& v : j) items.push_back(to_data(v, steal));
      return d;
    }
    case nlohmann::json::value_t::string:
      if (steal) {
        mus::data d{mus::data::type::string};
        const_cast<std::string&>(d.string_value()) = std::move(const_cast<nlohmann::json&>(j).get_ref<std::string&>());
        return d;
      }
      return mus::data(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return mus::data(j.get<bool>());
    case nlohmann::json::value_t::null:
      return mus::data(false);
    default:
      return mus::data(j.dump());
  }
}

/// kainjow's own lookup (context<string>), except that a dotted name
/// ({{page.title}}) is looked up a part at a time: kainjow splits it into a
/// vector of strings through a stringstream on every lookup, 6% of a
/// build's instructions. Same order (innermost data first), same parts as
/// its split (std::getline: a final empty part is dropped), same result.
class Context final : public mus::basic_context<std::string> {
 public:
  explicit Context(const mus::data* root) { items_.push_back(root); }
  void push(const mus::data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }
  const mus::data* get(const std::string& name) const override {
    if (name.size() == 1 && name[0] == '.') return items_.back();
    const bool dotted = name.find('.') != std::string::npos;
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      const mus::data* var = dotted ? walk(*it, name) : (*it)->get(name);
      if (var) return var;
    }
    return nullptr;
  }
  const mus::data* get_partial(const std::string& name) const override {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      if (const mus::data* var = (*it)->get(name)) return var;
    return nullptr;
  }

 private:
  const mus::data* walk(const mus::data* var, const std::string& name) const {
    for (size_t start = 0; var && start < name.size();) {
      const size_t end = std::min(name.find('.', start), name.size());
      part_.assign(name, start, end - start);
      var = var->get(part_);
      start = end + 1;
    }
    return var;
  }
  std::vector<const mus::data*> items_;  ///< innermost last
  mutable std::string part_;             ///< one part of a dotted name, reused
};

/// kainjow's render(context, stream) writes to a stream: this one appends.
struct Appender {
  std::string& out;
  Appender& operator<<(const std::string& piece) {
    out += piece;
    return *this;
  }
};

/// A template compiled once per thread and reused while its text is unchanged
/// (the text is compared, so a rebuilt theme in `serve` or another Templates in
/// the same process never sees a stale one). Per thread because kainjow's
/// render() is not const: it records errors in the template object.
mus::mustache& compiled(const std::string& path, const std::string& text) {
  struct Entry {
    std::string text;
    std::unique_ptr<mus::mustache> tmpl;
  };
  thread_local std::map<std::string, Entry> cache;
  Entry& e = cache[path];
  if (!e.tmpl || e.text != text || !e.tmpl->is_valid()) {
    e.text = text;
    e.tmpl = std::make_unique<mus::mustache>(text);
  }
  return *e.tmpl;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// One `{{> name}}` tag: where it starts and ends in the text, and the name.
struct PartialTag {
  size_t begin = 0, end = 0;
  std::string name;
};

std::optional<PartialTag> next_partial_tag(const std::string& text, size_t from) {
  for (size_t at = text.find("{{>", from); at != std::string::npos; at = text.find("{{>", at + 3)) {
    size_t close = text.find("}}", at + 3);
    if (close == std::string::npos) return std::nullopt;
    std::string name = base::trim(text.substr(at + 3, close - at - 3));
    if (name.empty()) continue;
    return PartialTag{at, close + 2, name};
  }
  return std::nullopt;
}

void expand_into(const std::string& text, const std::map<std::string, std::string>& partials, int depth, int max_depth,
                 std::string* cycle, std::string& out) {
  size_t pos = 0;
  while (auto tag = next_partial_tag(text, pos)) {
    // An unknown partial is empty, as Mustache says. (Left in, kainjow would
    // render a view string of that name as a template.)
    static const std::string kNone;
    auto it = partials.find(tag->name);
    const std::string& partial = it == partials.end() ? kNone : it->second;
    // Standalone: only blanks before the tag on its line and after it up to
    // the line end. Then the whole line goes and the partial is indented.
    const size_t line_begin = tag->begin == 0 ? 0 : text.rfind('\n', tag->begin - 1) + 1;  // npos + 1 == 0
    bool standalone = line_begin >= pos;
    for (size_t i = line_begin; standalone && i < tag->begin; ++i) standalone = is_blank(text[i]);
    size_t after = tag->end;
    while (after < text.size() && is_blank(text[after])) ++after;
    if (after < text.size() && text[after] == '\r') ++after;
    standalone = standalone && (after == text.size() || text[after] == '\n');
    if (standalone && after < text.size()) ++after;
    std::string indent = standalone ? text.substr(line_begin, tag->begin - line_begin) : "";
    out.append(text, pos, (standalone ? line_begin : tag->begin) - pos);
    pos = standalone ? after : tag->end;
    if (depth >= max_depth) {
      if (cycle && cycle->empty()) *cycle = tag->name;
      continue;
    }
    std::string body;
    expand_into(partial, partials, depth + 1, max_depth, cycle, body);
    if (!indent.empty()) {
      std::string indented;
      for (size_t i = 0; i < body.size(); ++i) {
        if (i == 0 || body[i - 1] == '\n') indented += indent;
        indented += body[i];
      }
      body = std::move(indented);
    }
    out += body;
  }
  out.append(text, pos, std::string::npos);
}

/// The partials a text uses, directly or through other partials.
void used_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                   std::set<std::string>& seen) {
  size_t pos = 0;
  while (auto tag = next_partial_tag(text, pos)) {
    pos = tag->end;
    auto it = partials.find(tag->name);
    if (it != partials.end() && seen.insert(tag->name).second) used_partials(it->second, partials, seen);
  }
}

}  // namespace

std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            std::string* cycle, int max_depth) {
  std::string out;
  expand_into(text, partials, 0, max_depth, cycle, out);
  return out;
}

Templates::Templates(const theme::Theme& theme, nlohmann::json params)
    : theme_(theme), params_(params.is_object() ? std::move(params) : nlohmann::json::object()) {
  const std::string prefix = "templates/partials/";
  for (const auto& [path, text] : theme.files()) {
    if (path.rfind(prefix, 0) != 0 || path.size() < prefix.size() + 9) continue;
    if (path.substr(path.size() - 9) != ".mustache") continue;
    partials_[path.substr(prefix.size(), path.size() - prefix.size() - 9)] = text;
  }
  // Each partial is checked on its own, so a mistake in one is reported at
  // its own file, not at every template that includes it.
  std::map<std::string, std::string> partial_errors;
  for (const auto& [pname, ptext] : partials_) {
    mus::mustache check(ptext);
    if (!check.is_valid()) partial_errors[pname] = "invalid template: " + base::ascii_lower(check.error_message());
  }
  // Partials are inlined once here, before any template is compiled, so the
  // layout and its partials are parsed once per thread, not once per page,
  // and a partial's name never collides with a key of the view.
  for (const auto& [path, text] : theme.files()) {
    if (path.rfind("templates/", 0) != 0 || path.size() < 9 || path.substr(path.size() - 9) != ".mustache") continue;
    Prepared& prep = prepared_[path];
    std::set<std::string> used;
    used_partials(text, partials_, used);
    for (const std::string& pname : used) {
      if (auto bad = partial_errors.find(pname); bad != partial_errors.end()) {
        prep.error_path = prefix + pname + ".mustache";
        prep.error = bad->second;
        break;
      }
    }
    if (!prep.error.empty()) continue;
    std::string cycle;
    prep.text = used.empty() ? text : expand_partials(text, partials_, &cycle);
    if (!cycle.empty()) {
      prep.error_path = prefix + cycle + ".mustache";
      prep.error = "partial \"" + cycle + "\" includes itself";
    }
  }
}

bool Templates::has(const std::string& name) const { return theme_.file("templates/" + name + ".mustache") != nullptr; }

std::vector<std::string> Templates::partial_names() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : partials_) names.push_back(name);
  return names;
}

std::string Templates::render(const std::string& name, const nlohmann::json& view, diag::Diagnostics& diags) const {
  return render_data(name, view, false, diags);
}

std::string Templates::render(const std::string& name, nlohmann::json&& view, diag::Diagnostics& diags) const {
  return render_data(name, view, true, diags);
}

std::string Templates::render_data(const std::string& name, const nlohmann::json& view, bool steal,
                                   diag::Diagnostics& diags) const {
  const std::string path = "templates/" + name + ".mustache";
  auto prep = prepared_.find(path);
  if (prep == prepared_.end()) {
    diags.error({theme_.source_path(path)}, "missing template");
    return {};
  }
  if (!prep->second.error.empty()) {
    diags.error({theme_.source_path(prep->second.error_path)}, prep->second.error);
    return {};
  }
  const std::string& expanded = prep->second.text;
  mus::mustache& tmpl = compiled(path, expanded);
  if (!tmpl.is_valid()) {
    diags.error({theme_.source_path(path)}, "invalid template: " + base::ascii_lower(tmpl.error_message()));
    return {};
  }
  mus::data data = to_data(view, steal);
  if (!view.contains("params")) {
    data.set("params", mus::data(false));
    *const_cast<mus::data*>(data.get("params")) = to_data(params_);
  }
  // Straight into one string (kainjow's render(data) goes through an
  // ostringstream and copies its text out at the end).
  std::string out;
  Context context(&data);
  Appender appender{out};
  tmpl.render(context, appender);
  if (!tmpl.error_message().empty()) {
    diags.error({theme_.source_path(path)}, "template error: " + base::ascii_lower(tmpl.error_message()));
    return {};  // the entry is now invalid, so the next render compiles afresh
  }
  return out;
}

}  // namespace qahub::templating
