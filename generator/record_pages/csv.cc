#include <string_view>

#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

/// One RFC 4180 field: quoted when it holds a comma, quote or line break.
/// A leading = + - @, tab or carriage return is prefixed with ' so
/// spreadsheets never run it as a formula (OWASP's CSV injection list: a
/// tab or CR can hide the formula character after it).
std::string csv_field(std::string s) {
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string actions_csv(const Context& ctx) {
  // A UTF-8 byte order mark first, or Excel opens the file as ANSI and
  // garbles every non-ASCII character (names such as "Zoë", "–" dashes).
  std::string out =
      "\xEF\xBB\xBFid,title,source type,source id,source item,source,owner,due,status,last update,last note,page\r\n";
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
    for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace qahub::record_pages
