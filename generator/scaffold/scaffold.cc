// Shared parts of `qahub new` and the content page scaffold; the record
// scaffolds (cycle, audit, meeting) are in scaffold_records.cc.
#include "scaffold/scaffold.h"

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "base/text.h"
#include "fs/files.h"
#include "record_pages/kinds.h"

namespace qahub::scaffold {
/// A URL-safe path segment, the same shape as a record id.
bool is_slug(const std::string& s) {
  static const std::regex kSlug("^[a-z0-9]+(-[a-z0-9]+)*$");
  return std::regex_match(s, kSlug);
}

std::string title_from_slug(const std::string& slug) {
  std::string t = slug;
  std::replace(t.begin(), t.end(), '-', ' ');
  if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

std::string front_matter(const std::string& title, const std::string& description, base::Date as_of) {
  return "---\ntitle: " + base::yaml_quote(title) + "\ndescription: " + base::yaml_quote(description) +
         "\nowner: \"TODO: the role that owns this page, such as Head of Quality Assurance\"\nreview_by: " +
         one_year_on(as_of).iso() + "\nchanges:\n  - date: " + as_of.iso() +
         "\n    summary: \"First published.\"\n---\n";
}

base::Date one_year_on(base::Date d) { return base::add_years(d, 1); }

namespace {

const record_pages::RecordKind& kind_named(std::string_view name) {
  const record_pages::RecordKind* k = record_pages::find_kind(name);
  if (!k) throw std::logic_error("no record kind \"" + std::string(name) + "\" in the kinds table");
  return *k;
}

}  // namespace

std::string record_file(std::string_view kind, const std::string& id, std::string_view ext) {
  return std::string(kind_named(kind).data.where) + id + std::string(ext);
}

std::string schema_ref(std::string_view kind) { return "../schemas/" + std::string(kind_named(kind).data.schema); }

std::vector<std::string> record_ids(const std::filesystem::path& site_dir, std::string_view kind) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(site_dir / kind_named(kind).data.where, ec))
    if (e.path().extension() == ".json") ids.push_back(e.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string first_free_id(const std::string& base, const std::vector<std::string>& taken) {
  auto is_taken = [&](const std::string& id) { return std::find(taken.begin(), taken.end(), id) != taken.end(); };
  if (!is_taken(base)) return base;
  for (int n = 2;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (!is_taken(id)) return id;
  }
}

std::optional<Plan> plan_page(const std::filesystem::path& site_dir, const std::string& section_and_name,
                              const std::string& title, base::Date as_of, diag::Diagnostics& diags) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= section_and_name.size()) {
    size_t slash = section_and_name.find('/', start);
    if (slash == std::string::npos) slash = section_and_name.size();
    parts.push_back(section_and_name.substr(start, slash - start));
    start = slash + 1;
  }
  for (const std::string& p : parts) {
    if (!is_slug(p)) {
      diags.error({}, "\"" + p + "\" in \"" + section_and_name +
                          "\" must be lower-case letters, digits and single hyphens, such as return-interviews");
      return std::nullopt;
    }
  }
  Plan plan;
  // A new section gets its index page, or the page would have no parent to list it.
  std::string dir = "content";
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    dir += "/" + parts[i];
    std::error_code ec;
    if (std::filesystem::exists(site_dir / dir / "_index.md", ec)) continue;
    plan.files.push_back(
        {dir + "/_index.md", front_matter(title_from_slug(parts[i]),
                                          "TODO: one sentence on what this section covers and who it is for.", as_of) +
                                 "\nTODO: introduce the section in a few sentences.\n"});
  }
  plan.files.push_back({dir + "/" + parts.back() + ".md",
                        front_matter(title.empty() ? title_from_slug(parts.back()) : title,
                                     "TODO: one sentence on what this page is for and who it helps.", as_of) +
                            "\nTODO: start with what a practitioner needs to know or do.\n\n## TODO: first heading\n\n"
                            "TODO: write this part.\n"});
  return plan;
}

bool write_plan(const std::filesystem::path& site_dir, const Plan& plan, diag::Diagnostics& diags) {
  bool ok = true;
  for (const NewFile& f : plan.files) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(site_dir / f.path, ec))) {
      diags.error({f.path}, "already exists; qahub new never overwrites a file");
      ok = false;
    }
  }
  if (!ok) return false;
  for (const NewFile& f : plan.files) {
    switch (fs::create_new_file(site_dir / f.path, f.text)) {
      case fs::NewFile::kCreated:
        break;
      case fs::NewFile::kExists:  // appeared since the check above
        diags.error({f.path}, "already exists; qahub new never overwrites a file");
        return false;
      case fs::NewFile::kFailed:
        diags.error({f.path}, "cannot write file");
        return false;
    }
  }
  return true;
}

std::string record_slug(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80)
      out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace qahub::scaffold
