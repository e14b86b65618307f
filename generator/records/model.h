#pragma once
/// Typed practice records, one struct per kind, and the store that holds them
/// keyed by id. Relations are ids, never pointers (the store is built once,
/// then read), so views and checks look things up through `Records`.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "config/risk_matrix.h"
#include "diag/diagnostics.h"
#include "markdown/document.h"
#include "records/json_positions.h"

namespace qahub::records {

struct Records;

/// The file a record came from, with positions for diagnostics that are found
/// after loading (references, statuses, cadence).
struct Source {
  std::string path;  ///< site-relative ("data/actions/a-001.json")
  std::shared_ptr<const JsonPositions> positions;
  /// The record's "classification" as written ("" when it names none).
  std::string classification;
  /// Its protective marking and whether that is sensitive, once
  /// generator/marking/ has decided (inheritance and the site default applied).
  std::string marking;
  bool sensitive = false;

  /// The position of the value at `pointer` (or its nearest ancestor).
  diag::Position at(const std::string& pointer) const;
};

/// A Markdown file beside a record (minutes, terms of reference, an audit
/// summary), parsed and kept as a document: its links are checked in the
/// build's links pass like a content page's, and it is rendered into its
/// record page (headings one level down, ids prefixed) only after that.
struct Narrative {
  std::string source;     ///< site-relative ("data/meetings/2026-11-10-practice-board.md")
  std::string id_prefix;  ///< "minutes": its heading ids become "minutes-…" on the page
  markdown::Document doc;
  /// Its record's marking is sensitive (generator/marking/): its links may
  /// point at other sensitive pages.
  bool sensitive = false;
};

/// An id-bearing piece of text inside a record: a key learning point, a
/// finding, a recommendation or a decision.
struct Item {
  std::string id;
  std::string text;
};

/// One reference a record makes to another record, an item of one or a
/// content page: read by both the existence check (refs.h) and the
/// sensitivity check (generator/marking/), so a kind lists its references
/// once, in its struct's `references()`.
struct Ref {
  std::string pointer;  ///< where in the record ("/source/id")
  /// What it names: a kind's name ("forum"), "content" (a content page's
  /// source, "content/x.md") or "finding" (a cited item, "record/item").
  std::string kind;
  std::string id;
  std::string item = {};          ///< an item of record `id` ("r1"), checked at `item_pointer`; "" for none
  std::string item_pointer = {};  ///< "/source/item"
  /// Withholding drops this name silently when it names a sensitive record
  /// (a decision's actions), so a public record may make it.
  bool may_name_sensitive = false;
  /// What an unknown name is called in its error ("code" for an action's
  /// `addresses`, "recommendation set" for a plan's `responds_to`); "" says its kind.
  std::string noun = {};
};

/// An item others may cite as "record/item" (a finding, a key learning point).
struct CitedItem {
  std::string id, label, text;  ///< "r1", "recommendation", its words
};

/// What of a record others may cite, from its struct's `citable()`: the
/// record itself (when `label` is set) and its items, in the record's order.
struct Citable {
  std::string label;  ///< "audit cycle"; "" when only its items may be cited (a meeting)
  std::string title;  ///< "Cycle 1, 2025-26"
  std::string where;  ///< where an item of it comes from, for lists: "Audit cycle: Cycle 1, 2025-26"
  std::vector<CitedItem> items = {};
};

/// A cited record or item ("record" or "record/item" in Records::cited).
struct RefTarget {
  std::string kind;        ///< its kind's name ("audit")
  std::string record;      ///< record id
  std::string item;        ///< item id, "" for the record itself
  std::string label;       ///< "area for development", "recommendation", "key learning point", "decision", "strength"
  std::string text;        ///< the item's text (or the record's title); the item id is its anchor on the record's page
  std::string where = {};  ///< Citable::where of its record
};

/// An ISO 8601 period (P1M, P2W…) with the wording people read.
struct Frequency {
  std::string period;  ///< "" when the body has no fixed cadence
  std::string wording;
};

/// What a kind's `check()` reads besides the records: the build date.
struct CheckInput {
  base::Date as_of;
  /// No action failed to load: the checks that count what names an item
  /// (an uncovered recommendation) run only then, so one broken action file
  /// does not also report the items it addresses as uncovered.
  bool complete = true;
};

/// Adds an ISO 8601 period of one unit ("P2M") to a date; months clamp to the
/// month's last day. nullopt for an unsupported period.
std::optional<base::Date> add_period(base::Date d, const std::string& period);

struct Forum {
  Source src;
  std::string id, name, type, remit, chair, guidance;
  Frequency frequency;
  std::vector<std::string> membership;
  int quorum = 0;
  std::optional<base::Date> tor_agreed;
  base::Date tor_review_by;
  std::string tor_file;       ///< Markdown beside the record, "" if none
  std::optional<size_t> tor;  ///< index into Records::narratives

  /// What its page shows of Records::narratives (records/kind_store.h).
  std::vector<size_t> narratives() const { return tor ? std::vector<size_t>{*tor} : std::vector<size_t>{}; }
  std::vector<Ref> references() const { return {{"/guidance", "content", guidance}}; }
};

struct AgendaItem {
  std::string time, item, lead;
  std::vector<std::string> papers;
  std::string cycle;  ///< the audit cycle the item is about ("" if none), for its report's meetings block
};

struct Decision {
  std::string id, text;
  std::vector<std::string> actions;
};

struct Meeting {
  Source src;
  std::string id, forum;
  base::Date date;
  std::vector<std::string> attendees, apologies;
  std::vector<AgendaItem> agenda;
  std::vector<Decision> decisions;
  std::string minutes_file;
  std::optional<size_t> minutes;  ///< index into Records::narratives

  std::vector<size_t> narratives() const { return minutes ? std::vector<size_t>{*minutes} : std::vector<size_t>{}; }
  /// A meeting takes its forum's marking unless it names one (records/kind_store.h).
  std::string marking_parent() const { return "forum/" + forum; }
  std::vector<Ref> references() const;      ///< its forum, agenda cycles, decisions' actions (load_forums.cc)
  Citable citable(const Records& r) const;  ///< its decisions
  /// Drops the names `gone(kind, id)` picks among those it may make of a
  /// withheld record (Ref::may_name_sensitive): its decisions' actions.
  void forget(const std::function<bool(const std::string& kind, const std::string& id)>& gone);
};

/// Where a grade sits whatever the scale: trends compare cycles graded on
/// different scales by band only.
enum class Band { kGoodOrBetter, kBelowGood, kSerious };

/// One level of a grading scale ("requires_improvement", "Requires improvement").
struct ScaleLevel {
  std::string id, label, meaning;
  Band band = Band::kBelowGood;
};

/// A categorical grading scale (data/scales/<id>.json, or the built-in
/// ofsted-4): its levels in order, best first, and the dates it applies.
struct Scale {
  Source src;  ///< path "" for the built-in scale
  std::string id, name, description;
  std::vector<ScaleLevel> levels;
  std::optional<base::Date> from, until;
  bool built_in = false;

  const ScaleLevel* level(const std::string& id) const;
};

/// The id of the scale a cycle uses when it names none.
inline constexpr const char* kDefaultScale = "ofsted-4";

/// How many audits got one level of a scale.
struct GradeCount {
  std::string level;  ///< a level id of the cycle's scale
  Band band = Band::kBelowGood;
  long count = 0;
};

/// Counts by level id, in the scale's level order (every level present).
struct Grades {
  std::vector<GradeCount> levels;

  /// The count of `level`; 0 when the scale has no such level.
  long count(const std::string& level) const;
  /// Whether the scale has `level`.
  bool has(const std::string& level) const;
  long in_band(Band band) const;
  long good_or_better() const { return in_band(Band::kGoodOrBetter); }
  long total() const;
};

struct Moderation {
  long agreed = 0, raised = 0, lowered = 0;
  long total() const { return agreed + raised + lowered; }
};

struct FamilyFeedback {
  long asked = 0, responded = 0;
  bool has_ratings = false;
  long very_good = 0, good = 0, fair = 0, poor = 0;
};

/// One row of a cycle's breakdown: the audits of one service in one area.
struct BreakdownRow {
  std::string service, area;  ///< ids from data/organisation.json
  long expected = 0, completed = 0, moderated = 0;
  Grades grades;
  Moderation moderation;
  std::string pointer;  ///< "/figures/breakdown/3", for diagnostics
};

/// Moderation by someone from outside the authority.
struct ExternalModeration {
  long audits = 0, moderated = 0;
};

/// What happened to the audits graded inadequate.
struct Escalations {
  long inadequate = 0, escalated = 0, re_audited = 0;
};

struct CycleMonth {
  std::string key;    ///< "practitioner_audits"
  std::string label;  ///< "Practitioner audits within own service"
  base::Date start, end;
};

struct Cycle {
  Source src;
  std::string id, year, report;
  std::string scale = kDefaultScale;  ///< the id of the grading scale its grades use
  int number = 0;
  std::vector<CycleMonth> months;  ///< always four, in order
  long audits_completed = 0, audits_moderated = 0;
  Grades grades;
  Moderation moderation;
  std::optional<FamilyFeedback> feedback;
  /// Moderated by someone outside the case's line management with no prior
  /// knowledge of the case: the independence inspectors ask about.
  std::optional<long> independent;
  std::optional<ExternalModeration> external;
  std::optional<Escalations> escalations;
  /// One row per service and area audited; empty when the cycle has none.
  std::vector<BreakdownRow> breakdown;
  std::vector<Item> key_learning;

  base::Date start() const { return months.front().start; }
  base::Date end() const { return months.back().end; }
  std::string title() const;  ///< "Cycle 1, 2025-26"
  std::vector<Ref> references() const { return {{"/report", "content", report}}; }
  Citable citable(const Records& r) const;  ///< itself and its key learning points
};

/// A service or an area of data/organisation.json.
struct OrgUnit {
  std::string id, name;
};

/// The services and areas a cycle's figures are broken down by, in the
/// order authors list them.
struct Organisation {
  Source src;
  std::vector<OrgUnit> services, areas;

  const OrgUnit* service(const std::string& id) const;
  const OrgUnit* area(const std::string& id) const;
};

struct Recommendation {
  std::string id, text;
  std::vector<std::string> addresses;
};

struct Audit {
  Source src;
  std::string id, theme, scope, sample_description, summary_file;
  std::optional<size_t> summary;  ///< index into Records::narratives
  long sample_size = 0;
  base::Date start, end;
  std::optional<base::Date> reported;
  std::vector<Item> strengths, areas;
  std::vector<Recommendation> recommendations;
  std::vector<std::string> follows_up;  ///< refs "record/item"

  std::vector<size_t> narratives() const { return summary ? std::vector<size_t>{*summary} : std::vector<size_t>{}; }
  std::vector<Ref> references() const;      ///< its follows_up
  Citable citable(const Records& r) const;  ///< itself, strengths, areas, recommendations
};

enum class Status { kOpen, kInProgress, kComplete, kCarriedForward, kOverdue, kDueSoon };

struct StatusEntry {
  base::Date date;
  Status status = Status::kOpen;
  std::string note;
};

struct Impact {
  base::Date date;
  std::string text;
};

/// One reschedule of an action: when it was agreed, the new due date, why.
struct Reschedule {
  base::Date date, due;
  std::string reason;
};

struct Action {
  Source src;
  std::string id, title, owner;
  std::string source_type, source_id, source_item;  ///< "audit", "father-inclusive-2025", "r1"
  /// The due date now: the last reschedule's, else the one first set.
  base::Date due;
  /// The due date first set ("due" in the file); differs from `due` once rescheduled.
  base::Date original_due;
  std::vector<Reschedule> due_history;  ///< oldest first
  std::vector<StatusEntry> history;     ///< in date order
  std::vector<Impact> impact;
  std::string ref;                     ///< the plan's own number ("2.3.6"), "" for none
  std::vector<std::string> addresses;  ///< "set/item" and "plan/code" references
  std::optional<base::Date> start;
  std::string recurs;  ///< an ISO 8601 period for a standing action ("P1W"), "" for one that completes
  std::vector<std::string> joint_with;

  /// Its source (record and item; for a plan, the plan only: its item is an
  /// outcome, checked by the plan, records/load_plans.cc) and what it addresses.
  std::vector<Ref> references() const;
  /// Notices against as_of: rescheduled three or more times.
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

struct Phase {
  std::string quarter;  ///< "2026-Q2"
  std::string activity, audience;
};

struct Training {
  Source src;
  std::string id, name, description;
  std::vector<std::string> audience;
  std::vector<Phase> phases;
  std::vector<std::string> linked_findings;  ///< refs "record/item"

  std::vector<Ref> references() const;  ///< its linked_findings
};

struct Schedule {
  Source src;
  std::string id, kind, name, purpose, difference, informs_practice, forum;
  std::vector<std::string> audience;
  Frequency frequency;
  /// The publication type or scorecard whose publications deliver it ("committee-report"), "" for none.
  std::string fulfilled_by;

  std::vector<Ref> references() const { return {{"/forum", "forum", forum}}; }
};

/// One team's use of a learning brief (data/brief-uses/<id>.json): a kind
/// without a page per record, counted on its brief's page and on the pages of
/// the cycle, audit or meeting the brief was made from (briefs/briefs.h).
struct BriefUse {
  Source src;
  std::string id;
  std::string brief;  ///< the brief's content path ("content/briefs/x.md")
  std::string team;   ///< a team or role, never a person
  base::Date date;
  std::string meeting;  ///< a meeting id, "" if none
  std::string agreed_change, follow_up;

  std::vector<Ref> references() const { return {{"/brief", "content", brief}, {"/meeting", "meeting", meeting}}; }
};

/// When a recommendation is to be met: at once, within a period of its set's
/// issue ("P3M"), or by a date.
struct Timeframe {
  enum class Kind { kImmediately, kWithin, kBy };
  Kind kind = Kind::kImmediately;
  std::string within;  ///< "P3M" for kWithin
  base::Date by;       ///< for kBy
};

/// One recommendation (or target) of a set, with its due date worked out
/// from the set's issue date.
struct SetItem {
  std::string id, text, group;  ///< group: a group id of the set, "" for none
  Timeframe timeframe;
  base::Date due;  ///< issued for "immediately"; issued + period; the date given
};

/// A judgement of an inspection: an area and a level of the set's scale.
struct Judgement {
  std::string area, level;
};

/// A set of recommendations (data/recommendations/<id>.json): an
/// inspection's, an improvement notice's targets, a case review's; or a
/// review's strengths and areas for development. Its items are cited as
/// "set/item" (an action's `addresses`, a brief's source, an audit's
/// `follows_up`). Pages and checks: record_pages/pages_recommendations.cc,
/// records/load_recommendations.cc.
struct RecommendationSet {
  Source src;
  std::string id, title, kind, owner;
  std::string scale = kDefaultScale;  ///< the scale its judgements use
  base::Date issued;
  std::vector<Judgement> judgements;  ///< by area
  std::vector<Item> groups;           ///< headings, in the source document's order
  std::vector<SetItem> items;
  std::vector<Item> strengths, areas;
  /// A statement of action is due within this many working days of issue
  /// (s137), and by this date (weekends and bank_holidays skipped); 0: none.
  long statement_days = 0;
  std::optional<base::Date> statement_due;

  /// "Ofsted inspection" style words for its kind.
  std::string kind_words() const;
  const Item* group(const std::string& id) const;
  Citable citable(const Records& r) const;  ///< itself, its items, strengths and areas
  /// Judgement levels on its scale (errors); notices against as_of: an item
  /// no action addresses, an item past its timeframe with no addressing
  /// action complete, an "immediately" item whose first action starts more
  /// than 14 days after issue, a statement of action due with no agreed plan
  /// responding.
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

/// The days after issue within which an "immediately" item's first action
/// should start.
inline constexpr long kImmediateStartDays = 14;

/// An outcome of a plan's priority ("2.3"), with its measures as written.
struct Outcome {
  std::string id, text;
  std::vector<std::string> measures;
};

struct Priority {
  std::string id, title, lead;
  std::vector<std::string> objectives;
  std::vector<Outcome> outcomes;
};

/// An improvement plan (data/plans/<id>.json): priorities → outcomes, with
/// its actions being the action records whose source names it. Its codes
/// (core tasks) and outcomes are cited as "plan/code" and "plan/2.3".
/// Pages and checks: record_pages/pages_plans.cc, records/load_plans.cc.
struct Plan {
  Source src;
  std::string id, title, status;  ///< status: "draft", "agreed", "closed"
  base::Date start, end;
  std::optional<base::Date> agreed_on;
  std::string agreed_by;        ///< a role, "" for none
  std::string agreed_decision;  ///< "meeting/decision", "" for none
  std::string monitored_by;     ///< a forum id
  std::vector<std::string> reports_to, responds_to;
  std::vector<Item> codes;
  std::vector<Priority> priorities;

  const Outcome* outcome(const std::string& id) const;
  /// The ids of its outcomes, in order ("did you mean").
  std::vector<std::string> outcome_ids() const;
  std::vector<Ref> references() const;      ///< forums, sets it responds to, the decision that agreed it
  Citable citable(const Records& r) const;  ///< itself, its codes and outcomes
  /// Its actions' source.item names one of its outcomes (errors).
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

/// One period's value of an indicator: a row of its values CSV
/// (`<id>.values.csv`), or worked out from the records (`figure`).
struct IndicatorValue {
  std::string period;              ///< as written ("2026-Q2")
  long index = 0;                  ///< its step on the period type's scale (records/indicator_rules.h)
  base::Date end;                  ///< its last day
  std::optional<long long> value;  ///< millionths; nullopt for a symbol
  char symbol = 0;                 ///< 'c' suppressed, 'x' not available, 'z' not applicable; 0 for a number
  std::optional<long long> numerator, denominator;  ///< millionths
  char flag = 0;                                    ///< 'p', 'r', 'e', 'u'; 0 for none
  std::string note, commentary;
  diag::Position at;  ///< the row's period cell ("data/indicators/x.values.csv", line, 1)
};

/// A target over a date range: a value, a band (polarity range) or a
/// comparator plus an offset; a floor or a tolerance, not both.
struct IndicatorTarget {
  base::Date from;
  std::optional<base::Date> until;
  std::optional<long long> value, low, high;  ///< millionths
  std::string relative_to;                    ///< a comparator kind; "" for none
  long long offset = 0;
  std::optional<long long> floor, tolerance;
  std::string decided_by;  ///< "meeting/decision", "" for none
  std::string pointer;     ///< "/targets/0"
};

/// A comparator value: England, statistical neighbours or the region, with
/// the model that picks the neighbours ("CSSNBT 2023") and its period.
struct Comparator {
  std::string kind, model, period, source;
  base::Date end;  ///< the period's last day
  long long value = 0;
  std::string pointer;
};

/// A change of definition: the series is not joined across it.
struct SeriesBreak {
  std::string period, reason;
  long index = 0;
};

/// A performance indicator (data/indicators/<id>.json, issue 34): its
/// definition, targets and comparators; its values from the CSV beside it
/// or from a figure of the records. The rules that rate it are
/// records/indicator_rules.h; the series with each period rated, records/indicators.h.
struct Indicator {
  Source src;
  std::string id, title, definition, source, owner, unit;
  int decimals = 0;
  std::string polarity;                                  ///< "higher", "lower", "range"
  bool info_only = false;                                ///< a measure for information: never rated
  std::string kind;                                      ///< "performance", "activity"
  std::optional<long long> expected_low, expected_high;  ///< an activity indicator's expected range
  std::string period_type;             ///< "month", "quarter", "financial-year", "rolling-12", "year-to-date"
  std::string measures;                ///< a plan outcome or recommendation item ("set/item"), "" for none
  std::vector<std::string> tested_by;  ///< audit ids
  std::vector<IndicatorTarget> targets;
  std::vector<Comparator> comparators;
  std::vector<SeriesBreak> breaks;
  std::string figure;  ///< "good_or_better": values from the cycles; "" for the CSV
  /// "survey/question": one value per run of that survey (records/surveys.h); "" for none.
  std::string survey_question;
  std::vector<std::string> survey_options;  ///< the options whose share is the value; empty: the question's headline
  std::string values_path;                  ///< "data/indicators/x.values.csv", "" when there is none
  std::vector<IndicatorValue> values;       ///< the CSV's rows, in period order

  /// What it measures, the audits that test it, the decisions that set its targets.
  std::vector<Ref> references() const;
  /// Errors: what it measures is not an outcome or recommendation item, a
  /// relative target with no comparator at or before a period. Notices
  /// against as_of: missing periods, a value not met with no commentary, an
  /// old or unmodelled comparator, a target no decision set (load_indicators.cc).
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

/// A section of a scorecard: a heading over indicators, in the order shown.
struct ScorecardSection {
  std::string title;
  std::vector<std::string> indicators;  ///< indicator ids
};

/// A scorecard (data/scorecards/<id>.json, issue 34): sections of
/// indicators rated at a date by the fixed rules, the schedule entry it
/// serves, and how direction of travel is worked out. Resolved at a date by
/// records/scorecards.h, so its page, CSV and report block agree.
struct Scorecard {
  Source src;
  std::string id, title, description, owner;
  std::string schedule;                    ///< a data/schedules/ id, "" for none
  std::string method = "previous-period";  ///< "previous-period", "same-period-last-year", "trend"
  int points = 6;                          ///< trend: how many latest values
  long long threshold = 500'000;           ///< trend: millionths per period under which there is no clear trend
  std::vector<ScorecardSection> sections;

  /// Its schedule entry and every indicator it shows.
  std::vector<Ref> references() const;
};

/// One assessment of a risk: its likelihood and impact on the site's risk
/// matrix on a date, and what the review found.
struct RiskAssessment {
  base::Date date;
  long likelihood = 0, impact = 0;
  std::string note;
  long score() const { return likelihood * impact; }
};

/// A risk on the register (data/risks/<id>.json, issue 35): scored on
/// qahub.yaml's matrix (Records::risk_matrix) at each review, mitigated by
/// actions. What it is as of a date (score, band, direction, overdue) is
/// records/risks.h; pages record_pages/pages_risks.cc.
struct Risk {
  Source src;
  std::string id, title, text, owner, category;
  std::optional<long> target_score;
  std::vector<std::string> mitigations;  ///< action ids
  std::vector<RiskAssessment> history;   ///< oldest first; the first is when it was raised
  base::Date review_by;
  std::optional<base::Date> closed;

  std::vector<Ref> references() const;  ///< its mitigations
  /// Errors: a likelihood, impact or target outside the matrix. Notices
  /// against as_of (open risks): in the top band with no open mitigation, a
  /// review overdue, a mitigation complete while the score has not moved
  /// for two reviews since (load_risks.cc).
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

/// One answer a survey question offers, with how many chose it (or, where
/// only shares are known, the share who did).
struct SurveyOption {
  std::string id, label;
  std::optional<long> count;
  std::optional<long long> share;  ///< percent in millionths (62.5% is 62'500'000)
};

/// A question's counts in one service or area.
struct SurveyBreakdownRow {
  std::string unit;  ///< a service or area id
  long respondents = 0;
  std::map<std::string, long> counts;  ///< option id → count (an option not named is 0)
  std::string pointer;                 ///< "/questions/0/breakdown/rows/1"
};

struct SurveyQuestion {
  std::string id, text;
  long respondents = 0;               ///< its own, else the survey's
  std::vector<std::string> headline;  ///< option ids it is reported by (default: the first option)
  std::vector<SurveyOption> options;
  bool shares_only = false;  ///< its options give shares, not counts
  std::string breakdown_by;  ///< "service", "area", "" for none
  std::vector<SurveyBreakdownRow> breakdown;
  std::string pointer;  ///< "/questions/0"

  const SurveyOption* option(const std::string& id) const;
};

/// A part of a record with its own protective marking (a survey's quoted
/// comment): generator/marking/ decides it as it decides records', and
/// withholding drops the sensitive ones (records/kind_store.h `parts`).
struct MarkedPart {
  std::string pointer;         ///< "/comments/0"
  std::string classification;  ///< as written; "" takes its record's marking
  std::string marking;         ///< decided
  bool sensitive = false;
};

/// A quoted comment, which may carry its own marking.
struct SurveyComment {
  std::string text, question;
  MarkedPart mark;
};

/// One run of a survey (data/surveys/<id>.json), load_surveys.cc.
struct Survey {
  Source src;
  std::string id, title, audience, run_by, summary, repeats;
  std::optional<base::Date> from;  ///< the first day it was open, when a period is given
  base::Date date;                 ///< the day it closed
  std::optional<long> invited;
  long respondents = 0;
  std::vector<SurveyQuestion> questions;
  std::vector<SurveyComment> comments;

  const SurveyQuestion* question(const std::string& id) const;
  /// "20 March 2026", "2 February 2026 to 27 February 2026".
  std::string when() const;
  /// Its comments' markings (records/kind_store.h).
  std::vector<MarkedPart*> marked_parts();
  /// Drops its sensitive comments.
  void drop_sensitive_parts();
  /// The run it repeats.
  std::vector<Ref> references() const;
  /// Errors: it repeats a run that is not earlier, or itself through others.
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

/// An item of evidence (data/evidence/<id>.json, issue 37): one document,
/// record or page a self-evaluation's claims cite. A record of its own, so
/// one item serves every quarterly version and every year that cites it;
/// each self-evaluation numbers the items it cites E1…En (report/).
struct Evidence {
  Source src;
  std::string id, title;
  std::string kind;  ///< data, audit, report, minutes, feedback, policy, external
  /// What it is: exactly one of a record ({kind, id}), a content page's source, or an external title.
  std::string record_kind, record, page, external;
  std::optional<base::Date> date;  ///< when it is from; none while under development
  std::string owner;               ///< a role
  std::string status;              ///< in-place, under-development, not-applicable
  std::string note;                ///< why it is under development and what is being done
  std::optional<base::Date> due;   ///< when it will be in place
  std::string annex_a;             ///< "numerical", "written" or "": its place on the readiness list

  /// The record or page it is.
  std::vector<Ref> references() const;
  /// Notice against as_of: under development past its due date (load_evidence.cc).
  void check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const;
};

/// Every record, by id within each kind (std::map: output order is id order).
struct Records {
  std::map<std::string, Forum> forums;
  std::map<std::string, Meeting> meetings;
  std::map<std::string, Cycle> cycles;
  std::map<std::string, Audit> audits;
  std::map<std::string, Action> actions;
  std::map<std::string, Training> training;
  std::map<std::string, Schedule> schedules;
  std::map<std::string, BriefUse> brief_uses;
  std::map<std::string, RecommendationSet> recommendations;
  std::map<std::string, Plan> plans;
  std::map<std::string, Indicator> indicators;
  std::map<std::string, Scorecard> scorecards;
  std::map<std::string, Risk> risks;
  /// qahub.yaml `risks:`, the matrix risks are scored on (LoadInput::risk_matrix).
  config::RiskMatrix risk_matrix;
  std::map<std::string, Survey> surveys;
  std::map<std::string, Evidence> evidence;
  /// qahub.yaml `disclosure.min_cell`, set by the build after loading: a
  /// survey run with fewer respondents publishes no share anywhere (its
  /// page, an indicator's value from it).
  long min_cell = 5;
  /// data/scales/; the built-in ofsted-4 is not here unless a site file overrides it (find_scale).
  std::map<std::string, Scale> scales;
  /// data/organisation.json; nullopt when the site has none (or it failed to load).
  std::optional<Organisation> organisation;
  /// Every narrative named by a record above, in load order.
  std::vector<Narrative> narratives;
  /// data/search/synonyms.json as written ("" when the site has none): search
  /// parses it (search/synonyms.h), since its groups are stemmed there.
  std::string synonyms_json;
  /// Every citable record and item ("record" or "record/item"), from the
  /// `citable()` of each kind's records (index_citations, records/refs.h);
  /// marking::withhold takes out those of withheld records.
  std::map<std::string, RefTarget> cited;
  /// Where records and their narratives hold `TODO:` (diag/placeholders.h),
  /// in load order: the report pass says what each one means.
  std::vector<diag::Position> placeholders;
};

/// The scale `id`: the site's data/scales/<id>.json, else the built-in
/// ofsted-4 for that id; nullptr for an unknown id.
const Scale* find_scale(const Records& records, const std::string& id);
/// The built-in Ofsted four-point scale.
const Scale& builtin_scale();
/// Counts on the built-in scale, best first (reading old snapshots; tests).
Grades ofsted_grades(long outstanding, long good, long requires_improvement, long inadequate);
/// The ids find_scale knows, sorted (for "did you mean").
std::vector<std::string> scale_ids(const Records& records);
/// "good-or-better", "below-good", "serious".
const char* band_key(Band band);
/// "good or better", "below good", "serious".
const char* band_words(Band band);

}  // namespace qahub::records
