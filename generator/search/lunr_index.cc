#include "search/lunr_index.h"

#include "base/parallel.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "search/js_json.h"
#include "search/unicode.h"

namespace qahub::search {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

std::vector<std::string> names_of(const std::vector<FieldSpec>& fields) {
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name);
  return names;
}

/// Adds to `pieces` the text `out` holds so far, then what
/// `part(text, begin, end)` writes for [0, n), the range cut into pieces
/// written on up to `jobs` threads, in order; `out` starts afresh. The index
/// JSON is 28 MB at 10,000 pages and search is the critical path of a
/// --jobs 2 build; kept as pieces, it is never copied into one string when
/// it goes straight to a file.
template <typename Part>
void in_chunks(std::vector<std::string>& pieces, std::string& out, size_t n, int jobs, Part&& part) {
  if (jobs <= 1 || n < 1024) {
    part(out, 0, n);
    return;
  }
  pieces.push_back(std::move(out));
  out = std::string();
  const size_t count = static_cast<size_t>(jobs) * 8;
  std::vector<std::string> texts(count);
  base::parallel_for(count, jobs, [&](size_t k) { part(texts[k], n * k / count, n * (k + 1) / count); });
  for (std::string& t : texts) pieces.push_back(std::move(t));
}

}  // namespace

LunrIndexBuilder::LunrIndexBuilder(std::vector<FieldSpec> fields, std::vector<std::string> metadata_whitelist,
                                   const std::vector<std::string>& stop_words)
    : whitelist_(std::move(metadata_whitelist)), analyzer_(stop_words) {
  // `this._fields[name] = attributes` on an object: a repeated name keeps its
  // first position and its last attributes; integer-like names come first.
  std::vector<std::string> names = names_of(fields);
  for (size_t i : js_key_order(names)) {
    FieldSpec spec = fields[i];
    for (size_t j = i + 1; j < fields.size(); ++j)
      if (fields[j].name == spec.name) spec.boost = fields[j].boost;
    fields_.push_back(spec);
  }
  // field_order_ maps our (already JS-ordered) fields to the caller's texts.
  for (const auto& f : fields_) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].name == f.name) {
        field_order_.push_back(i);
        break;
      }
    }
  }
}

void LunrIndexBuilder::add(const std::string& ref, const std::vector<std::string>& field_texts, double boost) {
  add_analyzed(ref, analyze(analyzer_, field_texts), boost);
}

LunrIndexBuilder::AnalyzedFields LunrIndexBuilder::analyze(Analyzer& analyzer,
                                                           const std::vector<std::string>& field_texts) {
  AnalyzedFields fields(field_texts.size());
  for (size_t i = 0; i < field_texts.size(); ++i)
    if (!field_texts[i].empty()) fields[i] = analyzer.analyze(utf8_to_utf16(field_texts[i]));
  return fields;
}

void LunrIndexBuilder::add_analyzed(const std::string& ref, AnalyzedFields fields, double boost) {
  const auto doc = static_cast<uint32_t>(refs_.size());
  refs_.push_back(ref);
  doc_boosts_.push_back(boost);
  const bool keep_metadata = !whitelist_.empty();
  for (size_t f = 0; f < fields_.size(); ++f) {
    const size_t source = field_order_[f];
    const auto serial = static_cast<uint32_t>(vectors_.size()) + 1;
    vectors_.emplace_back();
    FieldVector& vec = vectors_.back();
    if (source >= fields.size()) continue;
    std::vector<Token>& tokens = fields[source];
    vec.length = static_cast<uint32_t>(tokens.size());
    for (Token& t : tokens) {
      const auto [id, inserted] = term_ids_.insert(t.text);
      if (inserted) {
        terms_.push_back(Term{t.text, std::vector<std::vector<Posting>>(fields_.size())});
        stamp_.push_back(0);
        slot_.push_back(0);
      }
      if (stamp_[id] != serial) {
        stamp_[id] = serial;
        slot_[id] = static_cast<uint32_t>(vec.term_tf.size());
        vec.term_tf.emplace_back(id, 0);
        uint32_t occurrences = 0;
        if (keep_metadata) {
          occurrences = static_cast<uint32_t>(occurrences_.size());
          occurrences_.emplace_back();
        }
        terms_[id].postings[f].push_back(Posting{doc, occurrences});
      }
      ++vec.term_tf[slot_[id]].second;
      if (keep_metadata)
        occurrences_[terms_[id].postings[f].back().occurrences].push_back({t.start, t.length, t.index});
    }
  }
}

std::string LunrIndexBuilder::to_json(int jobs) const {
  std::vector<std::string> pieces = to_json_pieces(jobs);
  size_t total = 0;
  for (const std::string& p : pieces) total += p.size();
  std::string out;
  out.reserve(total);
  for (std::string& p : pieces) {
    out += p;
    p = std::string();
  }
  return out;
}

std::vector<std::string> LunrIndexBuilder::to_json_pieces(int jobs) const {
  std::vector<std::string> pieces;
  const size_t nfields = fields_.size();
  const size_t ndocs = refs_.size();
  const double n = static_cast<double>(ndocs);

  // Average field lengths: integer sums, one division, as lunr.
  std::vector<double> avg(nfields, 0);
  for (size_t f = 0; f < nfields; ++f) {
    double sum = 0;
    for (size_t d = 0; d < ndocs; ++d) sum += vectors_[d * nfields + f].length;
    avg[f] = sum / n;
  }
  // idf per term; df counts (field, doc) postings over all fields.
  std::vector<double> idf(terms_.size());
  for (size_t t = 0; t < terms_.size(); ++t) {
    double df = 0;
    for (const auto& p : terms_[t].postings) df += static_cast<double>(p.size());
    double x = (n - df + 0.5) / (df + 0.5);
    idf[t] = std::log(1 + std::abs(x));
  }

  // JSON.stringify lists integer-like refs first, ascending.
  // Postings are in insertion order; they need sorting only when that is not
  // already the rank order (qahub's refs "0", "1", … are).
  std::vector<uint64_t> rank(ndocs);
  bool needs_sort = false;
  for (size_t d = 0; d < ndocs; ++d) {
    if (auto v = js_array_index(refs_[d]))
      rank[d] = *v;
    else
      rank[d] = (uint64_t{1} << 32) + d;
    if (d > 0 && rank[d] < rank[d - 1]) needs_sort = true;
  }

  // Every posting names its document and field: their JSON forms made once.
  std::vector<std::string> quoted_refs(ndocs), quoted_fields(nfields);
  for (size_t d = 0; d < ndocs; ++d) append_js_string(quoted_refs[d], refs_[d]);
  for (size_t f = 0; f < nfields; ++f) append_js_string(quoted_fields[f], fields_[f].name);
  auto append_uint = [](std::string& out, uint64_t v) {
    char buf[24];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  };

  std::string out;
  out.reserve(64 + terms_.size() * 48 + ndocs * nfields * 64);
  out += "{\"version\":\"2.3.9\",\"fields\":[";
  for (size_t f = 0; f < nfields; ++f) {
    if (f) out += ',';
    append_js_string(out, fields_[f].name);
  }
  out += "],\"fieldVectors\":[";
  auto field_vectors = [&](std::string& out, size_t d_begin, size_t d_end) {
    std::vector<std::pair<uint32_t, double>> entries;
    for (size_t d = d_begin; d < d_end; ++d) {
      const double doc_boost = doc_boosts_[d] != 0 && !std::isnan(doc_boosts_[d]) ? doc_boosts_[d] : 1;
      for (size_t f = 0; f < nfields; ++f) {
        const FieldVector& vec = vectors_[d * nfields + f];
        const double field_boost = fields_[f].boost != 0 && !std::isnan(fields_[f].boost) ? fields_[f].boost : 1;
        const double field_length = vec.length;
        entries.clear();
        for (auto [id, tf_count] : vec.term_tf) {
          const double tf = tf_count;
          double score = idf[id] * ((kK1 + 1) * tf) / (kK1 * (1 - kB + kB * (field_length / avg[f])) + tf);
          score *= field_boost;
          score *= doc_boost;
          entries.emplace_back(id, js_round(score * 1000) / 1000);
        }
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        if (d || f) out += ',';
        out += '[';
        append_js_string(out, fields_[f].name + "/" + refs_[d]);
        out += ",[";
        bool first = true;
        for (auto [id, w] : entries) {
          if (!first) out += ',';
          first = false;
          append_uint(out, id);
          out += ',';
          append_js_number(out, w);
        }
        out += "]]";
      }
    }
  };
  in_chunks(pieces, out, ndocs, jobs, field_vectors);

  out += "],\"invertedIndex\":[";
  std::vector<uint32_t> order(terms_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return terms_[a].text < terms_[b].text; });

  // Posting keys: "_index" and the field names, in Object.keys order.
  std::vector<std::string> posting_keys = {"_index"};
  for (const auto& f : fields_) posting_keys.push_back(f.name);
  const std::vector<size_t> posting_order = js_key_order(posting_keys);
  const std::vector<size_t> meta_order = js_key_order(whitelist_);

  auto terms = [&](std::string& out, size_t i_begin, size_t i_end) {
    std::vector<const Posting*> sorted;
    for (size_t i = i_begin; i < i_end; ++i) {
      const Term& term = terms_[order[i]];
      if (i) out += ',';
      out += '[';
      append_js_string(out, utf16_to_utf8(term.text));
      out += ",{";
      bool first_key = true;
      for (size_t k : posting_order) {
        if (!first_key) out += ',';
        first_key = false;
        if (k == 0) {
          out += "\"_index\":";
          append_uint(out, order[i]);
          continue;
        }
        const size_t f = k - 1;
        out += quoted_fields[f];
        out += ":{";
        sorted.clear();
        for (const Posting& p : term.postings[f]) sorted.push_back(&p);
        if (needs_sort)
          std::stable_sort(sorted.begin(), sorted.end(),
                           [&](const Posting* a, const Posting* b) { return rank[a->doc] < rank[b->doc]; });
        bool first_doc = true;
        for (const Posting* p : sorted) {
          if (!first_doc) out += ',';
          first_doc = false;
          out += quoted_refs[p->doc];
          out += ":{";
          bool first_meta = true;
          for (size_t m : meta_order) {
            const std::string& key = whitelist_[m];
            const size_t copies = static_cast<size_t>(std::count(whitelist_.begin(), whitelist_.end(), key));
            if (!first_meta) out += ',';
            first_meta = false;
            append_js_string(out, key);
            out += ":[";
            bool first_value = true;
            for (const Occurrence& o : occurrences_[p->occurrences]) {
              for (size_t c = 0; c < copies; ++c) {
                if (!first_value) out += ',';
                first_value = false;
                if (key == "position") {
                  out += '[' + std::to_string(o.start) + ',' + std::to_string(o.length) + ']';
                } else if (key == "index") {
                  out += std::to_string(o.index);
                } else if (key == "fields") {
                  out += '[';
                  append_js_string(out, fields_[f].name);
                  out += ']';
                } else {
                  out += "null";
                }
              }
            }
            out += ']';
          }
          out += '}';
        }
        out += '}';
      }
      out += "}]";
    }
  };
  in_chunks(pieces, out, order.size(), jobs, terms);
  // Only the search pipeline is serialized: the page registers "possessive".
  out += std::string("],\"pipeline\":[\"") + kPossessiveFunction + "\",\"stemmer\"]}";
  pieces.push_back(std::move(out));
  return pieces;
}

}  // namespace qahub::search
