// Independence groups: sources, derivations and syndicated copies.

#include "reconcile/independence.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "reconcile/store/sketch.h"

namespace concord::reconcile {
namespace {

constexpr double kSyndicationSimilarity = 0.5;  // estimated Jaccard of word 5-shingles

}  // namespace

// Candidates come from an inverted index of sketch hashes, so only articles that share many
// shingles are compared: linear in the corpus for ordinary news, not quadratic.
void JoinSyndicatedCopies(const std::map<std::int64_t, std::string>& sketches, UnionFind& groups,
                          UnionFind& syndication, const std::function<bool(std::int64_t)>& is_new,
                          std::vector<std::pair<std::int64_t, std::int64_t>>* found) {
  constexpr std::size_t kMinimumSharedHashes = 8;  // of 64: below this Jaccard cannot reach 0.5
  // A hash in more articles than this is boilerplate (a standard sign-off, a template) and
  // is not counted; when every hash of an article is (a story republished by a hundred
  // outlets), its shortest list is checked instead, so no copy is missed.
  constexpr std::size_t kBoilerplateList = 100;
  // The inverted index as one sorted array of (hash, article): 16 bytes an entry, where a
  // map of vectors costs over 100 (a store of 50,000 articles holds 3.2 million entries).
  using Entry = std::pair<std::uint64_t, std::int64_t>;
  std::vector<Entry> articles_by_hash;
  articles_by_hash.reserve(sketches.size() * 64);
  for (const auto& [article, sketch] : sketches) {
    for (std::size_t at = 0; at + sizeof(std::uint64_t) <= sketch.size(); at += sizeof(std::uint64_t)) {
      std::uint64_t hash;
      std::memcpy(&hash, sketch.data() + at, sizeof hash);
      articles_by_hash.emplace_back(hash, article);
    }
  }
  std::sort(articles_by_hash.begin(), articles_by_hash.end());  // articles of a hash in id order, as they were added
  using Range = std::pair<std::vector<Entry>::const_iterator, std::vector<Entry>::const_iterator>;
  for (const auto& [article, sketch] : sketches) {
    if (is_new && !is_new(article)) continue;  // old pairs are stored; only new articles are compared
    std::unordered_map<std::int64_t, std::size_t> shared;
    std::optional<Range> shortest;
    bool counted = false;
    auto count = [&](const Range& others, std::size_t weight) {
      for (auto it = others.first; it != others.second; ++it) {
        const std::int64_t other = it->second;
        // Each pair once: from its larger id, unless only one side is new.
        if (other > article || (is_new && !is_new(other) && other != article)) shared[other] += weight;
      }
    };
    for (std::size_t at = 0; at + sizeof(std::uint64_t) <= sketch.size(); at += sizeof(std::uint64_t)) {
      std::uint64_t hash;
      std::memcpy(&hash, sketch.data() + at, sizeof hash);
      const Range others = std::equal_range(articles_by_hash.begin(), articles_by_hash.end(), Entry{hash, 0},
                                            [](const Entry& a, const Entry& b) { return a.first < b.first; });
      const auto size = static_cast<std::size_t>(others.second - others.first);
      if (!shortest || size < static_cast<std::size_t>(shortest->second - shortest->first)) shortest = others;
      if (size > kBoilerplateList) continue;
      counted = true;
      count(others, 1);
    }
    if (!counted && shortest) count(*shortest, kMinimumSharedHashes);
    for (const auto& [other, count] : shared) {
      if (count < kMinimumSharedHashes) continue;
      // Already joined through a third copy: skip the check, unless every pair is recorded
      // (a stored pair must not depend on an article that may later be removed).
      if (found == nullptr && syndication.Find(article) == syndication.Find(other)) continue;
      if (SketchSimilarity(sketch, sketches.at(other)) >= kSyndicationSimilarity) {
        groups.Join(article, other);
        syndication.Join(article, other);
        if (found != nullptr) found->emplace_back(std::min(article, other), std::max(article, other));
      }
    }
  }
}

std::map<std::int64_t, std::int64_t> JoinSourcesAndDerivations(const std::vector<ArticleRow>& articles,
                                                               UnionFind& groups) {
  std::map<std::int64_t, std::int64_t> source_of_article;
  std::map<std::string, std::int64_t> article_by_key;
  std::map<std::int64_t, std::string> derived_from;
  for (const ArticleRow& article : articles) {
    article_by_key[article.key] = article.id;
    source_of_article[article.id] = article.source_id;
    if (article.derived_from) derived_from[article.id] = *article.derived_from;
  }
  std::map<std::int64_t, std::int64_t> first_article_of_source;
  for (const auto& [article, source] : source_of_article) {
    auto [it, inserted] = first_article_of_source.emplace(source, article);
    groups.Join(article, it->second);
  }
  for (const auto& [article, parent_key] : derived_from) {
    auto parent = article_by_key.find(parent_key);
    if (parent != article_by_key.end()) groups.Join(article, parent->second);
  }
  return source_of_article;
}

Independence BuildIndependence(const std::vector<ArticleRow>& articles,
                               const std::map<std::int64_t, std::string>& sketches) {
  Independence independence;
  JoinSourcesAndDerivations(articles, independence.groups);
  JoinSyndicatedCopies(sketches, independence.groups, independence.syndication, {}, nullptr);
  return independence;
}

}  // namespace concord::reconcile
