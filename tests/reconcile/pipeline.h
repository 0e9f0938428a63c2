#pragma once
// The bundled extractor and normalizer, built once per test binary (reconcile suites).

#include <filesystem>
#include <functional>
#include <vector>
#include <string>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "reconcile/reconcile.h"
#include "reconcile/store/store.h"
#include "testing.h"

namespace concord::reconcile {

struct Pipeline {
  extract::Extractor extractor;
  normalize::Normalizer normalizer;
};

inline const Pipeline& Bundled() {
  static const Pipeline pipeline = [] {
    auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    auto normalizer = normalize::Normalizer::Create(testing::DataDir() / "normalize" / "data");
    REQUIRE(extractor.ok());
    REQUIRE(normalizer.ok());
    return Pipeline{std::move(extractor).value(), std::move(normalizer).value()};
  }();
  return pipeline;
}

// One article of `source`, extracted and normalized with the bundled pipeline.
inline ExtractedArticle MakeArticle(const std::string& id, const std::string& source, const std::string& published,
                                    const std::string& text, const std::string& derived_from = "") {
  ExtractedArticle item;
  item.article.id = id;
  item.article.name = id;
  item.article.source = source;
  item.article.published = published;
  item.article.text = text;
  item.article.derived_from = derived_from;
  item.article.content_hash = std::hash<std::string>{}(text + source);
  item.extraction = Bundled().extractor.Extract(item.article);
  Bundled().normalizer.Normalize(item.article, item.extraction);
  return item;
}

// A store at `path` holding `items` in one batch, reconciled.
inline Store ReconciledStore(const std::filesystem::path& path, const std::vector<ExtractedArticle>& items) {
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE(store->WriteBatch(items).ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  return std::move(store).value();
}

}  // namespace concord::reconcile
