#pragma once
// Independence of sources (SCORING.md): which articles tell a fact on their own account and
// which repeat another (the same source, a derived text, a syndicated copy). Plain rows in,
// groups out; the store loads the rows (reconcile/store/store_impl.h).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "reconcile/store/rows.h"

namespace concord::reconcile {

// Union-find over article ids; the smaller id is a set's root, so results are deterministic.
struct UnionFind {
  std::map<std::int64_t, std::int64_t> parent;
  std::int64_t Find(std::int64_t x) {
    auto it = parent.find(x);
    if (it == parent.end()) {
      parent[x] = x;
      return x;
    }
    if (it->second == x) return x;
    std::int64_t root = Find(it->second);
    parent[x] = root;
    return root;
  }
  void Join(std::int64_t a, std::int64_t b) {
    std::int64_t ra = Find(a), rb = Find(b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);  // smaller id is the root: deterministic
  }
};

// Independence groups of the stored articles (SCORING.md): one group per source, joined
// with what an article derives from and with syndicated copies (`syndication` alone).
struct Independence {
  UnionFind groups;
  UnionFind syndication;
};

// The groups of `articles` (in id order) with their sketches (article id → sketch): every pair
// of articles is checked for copies.
Independence BuildIndependence(const std::vector<ArticleRow>& articles,
                               const std::map<std::int64_t, std::string>& sketches);

// Joins in `groups` every article (in id order) with its source's first article and with the
// article it derives from; returns each article's source id.
std::map<std::int64_t, std::int64_t> JoinSourcesAndDerivations(const std::vector<ArticleRow>& articles,
                                                               UnionFind& groups);

// Near-duplicate articles (syndicated copies) by their bottom-k sketches (article id →
// sketch): joins copies in `groups` and `syndication`. With `is_new`, only pairs with at least
// one new article are checked; with `found`, every similar pair checked is appended (smaller
// id first).
void JoinSyndicatedCopies(const std::map<std::int64_t, std::string>& sketches, UnionFind& groups,
                          UnionFind& syndication, const std::function<bool(std::int64_t)>& is_new,
                          std::vector<std::pair<std::int64_t, std::int64_t>>* found);

}  // namespace concord::reconcile
