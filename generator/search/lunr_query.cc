#include "search/lunr_query.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_set>

#include "search/js_json.h"
#include "search/json_scan.h"
#include "search/unicode.h"

namespace qahub::search {
namespace {

/// Where lunr's TokenSet.toArray puts a unit among siblings: it pops a stack
/// filled in `Object.keys` order of a node's edges (digit keys first,
/// ascending, then the rest as inserted, i.e. ascending), so the last key
/// comes out first.
uint32_t sibling_rank(char16_t c) { return c >= u'0' && c <= u'9' ? c - u'0' : 0x10000u + c; }

/// toArray's order: a word before its extensions (pre-order), siblings by
/// descending rank.
bool token_set_before(const std::u16string& a, const std::u16string& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return sibling_rank(a[i]) > sibling_rank(b[i]);
  return a.size() < b.size();
}

/// lunr's wildcard match: '*' matches any run of units.
bool glob_match(std::u16string_view pattern, std::u16string_view text) {
  size_t p = 0, t = 0, star = std::u16string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == u'*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::u16string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == u'*') ++p;
  return p == pattern.size();
}

}  // namespace

uint32_t LunrIndex::doc_id(std::string_view ref) {
  // Integer refs (qahub's) through a table; others through a map.
  constexpr uint32_t kTableLimit = 1u << 22;
  const auto n = js_array_index(ref);
  if (n && *n < kTableLimit) {
    if (*n >= int_refs_.size()) int_refs_.resize(*n + 1, UINT32_MAX);
    if (int_refs_[*n] != UINT32_MAX) return int_refs_[*n];
  } else if (auto it = ref_ids_.find(std::string(ref)); it != ref_ids_.end()) {
    return it->second;
  }
  const auto id = static_cast<uint32_t>(refs_.size());
  if (n && *n < kTableLimit)
    int_refs_[*n] = id;
  else
    ref_ids_.emplace(std::string(ref), id);
  refs_.emplace_back(ref);
  vectors_.resize(refs_.size() * fields_.size());
  has_vector_.resize(refs_.size() * fields_.size(), false);
  return id;
}

bool LunrIndex::parse(std::string_view json, LunrIndex& index, std::string& error) {
  index = LunrIndex();
  JsonScanner in(json);
  std::string buffer;
  bool have_fields = false;
  auto field_number = [&](std::string_view name) -> size_t {
    return static_cast<size_t>(std::find(index.fields_.begin(), index.fields_.end(), name) - index.fields_.begin());
  };
  auto read_fields = [&] {
    have_fields = true;
    return in.array([&] {
      std::string name;
      if (!in.string(name)) return false;
      index.fields_.push_back(name);
      return true;
    });
  };
  auto read_vectors = [&] {
    return in.array([&] {
      std::string_view key;
      SparseVector v;
      if (!in.expect('[') || !in.raw_string(key, buffer) || !in.expect(',')) return false;
      bool ok = in.array([&] {
        double term = 0, weight = 0;
        if (!in.number(term) || !in.expect(',') || !in.number(weight)) return false;
        v.emplace_back(static_cast<uint32_t>(term), weight);
        return true;
      });
      if (!ok || !in.expect(']')) return false;
      const size_t slash = key.find('/');
      if (slash == std::string_view::npos) return true;
      const size_t f = field_number(key.substr(0, slash));
      if (f >= index.fields_.size()) return true;
      const uint32_t doc = index.doc_id(key.substr(slash + 1));
      index.vectors_[doc * index.fields_.size() + f] = std::move(v);
      index.has_vector_[doc * index.fields_.size() + f] = true;
      return true;
    });
  };
  auto read_postings = [&] {
    return in.array([&] {
      Term t;
      t.docs.resize(index.fields_.size());
      if (!in.expect('[') || !in.string(t.text) || !in.expect(',')) return false;
      bool ok = in.object([&](const std::u16string& key) {
        if (key == u"_index") {
          double n = 0;
          if (!in.number(n)) return false;
          t.index = static_cast<uint32_t>(n);
          return true;
        }
        const size_t f = field_number(utf16_to_utf8(key));
        if (f >= index.fields_.size()) return in.skip();
        std::vector<std::string> refs;
        if (!in.expect('{')) return false;
        if (!in.eat('}')) {
          do {
            std::string_view ref;
            if (!in.raw_string(ref, buffer) || !in.expect(':') || !in.skip()) return false;
            refs.emplace_back(ref);
          } while (in.eat(','));
          if (!in.expect('}')) return false;
        }
        // Object.keys order; qahub's refs are integers, already ascending.
        bool ascending = true;
        std::optional<uint32_t> last;
        for (const auto& r : refs) {
          auto v = js_array_index(r);
          if (!v || (last && *v <= *last)) {
            ascending = false;
            break;
          }
          last = v;
        }
        std::vector<uint32_t>& docs = t.docs[f];
        if (ascending) {
          for (const auto& r : refs) docs.push_back(index.doc_id(r));
        } else {
          for (size_t i : js_key_order(refs)) docs.push_back(index.doc_id(refs[i]));
        }
        return true;
      });
      if (!ok || !in.expect(']')) return false;
      if (!index.terms_.empty() && !(index.terms_.back().text < t.text)) return false;  // lunr: out of order
      index.terms_.push_back(std::move(t));
      return true;
    });
  };
  const bool ok = in.object([&](const std::u16string& key) {
    if (key == u"fields") return read_fields();
    if (key == u"fieldVectors") return have_fields && read_vectors();
    if (key == u"invertedIndex") return have_fields && read_postings();
    return in.skip();
  });
  if (!ok || in.failed() || !have_fields) {
    error = "not a lunr index";
    index = LunrIndex();
    return false;
  }
  for (const Term& t : index.terms_)
    for (size_t f = 0; f < t.docs.size(); ++f)
      for (uint32_t d : t.docs[f])
        if (!index.has_vector_[d * index.fields_.size() + f]) {
          error = "a posting has no field vector";
          index = LunrIndex();
          return false;
        }
  return true;
}

bool LunrIndex::has_term(std::u16string_view term) const {
  auto it = std::lower_bound(terms_.begin(), terms_.end(), term,
                             [](const Term& t, std::u16string_view v) { return t.text < v; });
  return it != terms_.end() && it->text == term;
}

bool LunrIndex::has_prefix(std::u16string_view prefix) const {
  auto it = std::lower_bound(terms_.begin(), terms_.end(), prefix,
                             [](const Term& t, std::u16string_view v) { return t.text < v; });
  return it != terms_.end() && std::u16string_view(it->text).substr(0, prefix.size()) == prefix;
}

std::vector<uint32_t> LunrIndex::expand(std::u16string_view term) const {
  std::vector<uint32_t> out;
  const size_t star = term.find(u'*');
  auto lower = [&](std::u16string_view v) {
    return static_cast<uint32_t>(std::lower_bound(terms_.begin(), terms_.end(), v,
                                                  [](const Term& t, std::u16string_view x) { return t.text < x; }) -
                                 terms_.begin());
  };
  if (star == std::u16string_view::npos) {
    const uint32_t i = lower(term);
    if (i < terms_.size() && terms_[i].text == term) out.push_back(i);
    return out;
  }
  const std::u16string_view prefix = term.substr(0, star);
  for (uint32_t i = lower(prefix); i < terms_.size(); ++i) {
    const std::u16string& t = terms_[i].text;
    if (std::u16string_view(t).substr(0, prefix.size()) != prefix) break;
    if (star == term.size() - 1 || glob_match(term, t)) out.push_back(i);
  }
  std::sort(out.begin(), out.end(),
            [&](uint32_t a, uint32_t b) { return token_set_before(terms_[a].text, terms_[b].text); });
  return out;
}

std::vector<LunrResult> LunrIndex::query(const std::vector<LunrClause>& clauses) const {
  const size_t nf = fields_.size(), nd = refs_.size();
  std::vector<std::map<uint32_t, double>> query_vectors(nf);
  // Matching (document, field) pairs in the order lunr's matchingFields
  // object gets them, with the (term, field) pairs each one matched.
  std::vector<int32_t> field_ref_slot(nd * nf, -1);
  std::vector<uint32_t> field_refs;  // doc * nf + field
  std::vector<std::vector<uint32_t>> field_ref_terms;
  std::unordered_set<uint64_t> term_field_seen;
  bool any_required = false;
  std::vector<char> required(nd, 1);  // lunr.Set.complete until a required clause
  std::vector<char> prohibited(nd, 0);
  std::vector<char> clause_matches(nd, 0);
  bool negated = true;  // lunr's isNegated(): no clause that is not prohibited

  for (const LunrClause& clause : clauses) {
    if (clause.presence != LunrPresence::kProhibited) negated = false;
    std::fill(clause_matches.begin(), clause_matches.end(), 0);
    const std::vector<uint32_t> expanded = expand(clause.term);
    if (expanded.empty() && clause.presence == LunrPresence::kRequired) {
      any_required = true;
      std::fill(required.begin(), required.end(), 0);
      continue;
    }
    for (uint32_t term_id : expanded) {
      const Term& term = terms_[term_id];
      for (uint32_t f = 0; f < nf; ++f) {
        const std::vector<uint32_t>& docs = term.docs[f];
        if (clause.presence == LunrPresence::kRequired) {
          for (uint32_t d : docs) clause_matches[d] = 1;
          any_required = true;
        }
        if (clause.presence == LunrPresence::kProhibited) {
          for (uint32_t d : docs) prohibited[d] = 1;
          continue;
        }
        query_vectors[f][term.index] += clause.boost;
        if (!term_field_seen.insert(static_cast<uint64_t>(term_id) * nf + f).second) continue;
        for (uint32_t d : docs) {
          const size_t key = static_cast<size_t>(d) * nf + f;
          if (field_ref_slot[key] < 0) {
            field_ref_slot[key] = static_cast<int32_t>(field_refs.size());
            field_refs.push_back(static_cast<uint32_t>(key));
            field_ref_terms.emplace_back();
          }
          field_ref_terms[static_cast<size_t>(field_ref_slot[key])].push_back(term_id);
        }
      }
    }
    if (clause.presence == LunrPresence::kRequired)
      for (size_t d = 0; d < nd; ++d) required[d] = required[d] && clause_matches[d];
  }
  if (!any_required) std::fill(required.begin(), required.end(), 1);
  if (negated) {
    // Only prohibited clauses: every field vector, in serialized order.
    field_refs.clear();
    field_ref_terms.clear();
    for (size_t d = 0; d < nd; ++d)
      for (size_t f = 0; f < nf; ++f)
        if (has_vector_[d * nf + f]) {
          field_refs.push_back(static_cast<uint32_t>(d * nf + f));
          field_ref_terms.emplace_back();
        }
  }

  // Query vectors in term-index order, and their magnitudes summed the same way.
  std::vector<SparseVector> qv(nf);
  std::vector<double> magnitude(nf, 0);
  for (size_t f = 0; f < nf; ++f) {
    double sum = 0;
    for (auto [i, w] : query_vectors[f]) {
      qv[f].emplace_back(i, w);
      sum += w * w;
    }
    magnitude[f] = std::sqrt(sum);
  }

  std::vector<LunrResult> results;
  std::vector<int32_t> result_of(nd, -1);
  for (size_t k = 0; k < field_refs.size(); ++k) {
    const uint32_t doc = field_refs[k] / static_cast<uint32_t>(nf);
    const uint32_t f = field_refs[k] % static_cast<uint32_t>(nf);
    if (!required[doc] || prohibited[doc]) continue;
    const SparseVector& a = qv[f];
    const SparseVector& b = vectors_[field_refs[k]];
    double dot = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i].first < b[j].first)
        ++i;
      else if (a[i].first > b[j].first)
        ++j;
      else
        dot += a[i++].second * b[j++].second;
    }
    double score = dot / magnitude[f];
    if (std::isnan(score)) score = 0;  // `|| 0`
    if (result_of[doc] < 0) {
      result_of[doc] = static_cast<int32_t>(results.size());
      results.push_back({doc, score, {}});
    } else {
      results[static_cast<size_t>(result_of[doc])].score += score;
    }
    auto& matches = results[static_cast<size_t>(result_of[doc])].matches;
    for (uint32_t t : field_ref_terms[k]) matches.emplace_back(t, f);
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const LunrResult& a, const LunrResult& b) { return a.score > b.score; });
  return results;
}

}  // namespace qahub::search
