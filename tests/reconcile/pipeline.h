#pragma once
// The bundled extractor and normalizer, built once per test binary (reconcile suites).

#include "extract/extract.h"
#include "normalize/normalize.h"
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

}  // namespace concord::reconcile
