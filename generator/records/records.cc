#include "records/records.h"

#include "base/text.h"
#include "fs/files.h"
#include "records/load.h"
#include "records/pages.h"
#include "records/refs.h"
#include "records/schema_check.h"
#include "records/status.h"
#include "records/urls.h"

namespace qahub::records {

namespace {
constexpr const char* kActionsCsv = "actions/actions.csv";
}  // namespace

RecordPage make_page(std::string url, std::string source, std::string title, std::string description,
                     std::string section, std::string body_html, std::vector<std::string> tags) {
  RecordPage p;
  p.url = std::move(url);
  p.source = std::move(source);
  p.title = std::move(title);
  p.description = std::move(description);
  p.section = std::move(section);
  p.body_html = std::move(body_html);
  p.tags = std::move(tags);
  add_outline(p);
  return p;
}

PlannedUrls planned_urls(const std::filesystem::path& site_dir) {
  PlannedUrls out;
  std::error_code ec;
  if (!std::filesystem::is_directory(site_dir / "data", ec)) return out;
  out.files.push_back(std::string("/") + kActionsCsv);
  for (const char* section :
       {urls::kCycles, urls::kAudits, urls::kActions, urls::kForums, urls::kTraining, urls::kSchedules, urls::kTrends})
    out.pages.emplace_back(section);
  const std::map<std::string, std::string (*)(const std::string&)> per_record = {
      {"forum", urls::forum}, {"meeting", urls::meeting}, {"cycle", urls::cycle},
      {"audit", urls::audit}, {"action", urls::action},   {"training", urls::training}};
  for (const auto& [kind, url_of] : per_record) {
    const std::string folder = "data/" + kind_folder(kind) + "/";
    for (const std::string& path : fs::list_files(site_dir, folder.substr(0, folder.size() - 1))) {
      if (path.find('/', folder.size()) != std::string::npos || !base::ends_with(path, ".json")) continue;
      out.pages.push_back(url_of(path.substr(folder.size(), path.size() - folder.size() - 5)));
    }
  }
  return out;
}

RecordsResult build_records(const RecordsInput& input, diag::Diagnostics& diags) {
  RecordsResult out;
  // A site without data/ is a plain guidance site: no empty record sections in its navigation.
  std::error_code ec;
  if (!std::filesystem::is_directory(input.site_dir / "data", ec)) return out;
  // Schemas: the site's own, else the compiled-in copies.
  SchemaSet schemas = SchemaSet::load(input.site_dir, diags);
  // Read, check and type every record under data/.
  LoadOptions options{input.site_dir, input.markdown, input.allow_personal_data, input.resolve_links};
  Loaded loaded = load_records(options, schemas, diags);
  // Every id and "record/item" reference must resolve.
  check_references(loaded.records, loaded.broken, input.url_for_content, diags);
  // Warnings against --as-of.
  check_dates(loaded.records, input.as_of, diags, loaded.broken.count("meeting") == 0);

  // Pages, section by section.
  Context ctx(input, loaded.records, diags);
  add_cycle_pages(ctx, out);
  add_audit_pages(ctx, out);
  add_action_pages(ctx, out);
  add_forum_pages(ctx, out);
  add_training_pages(ctx, out);
  add_schedule_pages(ctx, out);
  add_trends_page(ctx, out);
  out.files[kActionsCsv] = actions_csv(ctx);

  out.nav = {{urls::kCycles, "Audit cycles", 100},
             {urls::kAudits, "Thematic audits", 110},
             {urls::kActions, "Action register", 120},
             {urls::kForums, "Practice forums", 130},
             {urls::kTraining, "Training timeline", 140},
             {urls::kSchedules, "Reporting and meeting schedules", 150},
             {urls::kTrends, "Trends", 160}};

  // Backlinks: content pages that record pages link to.
  for (const auto& [id, c] : loaded.records.cycles)
    if (std::string u = ctx.content_url(c.report); !u.empty())
      out.backlinks[u].push_back({urls::cycle(id), "Audit cycle: " + c.title()});
  for (const auto& [id, f] : loaded.records.forums)
    if (std::string u = ctx.content_url(f.guidance); !u.empty()) out.backlinks[u].push_back({urls::forum(id), f.name});
  return out;
}

}  // namespace qahub::records
