#pragma once
// normalize: what needs context beyond the sentence. Canonical entities (a data table plus
// the article's own definitions such as "Amazon Web Services (AWS)"), dates resolved
// against the published date, and conditions in a normal form.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"
#include "extract/extract.h"

namespace concord::normalize {

struct Entity {
  std::string id;                    // "aws": stable, lowercase
  std::string name;                  // "AWS": how reports print it
  extract::EntityType type = extract::EntityType::kOrganization;
  std::string parent;                // id of the organisation it belongs to, or empty
  bool unit = false;                 // a business unit (type `unit`): stands for its parent
                                     // as a party to a fact (AWS selling cloud is Amazon)
  std::vector<std::string> aliases;  // other names, as written
  std::vector<std::string> tickers;  // "AMZN"
  bool operator==(const Entity&) const = default;
};

// The key names are compared by: run-together words split ("TimeWarner" → "time warner"),
// NFKC, case folded, umlauts transliterated and other marks dropped ("Börse" → "boerse",
// "Nestlé" → "nestle"), possessive dropped, punctuation to spaces, corporate suffixes ("Inc.",
// "Corp.", "Ltd", "plc", "LLC", "AG", "SA", "N.V.", "Group") and a leading "the" stripped.
// "Microsoft Corp.'s" → "microsoft". It is also the id of a name the table does not know,
// so two articles' "Deutsche Boerse AG" and "Deutsche Börse" get one id.
std::string CanonicalKey(std::string_view name);

// Canonical entities from tab-separated files (format in normalize/data/README.md).
class EntityTable {
 public:
  // Later files extend and override earlier ones (a user's file after the bundled one).
  // Fails naming file:line on a malformed row or an unknown parent.
  static Result<EntityTable> Load(const std::vector<std::filesystem::path>& files);

  const Entity* Find(std::string_view name) const;  // by any name, alias or ticker; or null
  const Entity* FindByKey(const std::string& key) const;  // by a CanonicalKey() already made
  const Entity* FindById(std::string_view id) const;
  // True when `id` is `ancestor` or belongs to it, at any depth (aws → amazon).
  bool IsWithin(std::string_view id, std::string_view ancestor) const;
  // The id a party is keyed by in facts: a unit's nearest ancestor that is not a unit
  // (aws → amazon, google-cloud → alphabet), else `id` itself (also for unknown ids).
  std::string StandIn(std::string_view id) const;
  std::size_t size() const { return entities_.size(); }

 private:
  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::size_t> index_by_key_;
  std::unordered_map<std::string, std::size_t> index_by_id_;
};

// Fills, in place, the values of an Extraction that need context: Mention::date and
// Claim::time (resolved against article.published and the sentence's tense), every
// Mention::entity and Role::entity (canonical id, name, type), and Claim::condition.
// Immutable after Create(); Normalize() may run on many threads at once.
class Normalizer {
 public:
  // `data_dir` holds entities.tsv and conditions.lex; `extra_entity_files` extend the table.
  static Result<Normalizer> Create(const std::filesystem::path& data_dir,
                                   const std::vector<std::filesystem::path>& extra_entity_files = {});
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer();

  void Normalize(const corpus::Article& article, extract::Extraction& extraction) const;
  const EntityTable& entities() const;

  // The normal form of a condition clause whose actor is `actor` ("Microsoft"):
  // "unless Microsoft is unable and has no intention of …" →
  // "UNLESS(AND(NOT_ABLE(Microsoft),NOT_WILLING(Microsoft)))". Empty when no cue matches.
  std::string NormalizeCondition(std::string_view condition_text, std::string_view actor) const;

 private:
  struct Impl;
  explicit Normalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace concord::normalize
