#include "templating/templates.h"

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>

#include "base/text.h"

namespace qahub::templating {
namespace mus = kainjow::mustache;

namespace {

// kainjow's set() and push_back() copy their argument, so building a nested
// view bottom-up copied every subtree once per level of nesting (a page's HTML
// two or three times). Insert a placeholder and move the child into its slot.
mus::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mus::data d{mus::data::type::object};
      for (const auto& [k, v] : j.items()) {
        d.set(k, mus::data(false));
        *const_cast<mus::data*>(d.get(k)) = to_data(v);
      }
      return d;
    }
    case nlohmann::json::value_t::array: {
      mus::data d{mus::data::type::list};
      for (const auto& v : j) {
        d.push_back(mus::data(false));
        const_cast<mus::data&>(d.list_value().back()) = to_data(v);
      }
      return d;
    }
    case nlohmann::json::value_t::string:
      return mus::data(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return mus::data(j.get<bool>());
    case nlohmann::json::value_t::null:
      return mus::data(false);
    default:
      return mus::data(j.dump());
  }
}

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

}  // namespace

Templates::Templates(const theme::Theme& theme) : theme_(theme) {
  const std::string prefix = "templates/partials/";
  for (const auto& [path, text] : theme.files()) {
    if (path.rfind(prefix, 0) != 0 || path.size() < prefix.size() + 9) continue;
    if (path.substr(path.size() - 9) != ".mustache") continue;
    partials_[path.substr(prefix.size(), path.size() - prefix.size() - 9)] = text;
  }
}

bool Templates::has(const std::string& name) const { return theme_.file("templates/" + name + ".mustache") != nullptr; }

std::string Templates::render(const std::string& name, const nlohmann::json& view, diag::Diagnostics& diags) const {
  const std::string path = "templates/" + name + ".mustache";
  const std::string* text = theme_.file(path);
  if (!text) {
    diags.error({theme_.source_path(path)}, "missing template");
    return {};
  }
  mus::mustache& tmpl = compiled(path, *text);
  if (!tmpl.is_valid()) {
    diags.error({theme_.source_path(path)}, "invalid template: " + base::ascii_lower(tmpl.error_message()));
    return {};
  }
  mus::data data = to_data(view);
  for (const auto& [pname, ptext] : partials_) {
    const std::string* body = &ptext;
    data.set(pname, mus::partial([body] { return *body; }));
  }
  std::string out = tmpl.render(data);
  if (!tmpl.error_message().empty()) {
    diags.error({theme_.source_path(path)}, "template error: " + base::ascii_lower(tmpl.error_message()));
    return {};  // the entry is now invalid, so the next render compiles afresh
  }
  return out;
}

}  // namespace qahub::templating
