#include "cli/publish_command.h"

#include <cstdio>
#include <filesystem>
#include <optional>
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

int usage(const std::string& message) {
  std::fprintf(stderr, "qahub: error: %s\n", message.c_str());
  return kExitUsage;
}

/// The options that make no sense together, or empty, before anything is
/// read: "" when they are fine.
std::string option_problem(const PublishCommand& cmd) {
  if (cmd.correcting && cmd.withdrawing) return "--correct and --withdraw cannot be given together";
  if (cmd.withdrawing && base::trim(cmd.withdraw).empty()) return "--withdraw needs the reason the report is withdrawn";
  if (cmd.correcting && base::trim(cmd.correct).empty()) return "--correct needs a summary of the correction";
  if (cmd.early_given && (cmd.correcting || cmd.withdrawing))
    return "--early is for publishing a report, not for --correct or --withdraw";
  if (cmd.early_given && base::trim(cmd.early).empty())
    return "--early needs the reason the report is published before its cycle is complete";
  if (!cmd.correcting && !cmd.withdrawing && base::trim(cmd.approved_by).empty())
    return "qahub publish needs --approved-by ROLE: the role that approved the report for publication";
  if (!cmd.decision.empty()) {
    const size_t slash = cmd.decision.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == cmd.decision.size() ||
        cmd.decision.find('/', slash + 1) != std::string::npos)
      return "--decision must be MEETING/DECISION, such as 2026-11-10-practice-board/d3, not \"" + cmd.decision + "\"";
    if (cmd.correcting || cmd.withdrawing) return "--decision is for publishing a report";
  }
  return "";
}

/// The snapshot on disk with `entry` added under `key`, read again from the
/// file (the build's copy leaves out what is now sensitive, and a withdrawal
/// keeps every byte of what was sent).
std::optional<json> snapshot_with(const std::filesystem::path& file, const std::string& key, const json& entry) {
  const auto text = fs::read_file(file);
  if (!text) return std::nullopt;
  json doc = json::parse(*text, nullptr, false);
  if (!doc.is_object()) return std::nullopt;
  doc[key] = entry;
  return doc;
}

/// `--withdraw`: the snapshot keeps the date and reason; nothing else changes.
int withdraw(const PublishCommand& cmd, const config::BuildOptions& options, const report::PublishRequest& req,
             const std::string& report, base::Date date, const diag::Diagnostics& diags) {
  const std::string snapshot_file = report::snapshot_path(req.cycle_id);
  const std::string published = req.existing.value("published", "");
  if (date.iso() < published)
    return fail(diags, "--date " + date.iso() + " is before the report's publication on " + published);
  json entry = {{"date", date.iso()}, {"reason", base::trim(cmd.withdraw)}};
  if (!base::trim(cmd.approved_by).empty()) entry["approved_by"] = base::trim(cmd.approved_by);
  const auto doc = snapshot_with(options.site_dir / snapshot_file, "withdrawn", entry);
  if (!doc) return fail(diags, "cannot read " + snapshot_file);
  std::fputs(diags.format_all().c_str(), stderr);
  if (!fs::replace_file(options.site_dir / snapshot_file, report::snapshot_text(*doc))) {
    std::fprintf(stderr, "qahub: error: cannot write %s\n", snapshot_file.c_str());
    return kExitSiteErrors;
  }
  std::fprintf(stderr, "qahub: withdrew %s on %s; wrote %s\n", report.c_str(), date.iso().c_str(),
               snapshot_file.c_str());
  return kExitOk;
}

}  // namespace

CLI::App* add_publish_command(CLI::App& app, PublishCommand& cmd, config::BuildOptions& options, std::string& as_of) {
  CLI::App* publish = app.add_subcommand("publish", "Publish a Learning and Improvement report: fix it as sent");
  publish->add_option("report", cmd.report, "The report's content path (content/learning/….md)")->required();
  publish->add_option("--site", options.site_dir, "Site directory (default: .)");
  publish->add_option("--as-of", as_of, "Today's date, YYYY-MM-DD (default: today)");
  publish->add_option("--date", cmd.date, "Publication (or correction) date, YYYY-MM-DD (default: the as-of date)");
  publish->add_option("--approved-by", cmd.approved_by,
                      "The role that approved the report for publication (required to publish)");
  publish->add_option("--decision", cmd.decision,
                      "The meeting decision that approved it, MEETING/DECISION (2026-11-10-practice-board/d3)");
  publish
      ->add_option("--early", cmd.early,
                   "Publish before the cycle has ended, or with no audits, for this reason (printed on the cover)")
      ->each([&cmd](const std::string&) { cmd.early_given = true; });
  publish->add_option("--correct", cmd.correct, "Record a correction of a published report, with this summary")
      ->each([&cmd](const std::string&) { cmd.correcting = true; });
  publish
      ->add_option("--withdraw", cmd.withdraw,
                   "Withdraw a published report for this reason: its page becomes a notice, in no listing")
      ->each([&cmd](const std::string&) { cmd.withdrawing = true; });
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
  if (const std::string problem = option_problem(cmd); !problem.empty()) return usage(problem);
  std::fprintf(stderr, "qahub: checking %s as of %s\n", options.site_dir.c_str(), options.as_of.iso().c_str());
  report::PublishRequest req;
  req.report = report;
  req.correcting = cmd.correcting;
  req.withdrawing = cmd.withdrawing;
  req.early = base::trim(cmd.early);
  req.approved_by = base::trim(cmd.approved_by);
  req.decision = cmd.decision;
  if (!cmd.correcting && !cmd.withdrawing) req.date = date;
  diag::Diagnostics diags;
  const bool ok = pipeline::build_site(options, diags, nullptr, nullptr, &req);
  if (!ok || !req.found || req.snapshot.is_null())
    return fail(diags, diags.error_count() ? plural(diags.error_count(), "error") : "the report was not found");
  if (cmd.withdrawing) return withdraw(cmd, options, req, report, date, diags);

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
    json correction = {{"date", date.iso()}, {"summary", cmd.correct}, {"values", values}};
    if (!req.approved_by.empty()) correction["approved_by"] = req.approved_by;
    corrections.push_back(std::move(correction));
    snapshot["corrections"] = corrections;
    // What was kept at publication stays as it was sent.
    for (const char* kept : {"approval", "early"})
      if (req.existing.contains(kept)) snapshot[kept] = req.existing[kept];
    page = report::add_change(*page_text, date.iso(), "Corrected: " + cmd.correct);
    done = "corrected " + report + " (version " + std::to_string(1 + corrections.size()) + ", " +
           plural(values.size(), "value") + ")";
  } else {
    page = report::set_published(*page_text, date.iso());
    done = "published " + report + " on " + date.iso() + ", approved by " + req.approved_by;
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
