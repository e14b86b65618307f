#include "marking/marking.h"

#include <map>

namespace qahub::marking {

namespace {

/// Checks a marking as written; "" (or an unknown one, after its error) is
/// the default.
std::string checked(const config::Classification& rules, const std::string& written, const diag::Position& pos,
                    diag::Diagnostics& diags) {
  if (written.empty()) return rules.default_marking;
  const std::vector<std::string> known = rules.markings();
  for (const std::string& m : known)
    if (m == written) return written;
  if (known.empty())
    diags.error(pos, "marking \"" + written +
                         "\" needs classification rules in qahub.yaml, such as classification: {default: OFFICIAL, "
                         "sensitive: [OFFICIAL-SENSITIVE]}");
  else
    diags.error(pos, "unknown marking \"" + written + "\"" + diag::did_you_mean(written, known));
  return rules.default_marking;
}

}  // namespace

void decide(const config::Classification& rules, content::ContentSet& content, records::Records& records,
            diag::Diagnostics& diags, const std::vector<record_pages::RecordKind>& kinds) {
  // Sections first: pages are sorted by URL, so a section's _index.md comes
  // before every page inside it.
  std::map<std::string, const content::Page*> sections;
  for (content::Page& p : content.pages) {
    const std::string own = checked(rules, p.meta.classification, p.meta.classification_pos, diags);
    p.marking = own;
    // The nearest section above that exists; a sensitive one wins over the page's own.
    for (std::string url = p.is_section ? content::parent_url(p.url) : p.section_url; !url.empty();
         url = content::parent_url(url)) {
      auto it = sections.find(url);
      if (it == sections.end()) continue;
      const content::Page& s = *it->second;
      if (p.meta.classification.empty() || (s.sensitive && !rules.is_sensitive(own))) p.marking = s.marking;
      break;
    }
    p.sensitive = rules.is_sensitive(p.marking);
    if (p.is_section) sections[p.url] = &p;
  }
  std::map<std::string, const records::Source*> decided;  ///< "kind/id" → its source
  for (const record_pages::RecordKind& kind : kinds) {
    const records::KindStore& store = kind.data.store;
    if (store.empty()) continue;
    store.each(records, [&](const std::string& id, records::Source& src) {
      src.marking = checked(rules, src.classification, src.at("/classification"), diags);
      // A record takes its parent's marking (a meeting its forum's) unless it
      // names one; a sensitive parent's wins over a public one.
      if (auto parent = decided.find(store.marking_parent(records, id)); parent != decided.end()) {
        const records::Source& f = *parent->second;
        if (src.classification.empty() || (f.sensitive && !rules.is_sensitive(src.marking))) src.marking = f.marking;
      }
      src.sensitive = rules.is_sensitive(src.marking);
      decided[std::string(kind.data.name) + "/" + id] = &src;
    });
    // Parts with a marking of their own (a survey's comments): a sensitive record's are sensitive too.
    if (store.parts)
      store.parts(records, [&](const records::Source& src, const std::vector<records::MarkedPart*>& parts) {
        for (records::MarkedPart* p : parts) {
          p->marking = checked(rules, p->classification, src.at(p->pointer + "/classification"), diags);
          if (p->classification.empty() || src.sensitive) p->marking = src.marking;
          p->sensitive = src.sensitive || rules.is_sensitive(p->marking);
        }
      });
  }
  // A sensitive cycle's report page is sensitive.
  for (const auto& [id, c] : records.cycles) {
    if (!c.src.sensitive || c.report.empty()) continue;
    for (content::Page& p : content.pages)
      if (p.source == c.report && !p.sensitive) {
        p.marking = c.src.marking;
        p.sensitive = true;
      }
  }
}

}  // namespace qahub::marking
