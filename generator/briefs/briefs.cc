#include "briefs/briefs.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "base/text.h"
#include "briefs/formats.h"
#include "frontmatter/front_matter.h"
#include "frontmatter/yaml_fields.h"
#include "record_pages/kinds.h"
#include "records/refs.h"

namespace qahub::briefs {

namespace {

using frontmatter::YamlSource;

/// What a brief's front matter says, once checked.
struct Brief {
  size_t page = 0;
  bool ok = true;
  std::string format = kDefaultFormat;
  std::string source_kind, source_id, source_item;
  std::vector<std::string> questions;
  bool based_on_case = false;
  std::string anonymisation;
  std::string superseded_by;
  diag::Position superseded_at;
  bool in_loop = false;  ///< its superseded_by chain comes back to it (an error at each link)
  bool draft = false;
};

/// Briefs superseding each other in a loop (a → b → a) leave no current
/// brief: each link of a loop is an error naming the whole loop. A brief
/// naming itself is reported apart, as is a name that is no brief.
void check_supersede_loops(std::map<std::string, Brief>& briefs, diag::Diagnostics& diags) {
  for (auto& [start, _] : briefs) {
    std::set<std::string> seen;
    std::string at = start;
    while (true) {
      auto it = briefs.find(at);
      if (it == briefs.end() || it->second.superseded_by.empty() || it->second.superseded_by == at ||
          it->second.in_loop)
        break;
      if (!seen.insert(at).second) {
        // `at` is on a loop: walk it once from there and report each link.
        std::vector<std::string> loop{at};
        for (std::string n = briefs.at(at).superseded_by; n != at; n = briefs.at(n).superseded_by) loop.push_back(n);
        std::string words;
        for (const std::string& n : loop) words += n + " \xE2\x86\x92 ";
        words += at;
        for (const std::string& n : loop) {
          Brief& b = briefs.at(n);
          b.in_loop = true;
          b.ok = false;
          diags.error(b.superseded_at, "briefs supersede each other in a loop (" + words +
                                           "), so none of them is current; end the "
                                           "chain at the brief that replaces them all");
        }
        break;
      }
      at = it->second.superseded_by;
    }
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

const std::vector<std::string>& known_brief_keys() {
  static const std::vector<std::string> keys = {"format",        "source",        "questions",
                                                "based_on_case", "anonymisation", "superseded_by"};
  return keys;
}

/// The kinds a brief may be made from: those others cite, in table order.
std::vector<const record_pages::RecordKind*> source_kinds(const std::vector<record_pages::RecordKind>& kinds) {
  std::vector<const record_pages::RecordKind*> out;
  for (const record_pages::RecordKind& k : kinds)
    if (k.data.store.citable) out.push_back(&k);
  return out;
}

/// "cycle | audit | meeting", or with `articles` "a cycle, an audit or a meeting".
std::string kind_list(const std::vector<const record_pages::RecordKind*>& kinds, bool articles) {
  std::string out;
  for (size_t i = 0; i < kinds.size(); ++i) {
    const std::string name(kinds[i]->data.name);
    if (!articles) {
      out += (i ? " | " : "") + name;
      continue;
    }
    out += i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ";
    // A kind named in the plural ("recommendations", a set of them) takes no article.
    const bool plural = name.back() == 's';
    out += (plural ? "" : std::string("aeiou").find(name[0]) == std::string::npos ? "a " : "an ") + name;
  }
  return out;
}

class Checker {
 public:
  Checker(const Options& options, const content::ContentSet& content, const records::Records& records,
          const std::map<std::string, Format>& formats, diag::Diagnostics& diags)
      : options_(options),
        content_(content),
        formats_(formats),
        diags_(diags),
        index_(records.cited),
        kinds_(source_kinds(*options.kinds)) {
    for (const content::Page& p : content.pages) sources_.push_back(p.source);
    for (const record_pages::RecordKind* k : kinds_) {
      ids_[std::string(k->data.name)] = k->data.store.ids(records);
      items_[std::string(k->data.name)] = std::string(k->cited.items);
    }
  }

  /// Reads page `i`'s front matter; nullopt when it is not a brief.
  std::optional<Brief> read(size_t i) {
    const content::Page& page = content_.pages[i];
    // Its front matter was parsed once, when the page was read (frontmatter::PageMeta).
    const frontmatter::PageMeta& meta = page.meta;
    if (!meta.has_type && !meta.brief) return std::nullopt;
    const YamlSource src{page.source, 1};
    const bool has_block = meta.brief != nullptr;
    const std::vector<std::string>& others = options_.page_types;
    if (meta.has_type && meta.type != "brief") {
      if (std::find(others.begin(), others.end(), meta.type) != others.end()) {
        if (has_block) diags_.error(meta.brief_pos, "a \"brief:\" block is read only on a page with \"type: brief\"");
        return std::nullopt;  // a publication: report/ reads it
      }
      std::vector<std::string> types = {"brief"};
      types.insert(types.end(), others.begin(), others.end());
      std::string listed;
      for (size_t k = 0; k < types.size(); ++k)
        listed += (k == 0 ? "" : k + 1 == types.size() ? " or " : ", ") + std::string("\"") + types[k] + "\"";
      diags_.error(meta.type_pos, "unknown page type \"" + meta.type + "\" (a page's type is " + listed + ")" +
                                      diag::did_you_mean(meta.type, types));
      return std::nullopt;
    }
    if (!meta.has_type) {
      if (has_block) diags_.error(meta.brief_pos, "a \"brief:\" block is read only on a page with \"type: brief\"");
      return std::nullopt;
    }
    Brief b;
    b.page = i;
    if (!has_block) {
      diags_.error(meta.type_pos, "a brief needs a \"brief:\" block (format, source, questions, based_on_case)");
      b.ok = false;
      return b;
    }
    const YAML::Node& block = *meta.brief;
    const diag::Position at_key = meta.brief_pos;
    if (!block.IsMap()) {
      diags_.error(at_key, "\"brief\" must be a mapping of format, source, questions and based_on_case");
      b.ok = false;
      return b;
    }
    frontmatter::check_known_keys(block, known_brief_keys(), src, diags_, "brief");
    read_format(block, src, b);
    read_source(block, src, at_key, b);
    read_questions(block, src, at_key, b);
    read_case(block, src, at_key, b);
    if (const YAML::Node s = block["superseded_by"])
      if (auto v = frontmatter::read_string(s, src, diags_, "superseded_by")) {
        b.superseded_by = *v;
        b.superseded_at = src.at(s);
      }
    if (formats_.count(b.format) && !formats_.at(b.format).broken)
      check_sections(page, formats_.at(b.format), at_key, b);
    b.draft = !page.meta.published || options_.as_of < *page.meta.published;
    return b;
  }

 private:
  void fail(const diag::Position& at, const std::string& message, Brief& b) {
    diags_.error(at, message);
    b.ok = false;
  }

  void read_format(const YAML::Node& block, const YamlSource& src, Brief& b) {
    const YAML::Node f = block["format"];
    if (!f) return;
    auto v = frontmatter::read_string(f, src, diags_, "format");
    if (!v) {
      b.ok = false;
      return;
    }
    b.format = *v;
    if (auto known = formats_.find(b.format); known != formats_.end() && known->second.broken)
      b.ok = false;  // qahub.yaml's error is reported
    else if (known == formats_.end())
      fail(src.at(f),
           "unknown brief format \"" + b.format + "\"" + diag::did_you_mean(b.format, base::keys_of(formats_)), b);
  }

  void read_source(const YAML::Node& block, const YamlSource& src, const diag::Position& at_key, Brief& b) {
    const YAML::Node s = block["source"];
    const std::string types = kind_list(kinds_, false);
    if (!s) return fail(at_key, "a brief needs a \"source\": {type: " + types + ", id, item}", b);
    if (!s.IsMap()) return fail(src.at(s), "\"source\" must be a mapping {type: " + types + ", id, item}", b);
    auto field = [&](const char* key, std::string& out) {
      const YAML::Node n = s[key];
      if (!n) return fail(src.at(s), std::string("\"source\" needs \"") + key + "\"", b);
      if (auto v = frontmatter::read_string(n, src, diags_, key))
        out = *v;
      else
        b.ok = false;
    };
    field("type", b.source_kind);
    field("id", b.source_id);
    field("item", b.source_item);
    if (!b.ok) return;
    if (!ids_.count(b.source_kind)) {
      std::vector<std::string> names;
      for (const record_pages::RecordKind* k : kinds_) names.emplace_back(k->data.name);
      return fail(src.at(s["type"]),
                  "unknown source type \"" + b.source_kind + "\"" + diag::did_you_mean(b.source_kind, names) +
                      "; a brief is made from " + kind_list(kinds_, true),
                  b);
    }
    if (auto broken = options_.broken.find(b.source_kind);
        broken != options_.broken.end() && broken->second.count(b.source_id))
      return;
    std::vector<std::string> items;
    for (const auto& [key, target] : index_)
      if (target.kind == b.source_kind && !target.item.empty() && target.record == b.source_id)
        items.push_back(target.item);
    const std::vector<std::string>& records = ids_[b.source_kind];
    if (!std::binary_search(records.begin(), records.end(), b.source_id))
      return fail(src.at(s["id"]),
                  "unknown " + b.source_kind + " \"" + b.source_id + "\"" + diag::did_you_mean(b.source_id, records),
                  b);
    if (!index_.count(b.source_id + "/" + b.source_item))
      fail(src.at(s["item"]),
           b.source_kind + " \"" + b.source_id + "\" has no " + items_[b.source_kind] + " \"" + b.source_item + "\"" +
               diag::did_you_mean(b.source_item, items),
           b);
  }

  void read_questions(const YAML::Node& block, const YamlSource& src, const diag::Position& at_key, Brief& b) {
    const YAML::Node q = block["questions"];
    if (!q) return fail(at_key, "a brief needs \"questions\": exactly three for the team to discuss", b);
    auto list = frontmatter::read_string_list(q, src, diags_, "questions");
    if (!list) {
      b.ok = false;
      return;
    }
    b.questions = *list;
    if (b.questions.size() != 3)
      fail(src.at(q), "a brief has exactly three questions for the team; found " + std::to_string(b.questions.size()),
           b);
  }

  void read_case(const YAML::Node& block, const YamlSource& src, const diag::Position& at_key, Brief& b) {
    const YAML::Node c = block["based_on_case"];
    if (!c) return fail(at_key, "a brief says whether it is \"based_on_case\" (true or false)", b);
    auto v = frontmatter::read_bool(c, src, diags_, "based_on_case");
    if (!v) {
      b.ok = false;
      return;
    }
    b.based_on_case = *v;
    if (const YAML::Node a = block["anonymisation"])
      if (auto text = frontmatter::read_string(a, src, diags_, "anonymisation")) b.anonymisation = base::trim(*text);
    if (b.based_on_case && b.anonymisation.empty())
      fail(src.at(c),
           "a brief based on a case needs \"anonymisation\": what was changed to protect the family (names, ages, "
           "places, family composition)",
           b);
  }

  /// The body's `##` headings against the format's sections but the questions one.
  void check_sections(const content::Page& page, const Format& format, const diag::Position& at_key, Brief& b) {
    const std::string questions = base::slugify(format.questions);
    std::vector<std::string> expected;
    for (const std::string& s : format.sections)
      if (base::slugify(s) != questions) expected.push_back(s);
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < expected.size(); ++i) index[base::slugify(expected[i])] = i;
    std::vector<bool> present(expected.size(), false);
    long furthest = -1;
    for (const markdown::Heading& h : page.doc.headings()) {
      if (h.level != 2) continue;
      const diag::Position at{page.source, h.line, 1};
      const std::string slug = base::slugify(h.text);
      if (slug == questions) {
        fail(at,
             "the \"" + format.questions +
                 "\" section is made from \"questions\" in the brief block; take it out "
                 "of the body",
             b);
        continue;
      }
      auto it = index.find(slug);
      if (it == index.end()) {
        fail(at,
             "heading \"" + h.text + "\" is not a section of the \"" + b.format + "\" format (" + join(expected) + ")" +
                 diag::did_you_mean(h.text, expected),
             b);
        continue;
      }
      if (present[it->second]) {
        fail(at, "brief section \"" + expected[it->second] + "\" appears twice", b);
        continue;
      }
      present[it->second] = true;
      if (static_cast<long>(it->second) < furthest)
        fail(at_key,
             "brief section \"" + expected[it->second] + "\" is out of order: in the \"" + b.format +
                 "\" format it comes before \"" + expected[static_cast<size_t>(furthest)] + "\"",
             b);
      furthest = std::max(furthest, static_cast<long>(it->second));
    }
    for (size_t i = 0; i < expected.size(); ++i) {
      if (present[i]) continue;
      std::string where = "as the first section";
      for (size_t j = i; j-- > 0;)
        if (present[j]) {
          where = "after \"" + expected[j] + "\"";
          break;
        }
      fail(at_key,
           "brief section \"" + expected[i] + "\" is missing; add a \"## " + expected[i] + "\" heading " + where, b);
    }
  }

  const Options& options_;
  const content::ContentSet& content_;
  const std::map<std::string, Format>& formats_;
  diag::Diagnostics& diags_;
  const std::map<std::string, records::RefTarget>& index_;
  std::vector<const record_pages::RecordKind*> kinds_;  ///< what a brief may be made from
  std::map<std::string, std::string> items_;            ///< kind → what its items are called
  std::vector<std::string> sources_;
  std::map<std::string, std::vector<std::string>> ids_;  ///< record ids by kind, sorted
};

std::string file_stem(const std::string& path) {
  const size_t slash = path.rfind('/');
  std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  if (base::ends_with(name, ".md")) name.resize(name.size() - 3);
  return name;
}

/// The id a use of `brief` on `date` has: "2026-10-07-father-inclusive-practice-<n>".
bool id_fits(const records::BriefUse& u) {
  const std::string prefix = u.date.iso() + "-" + file_stem(u.brief) + "-";
  if (u.id.size() <= prefix.size() || u.id.compare(0, prefix.size(), prefix) != 0) return false;
  return std::all_of(u.id.begin() + static_cast<long>(prefix.size()), u.id.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

struct Uses {
  std::vector<const records::BriefUse*> all;  ///< by date, then id
  size_t teams = 0;
};

/// The view of templates/briefs/header.mustache: banners, where the brief was
/// made from, publication, case, uses and the changes teams agreed.
nlohmann::json header_view(const content::Page& page, const Brief& b, const Uses& uses,
                           const std::map<std::string, records::RefTarget>& index, const content::Page* replacement) {
  nlohmann::json v = {{"draft", b.draft},
                      {"has_replacement", replacement != nullptr},
                      {"based_on_case", b.based_on_case},
                      {"anonymisation", b.anonymisation},
                      {"has_published", page.meta.published.has_value()},
                      {"has_uses", !uses.all.empty()},
                      {"has_source", false}};
  if (replacement) {
    v["replacement_url"] = replacement->url;
    v["replacement_title"] = replacement->meta.title;
  }
  if (auto t = index.find(b.source_id + "/" + b.source_item); t != index.end()) {
    auto rec = index.find(b.source_id);
    v["has_source"] = true;
    v["source_label"] = t->second.label;
    v["source_url"] = record_pages::record_url(b.source_kind, b.source_id) + "#" + b.source_item;
    v["source_item"] = b.source_item;
    v["source_record"] = rec == index.end() ? b.source_id : rec->second.text;
    v["source_text"] = t->second.text;
  }
  if (page.meta.published) v["published"] = page.meta.published->human();
  nlohmann::json rows = nlohmann::json::array();
  for (const records::BriefUse* u : uses.all)
    rows.push_back({{"team", u->team},
                    {"date", u->date.human()},
                    {"agreed_change", u->agreed_change},
                    {"has_follow_up", !u->follow_up.empty()},
                    {"follow_up", u->follow_up}});
  v["uses"] = rows;
  if (!uses.all.empty()) {
    v["teams"] = base::plural(uses.teams, "team");
    v["first_use"] = uses.all.front()->date.human();
  }
  return v;
}

nlohmann::json questions_view(const Format& format, const Brief& b) {
  nlohmann::json qs = nlohmann::json::array();
  for (const std::string& q : b.questions) qs.push_back({{"text", q}});
  return {{"id", base::slugify(format.questions)}, {"title", format.questions}, {"questions", qs}};
}

}  // namespace

Result apply_briefs(const Options& options, content::ContentSet& content, const records::Records& records,
                    diag::Diagnostics& diags) {
  Result result;
  const std::map<std::string, Format> formats = load_formats(options.site_dir, diags);
  Checker checker(options, content, records, formats, diags);
  std::map<std::string, Brief> briefs;  // by content path
  std::map<std::string, size_t> page_of;
  for (size_t i = 0; i < content.pages.size(); ++i) {
    page_of[content.pages[i].source] = i;
    if (auto b = checker.read(i)) briefs.emplace(content.pages[i].source, std::move(*b));
  }
  std::vector<std::string> brief_sources = base::keys_of(briefs);

  std::map<std::string, Uses> uses;
  for (const auto& [id, u] : records.brief_uses) {
    if (!page_of.count(u.brief)) continue;  // records reported it (or a `draft: true` page left out)
    if (!briefs.count(u.brief)) {
      diags.error(u.src.at("/brief"), u.brief + " is not a brief (its front matter has no \"type: brief\")" +
                                          diag::did_you_mean(u.brief, brief_sources));
      continue;
    }
    if (!id_fits(u))
      diags.error(u.src.at("/id"), "a brief use's id is YYYY-MM-DD-<brief-name>-<n>: \"" + u.date.iso() + "-" +
                                       file_stem(u.brief) + "-1\" for the first use that day, not \"" + u.id + "\"");
    uses[u.brief].all.push_back(&u);
  }
  for (auto& [_, list] : uses) {
    std::stable_sort(list.all.begin(), list.all.end(),
                     [](const records::BriefUse* a, const records::BriefUse* b) { return a->date < b->date; });
    std::set<std::string> teams;
    for (const records::BriefUse* u : list.all) teams.insert(base::ascii_lower(u->team));
    list.teams = teams.size();
  }

  const std::map<std::string, records::RefTarget>& index = records.cited;
  check_supersede_loops(briefs, diags);
  std::set<size_t> drop;
  for (auto& [source, b] : briefs) {
    const content::Page* replacement = nullptr;
    if (!b.superseded_by.empty() && !b.in_loop) {
      auto r = briefs.find(b.superseded_by);
      if (b.superseded_by == source) {
        diags.error(b.superseded_at, "a brief cannot supersede itself; name the brief that replaces this one");
        b.ok = false;
      } else if (r == briefs.end()) {
        diags.error(b.superseded_at, "\"superseded_by\" names no brief \"" + b.superseded_by + "\"" +
                                         diag::did_you_mean(b.superseded_by, brief_sources));
        b.ok = false;
      } else {
        replacement = &content.pages[r->second.page];
      }
    }
    content::Page& page = content.pages[b.page];
    const Uses& used = uses[source];
    if (!b.draft && used.all.empty() && page.meta.published && options.as_of > page.meta.published->plus_days(90))
      diags.notice(page.meta.published_pos, "brief published " + page.meta.published->iso() +
                                                " has no recorded use after 90 days; record one with qahub new "
                                                "brief-use " +
                                                source + " \"TEAM\"");
    if (b.draft && !options.drafts) {
      drop.insert(b.page);
      continue;
    }
    if (!b.ok) continue;
    const Format& format = formats.at(b.format);
    size_t before_questions = 0;
    for (const std::string& s : format.sections) {
      if (base::slugify(s) == base::slugify(format.questions)) break;
      ++before_questions;
    }
    page.doc.prepend_html(
        options.templates->render("briefs/header", header_view(page, b, used, index, replacement), diags));
    page.doc.insert_html_before_h2(before_questions,
                                   options.templates->render("briefs/questions", questions_view(format, b), diags));
    page.doc.insert_html_before_h2(static_cast<size_t>(-1), "</div>\n");
    if (b.draft) {
      page.meta.draft = true;
      continue;
    }
    Listed l{source,         page.url,        page.meta.title, page.meta.description,
             b.source_kind,  b.source_id,     b.source_item,   *page.meta.published,
             page.meta.tags, used.all.size(), used.teams,      replacement != nullptr};
    result.by_record[b.source_kind + "/" + b.source_id].push_back(l);
    result.published.push_back(std::move(l));
  }
  result.drafts_left_out = drop.size();
  content::drop_pages(content, drop);
  return result;
}

}  // namespace qahub::briefs
