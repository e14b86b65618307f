#include "content/attachments.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "content/pages.h"
#include "diag/utf8.h"
#include "fs/files.h"

namespace qahub::content {
namespace {

std::string extension_of(const std::string& path) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return base::ascii_lower(path.substr(dot + 1));
}

bool is_text(const std::string& ext) {
  static const char* kText[] = {"csv", "tsv", "txt", "html", "htm", "json", "xml", "svg", "ics", "vtt"};
  return std::find(std::begin(kText), std::end(kText), ext) != std::end(kText);
}

/// Office documents, PDFs and pictures: their words are not plain text.
bool is_unreadable(const std::string& ext) {
  static const char* kBinary[] = {"pdf",  "doc", "docx", "xls", "xlsx", "xlsm", "ppt",  "pptx", "odt",  "ods",
                                  "odp",  "rtf", "png",  "jpg", "jpeg", "gif",  "webp", "tif",  "tiff", "bmp",
                                  "heic", "zip", "msg",  "eml", "mp4",  "mov",  "mp3",  "m4a",  "wav"};
  return std::find(std::begin(kBinary), std::end(kBinary), ext) != std::end(kBinary);
}

void check_csv(const std::string& path, std::string_view text, char separator, const diag::PersonalDataPolicy& policy,
               diag::Diagnostics& diags) {
  const std::vector<std::vector<CsvCell>> rows = parse_csv(text, separator);
  if (!rows.empty())
    for (const CsvCell& h : rows.front())
      if (const std::string field = child_level_field(h.text); !field.empty())
        diags.error({path, h.line, h.col}, "column \"" + base::trim(h.text) + "\" is child-level data (" + field +
                                               "); the hub holds roles and aggregate figures, not case records");
  for (const auto& row : rows)
    for (const CsvCell& c : row) diag::check_personal_data_at(c.text, {path, c.line, c.col}, policy, diags);
}

}  // namespace

std::vector<std::vector<CsvCell>> parse_csv(std::string_view t, char separator) {
  std::vector<std::vector<CsvCell>> rows;
  std::vector<CsvCell> row;
  int line = 1;
  size_t line_start = 0, i = 0;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") i = line_start = 3;
  auto col = [&](size_t at) { return static_cast<int>(at - line_start) + 1; };
  while (i <= t.size()) {
    CsvCell cell;
    cell.line = line;
    if (i < t.size() && t[i] == '"') {
      cell.col = col(i + 1);
      for (++i; i < t.size(); ++i) {
        if (t[i] == '"') {
          if (i + 1 < t.size() && t[i + 1] == '"') {
            cell.text += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        if (t[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
        cell.text += t[i];
      }
      // Anything between the closing quote and the separator is kept as text.
      while (i < t.size() && t[i] != separator && t[i] != '\n' && t[i] != '\r') cell.text += t[i++];
    } else {
      cell.col = col(i);
      while (i < t.size() && t[i] != separator && t[i] != '\n' && t[i] != '\r') cell.text += t[i++];
    }
    row.push_back(std::move(cell));
    if (i < t.size() && t[i] == separator) {
      ++i;
      continue;
    }
    // End of a row: CRLF, LF or the end of the text.
    if (i < t.size() && t[i] == '\r') ++i;
    if (i < t.size() && t[i] == '\n') ++i;
    const bool blank = row.size() == 1 && row[0].text.empty();
    if (!blank) rows.push_back(std::move(row));
    row.clear();
    ++line;
    line_start = i;
    if (i >= t.size()) break;
  }
  return rows;
}

std::string child_level_field(const std::string& header) {
  // Letters and digits only, lower case, words joined by one space.
  std::string words;
  for (char c : base::ascii_lower(header)) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum)
      words += c;
    else if (!words.empty() && words.back() != ' ')
      words += ' ';
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  static const std::map<std::string, std::string> kFields = {
      {"dob", "date of birth"},
      {"d o b", "date of birth"},
      {"date of birth", "date of birth"},
      {"birth date", "date of birth"},
      {"birthdate", "date of birth"},
      {"child id", "a child's identifier"},
      {"child identifier", "a child's identifier"},
      {"child number", "a child's identifier"},
      {"child ref", "a child's identifier"},
      {"child reference", "a child's identifier"},
      {"case id", "a child's identifier"},
      {"case number", "a child's identifier"},
      {"person id", "a child's identifier"},
      {"upn", "a child's identifier"},
      {"unique pupil number", "a child's identifier"},
      {"nhs", "an NHS number"},
      {"nhs no", "an NHS number"},
      {"nhs number", "an NHS number"},
      {"child name", "a name"},
      {"childs name", "a name"},
      {"name of child", "a name"},
      {"first name", "a name"},
      {"forename", "a name"},
      {"forenames", "a name"},
      {"surname", "a name"},
      {"last name", "a name"},
      {"family name", "a name"},
      {"home address", "an address"},
      {"address", "an address"},
      {"postcode", "an address"},
      {"post code", "an address"},
  };
  auto it = kFields.find(words);
  return it == kFields.end() ? "" : it->second;
}

void check_attachments(const std::filesystem::path& site_dir, const std::vector<Asset>& assets,
                       const diag::PersonalDataPolicy& policy, const std::vector<std::string>& checked,
                       diag::Diagnostics& diags) {
  for (const Asset& a : assets) {
    const std::string ext = extension_of(a.source);
    if (is_unreadable(ext)) {
      if (std::find(checked.begin(), checked.end(), a.source) == checked.end())
        diags.notice({a.source},
                     "attachment qahub cannot read for personal data; once a person has checked it, "
                     "list it in qahub.yaml checked_attachments");
      continue;
    }
    if (!is_text(ext)) continue;
    const auto text = fs::read_file(site_dir / a.source);
    if (!text) {
      diags.error({a.source}, "cannot read file");
      continue;
    }
    if (!diag::check_utf8(*text, a.source, diags)) continue;
    if (ext == "csv" || ext == "tsv")
      check_csv(a.source, *text, ext == "csv" ? ',' : '\t', policy, diags);
    else
      diag::check_personal_data(*text, a.source, 0, policy, diags);
  }
}

}  // namespace qahub::content
