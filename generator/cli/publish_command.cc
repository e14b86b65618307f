#include "cli/publish_command.h"

#include <cstdio>
#include <vector>

#include "base/text.h"
#include "cli/commands.h"
#include "fs/files.h"
#include "pipeline/pipeline.h"
#include "report/front_matter_edit.h"
#include "report/report.h"
#include "report/snapshot.h"

namespace qahub::cli {

using base::plural;
using nlohmann::json;

namespace {

int fail(const diag::Diagnostics& diags, const std::string& why) {
  std::fputs(diags.format_all().c_str(), stderr);
  std::fprintf(stderr, "qahub: %s; nothing written\n", why.c_str());
  return kExitSiteErrors;
}

}  // namespace

CLI::App* add_publish_command(CLI::App& app, PublishCommand& cmd, config::BuildOptions& options, std::string& as_of) {
  CLI::App* publish = app.add_subcommand("publish", "Publish a Learning and Improvement report: fix it as sent");
  publish->add_option("report", cmd.report, "The report's content path (content/learning/….md)")->required();
  publish->add_option("--site", options.site_dir, "Site directory (default: .)");
  publish->add_option("--as-of", as_of, "Today's date, YYYY-MM-DD (default: today)");
  publish->add_option("--date", cmd.date, "Publication (or correction) date, YYYY-MM-DD (default: the as-of date)");
  publish->add_option("--correct", cmd.correct, "Record a correction of a published report, with this summary")
      ->each([&cmd](const std::string&) { cmd.correcting = true; });
  publish->add_option("--jobs,-j", options.jobs, "Threads to use (default: 1)")->check(CLI::Range(1, 256));
  return publish;
}

int run_publish(const PublishCommand& cmd, const config::BuildOptions& build_options) {
  config::BuildOptions options = build_options;
  options.write = false;
  std::string report = cmd.report;
  if (report.compare(0, 2, "./") == 0) report = report.substr(2);
  base::Date date = options.as_of;
  if (!cmd.date.empty()) {
    auto d = base::Date::parse(cmd.date);
    if (!d) {
      std::fprintf(stderr, "qahub: error: --date must be a date YYYY-MM-DD, not \"%s\"\n", cmd.date.c_str());
      return kExitUsage;
    }
    date = *d;
  }
  if (options.as_of < date) {
    std::fprintf(stderr, "qahub: error: --date %s is after the as-of date %s\n", date.iso().c_str(),
                 options.as_of.iso().c_str());
    return kExitUsage;
  }
  if (cmd.correcting && base::trim(cmd.correct).empty()) {
    std::fprintf(stderr, "qahub: error: --correct needs a summary of the correction\n");
    return kExitUsage;
  }
  std::fprintf(stderr, "qahub: checking %s as of %s\n", options.site_dir.c_str(), options.as_of.iso().c_str());
  report::PublishRequest req;
  req.report = report;
  req.correcting = cmd.correcting;
  if (!cmd.correcting) req.date = date;
  diag::Diagnostics diags;
  const bool ok = pipeline::build_site(options, diags, nullptr, nullptr, &req);
  if (!ok || !req.found || req.snapshot.is_null())
    return fail(diags, diags.error_count() ? plural(diags.error_count(), "error") : "the report was not found");

  const auto page_text = fs::read_file(options.site_dir / report);
  if (!page_text) return fail(diags, "cannot read " + report);
  const std::string snapshot_file = report::snapshot_path(req.cycle_id);
  json snapshot = req.snapshot;
  std::optional<std::string> page;
  std::string done;
  if (cmd.correcting) {
    if (req.existing.is_null()) return fail(diags, "no snapshot " + snapshot_file + " to correct");
    json values = json::array();
    for (const report::Difference& d : report::differences(req.existing, snapshot))
      values.push_back({{"name", d.name}, {"old", d.old_value}, {"new", d.new_value}});
    if (values.empty())
      return fail(diags, "nothing to correct: the data gives the values " + report + " was published with");
    json corrections = req.existing.value("corrections", json::array());
    corrections.push_back({{"date", date.iso()}, {"summary", cmd.correct}, {"values", values}});
    snapshot["corrections"] = corrections;
    page = report::add_change(*page_text, date.iso(), "Corrected: " + cmd.correct);
    done = "corrected " + report + " (version " + std::to_string(1 + corrections.size()) + ", " +
           plural(values.size(), "value") + ")";
  } else {
    page = report::set_published(*page_text, date.iso());
    done = "published " + report + " on " + date.iso();
  }
  if (!page) return fail(diags, report + " has no front matter to record the publication in");
  std::fputs(diags.format_all().c_str(), stderr);
  if (!fs::replace_file(options.site_dir / snapshot_file, report::snapshot_text(snapshot)) ||
      !fs::replace_file(options.site_dir / report, *page)) {
    std::fprintf(stderr, "qahub: error: cannot write %s or %s\n", snapshot_file.c_str(), report.c_str());
    return kExitSiteErrors;
  }
  std::fprintf(stderr, "qahub: %s; wrote %s\n", done.c_str(), snapshot_file.c_str());
  return kExitOk;
}

}  // namespace qahub::cli
