#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

namespace {

/// One RFC 4180 field: quoted when it holds a comma, quote or line break.
/// A leading = + - @ is prefixed with ' so spreadsheets never run it as a formula.
std::string field(std::string s) {
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string actions_csv(const Context& ctx) {
  std::string out = "id,title,source type,source id,source item,source,owner,due,status,last update,last note,page\r\n";
  for (const auto& [id, a] : ctx.records.actions) {
    const StatusEntry* last = nullptr;
    for (const StatusEntry& e : a.history)
      if (e.date <= ctx.as_of()) last = &e;
    std::vector<std::string> cols = {a.id,
                                     a.title,
                                     a.source_type,
                                     a.source_id,
                                     a.source_item,
                                     source_view(ctx, a)["text"].get<std::string>(),
                                     a.owner,
                                     a.due.iso(),
                                     status_label(shown_status(a, ctx.as_of())),
                                     last ? last->date.iso() : "",
                                     last ? last->note : "",
                                     urls::action(a.id)};
    for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + field(cols[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace qahub::record_pages
