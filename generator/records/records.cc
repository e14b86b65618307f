#include "records/records.h"

#include "records/load.h"
#include "records/pages.h"
#include "records/refs.h"
#include "records/schema_check.h"
#include "records/status.h"
#include "records/urls.h"

namespace qahub::records {

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

RecordsResult build_records(const RecordsInput& input, diag::Diagnostics& diags) {
  RecordsResult out;
  // A site without data/ is a plain guidance site: no empty record sections in its navigation.
  std::error_code ec;
  if (!std::filesystem::is_directory(input.site_dir / "data", ec)) return out;
  // Schemas: the site's own, else the compiled-in copies.
  SchemaSet schemas = SchemaSet::load(input.site_dir, diags);
  // Read, check and type every record under data/.
  LoadOptions options{input.site_dir, input.markdown, input.allow_personal_data};
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
  out.files["actions/actions.csv"] = actions_csv(ctx);

  out.nav = {{urls::kCycles, "Audit cycles", 100},        {urls::kAudits, "Thematic audits", 110},
             {urls::kActions, "Action register", 120},    {urls::kForums, "Practice forums", 130},
             {urls::kTraining, "Training timeline", 140}, {urls::kSchedules, "Reporting and meeting schedules", 150},
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
