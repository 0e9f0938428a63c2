// The schema and its migrations (SQLite's spelling; sql::Connection rewrites the column types
// for PostgreSQL, database.h).
//
// Schema (version = PRAGMA user_version, on PostgreSQL the table concord_schema; migrations
// below run in order, all of them with their version bumps in the one transaction Store::Open
// holds):
//   sources(id, name UNIQUE, prior, trust)
//   articles(id, key UNIQUE, name, source_id → sources, url, title, published, kind,
//            derived_from, content_hash, body_offset, text, sketch, ingested_at)
//   mentions(id, article_id → articles CASCADE, kind, span_begin, span_end, text, value JSON)
//   facts(id, key UNIQUE, relation, subject_id, counterparty_id, object_id, value JSON,
//         time JSON, status, score, independent_sources, explanation)
//   claims(id, article_id → articles CASCADE, fact_id → facts SET NULL, relation, roles
//          (id + surface), value columns, time columns, polarity, modality, condition,
//          attribution, provenance (sentence, span, quote), rule, confidence)
//   discrepancies(id, fact_id → facts CASCADE, type, severity, claim_a, claim_b → claims
//                 CASCADE, detail)
//   clusters(article_id → articles CASCADE, cluster): syndicated copies share a cluster
// Version 2 adds (for reconciling only what changed): facts.figure_key, facts.claim_count,
// sources.group_label, unreconciled(article_id → articles CASCADE), syndicated_pairs(a, b →
// articles CASCADE), claim_facts(claim_id, fact_id → facts CASCADE, source_id, strength,
// contradicts), which replaces claims.fact_id (left NULL).
// Version 3 widens claims_by_key_fields with value_kind, value_per and value_low (a fact key's per=…).
// Version 4 adds the views facts_view, claims_view and discrepancies_view (SCHEMA.md).
// The SQL stays within what SQLite and PostgreSQL both accept (DESIGN.md, "Scale").

#include "reconcile/store/schema.h"

#include <iterator>
#include <string>

namespace concord::reconcile {
namespace {

constexpr const char* kMigrations[] = {
    // 1: the first schema.
    R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  prior REAL NOT NULL DEFAULT 0.7,
  trust REAL NOT NULL DEFAULT 0.7
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  url TEXT, title TEXT, published TEXT,
  kind TEXT NOT NULL,
  derived_from TEXT,
  content_hash TEXT NOT NULL,
  body_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  sketch BLOB,
  ingested_at TEXT NOT NULL
);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT
);
CREATE INDEX mentions_by_article ON mentions(article_id);
CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  relation TEXT NOT NULL,
  subject_id TEXT, counterparty_id TEXT, object_id TEXT,
  value TEXT, time TEXT,
  status TEXT NOT NULL,
  score INTEGER NOT NULL,
  independent_sources INTEGER NOT NULL,
  explanation TEXT
);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
  relation TEXT NOT NULL,
  subject_id TEXT, subject TEXT, counterparty_id TEXT, counterparty TEXT, object_id TEXT, object TEXT,
  value_kind TEXT NOT NULL, value_low REAL, value_high REAL, currency TEXT, qualifier TEXT, value_per TEXT,
  exclusive INTEGER, terms TEXT,
  time_start TEXT, time_end TEXT, time_precision TEXT, time_boundary TEXT, time_flags TEXT,
  polarity TEXT NOT NULL, modality TEXT NOT NULL,
  condition TEXT, condition_text TEXT, attribution TEXT,
  sentence INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, quote TEXT NOT NULL,
  rule TEXT, confidence REAL NOT NULL,
  claim_json TEXT NOT NULL
);
CREATE INDEX claims_by_article ON claims(article_id);
CREATE INDEX claims_by_fact ON claims(fact_id);
CREATE INDEX claims_by_relation ON claims(relation);
CREATE TABLE discrepancies (
  id INTEGER PRIMARY KEY,
  fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  severity TEXT NOT NULL,
  claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  detail TEXT NOT NULL
);
CREATE INDEX discrepancies_by_fact ON discrepancies(fact_id);
CREATE TABLE clusters (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  cluster INTEGER NOT NULL
);
)sql",
    // 2: incremental reconcile. A fact remembers its figure key (for entity slips) and how
    // many claims it had; a source its independence group; `unreconciled` lists the articles
    // reconcile has not seen (a narrow table: flagging the wide article rows would rewrite
    // their text); every pair of syndicated copies found is kept (a copy removed later unjoins);
    // a claim's fact moves to the narrow `claim_facts`, with what scoring reads of the claim
    // (its source, confidence × modality factor, whether it contradicts the fact), so that
    // relinking or scoring never reads or rewrites the wide claim rows. claims.fact_id stays
    // NULL from here on. claim_facts has no foreign key to claims (checking one reads the wide
    // row); WriteBatch deletes a replaced article's links itself. A version 1 store's links
    // are not copied: all its facts are reconciled again (their claim counts are 0).
    // claims_by_key_fields covers what reconcile's key scan reads, so the scan reads a narrow
    // index instead of the wide rows.
    R"sql(
ALTER TABLE facts ADD COLUMN figure_key TEXT;
ALTER TABLE facts ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX facts_by_figure ON facts(figure_key);
ALTER TABLE sources ADD COLUMN group_label INTEGER;
CREATE TABLE unreconciled (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
INSERT INTO unreconciled(article_id) SELECT id FROM articles;
CREATE TABLE syndicated_pairs (
  a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (a, b)
);
CREATE INDEX syndicated_pairs_by_b ON syndicated_pairs(b);
CREATE TABLE claim_facts (
  claim_id INTEGER PRIMARY KEY,
  fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL,
  strength REAL NOT NULL,
  contradicts INTEGER NOT NULL
);
CREATE INDEX claim_facts_by_fact ON claim_facts(fact_id);
UPDATE claims SET fact_id = NULL;
CREATE INDEX claims_by_key_fields ON claims(relation, subject_id, counterparty_id, object_id, exclusive, terms, article_id,
                                           time_start, time_precision, time_boundary);
)sql",
    // 3: a fact key carries the unit of a rate (claims.value_per: "share" for a price per
    // share), and a figure told without its unit may join the prices per share it is close to,
    // so the key scan reads value_kind, value_per and value_low too; the index that lets it
    // scan no wide row covers them. The columns were there from version 1.
    R"sql(
DROP INDEX claims_by_key_fields;
CREATE INDEX claims_by_key_fields ON claims(relation, subject_id, counterparty_id, object_id, exclusive, terms, article_id,
                                           time_start, time_precision, time_boundary, value_kind, value_per,
                                           value_low);
)sql",
    // 4: views for analysts who open the store with sqlite3 or Datasette: a fact with its
    // claim and discrepancy counts, a claim with its source, article and stance, a
    // discrepancy with the two sources and quotes it sets against each other
    // (reconcile/store/SCHEMA.md). Plain joins, no JSON functions: PostgreSQL reads them too.
    R"sql(
CREATE VIEW facts_view AS
SELECT f.id AS fact_id, f.key, f.relation, f.subject_id AS subject, f.counterparty_id AS counterparty,
       f.object_id AS object, f.value, f.time, f.status, f.score, f.independent_sources, f.explanation,
       (SELECT count(*) FROM claim_facts cf WHERE cf.fact_id = f.id) AS claims,
       (SELECT count(*) FROM claim_facts cf WHERE cf.fact_id = f.id AND cf.contradicts <> 0) AS contradicting_claims,
       (SELECT count(*) FROM discrepancies d WHERE d.fact_id = f.id) AS discrepancies
FROM facts f;
CREATE VIEW claims_view AS
SELECT c.id AS claim_id, cf.fact_id,
       CASE WHEN cf.fact_id IS NULL THEN NULL WHEN cf.contradicts <> 0 THEN 'contradicts' ELSE 'supports' END AS stance,
       s.name AS source, a.name AS article, a.published, a.url, c.relation, c.subject, c.counterparty, c.object,
       c.value_kind, c.value_low, c.value_high, c.currency, c.qualifier, c.value_per, c.time_start, c.time_end,
       c.polarity, c.modality, c.condition_text, c.attribution, c.quote, c.rule, c.confidence
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN sources s ON s.id = a.source_id
LEFT JOIN claim_facts cf ON cf.claim_id = c.id;
CREATE VIEW discrepancies_view AS
SELECT d.id AS discrepancy_id, d.fact_id, f.relation, f.subject_id AS subject, f.counterparty_id AS counterparty,
       d.type, d.severity, d.detail, sa.name AS source_a, aa.name AS article_a, ca.quote AS quote_a,
       sb.name AS source_b, ab.name AS article_b, cb.quote AS quote_b
FROM discrepancies d
JOIN facts f ON f.id = d.fact_id
LEFT JOIN claims ca ON ca.id = d.claim_a
LEFT JOIN articles aa ON aa.id = ca.article_id
LEFT JOIN sources sa ON sa.id = aa.source_id
LEFT JOIN claims cb ON cb.id = d.claim_b
LEFT JOIN articles ab ON ab.id = cb.article_id
LEFT JOIN sources sb ON sb.id = ab.source_id;
)sql",
};

}  // namespace

int SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

// The caller holds one IMMEDIATE transaction around the version check and every step
// (Store::Open), so that concurrent first opens cannot both migrate.
void Migrate(sql::Connection& db, int version) {
  for (int next = version; next < SchemaVersion(); ++next) {
    db.Exec(kMigrations[next]);
    db.SetSchemaVersion(next + 1);
  }
}

}  // namespace concord::reconcile
