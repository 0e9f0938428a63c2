#include <map>

#include "normalize/normalize.h"
#include "testing.h"

namespace concord::normalize {
namespace {

TEST_CASE("entities: canonical keys fold case and width and drop possessives and corporate suffixes") {
  struct Case {
    const char* name;
    const char* key;
  };
  const Case cases[] = {
      {"Microsoft Corp.'s", "microsoft"},      {"OpenAI’s", "openai"},         {"ＡＣＭＥ Holdings", "acme"},
      {"Alphabet Inc.", "alphabet"},           {"The Orbis Group", "orbis"},   {"AT&T Inc", "at&t"},
      {"Amazon Web Services", "amazon web services"}, {"Fjell Payments AG", "fjell payments"}, {"Group", "group"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(CanonicalKey(c.name) == c.key);
  }
}

TEST_CASE("entities: the bundled table maps aliases to canonical entities and parents") {
  auto table = EntityTable::Load({testing::DataDir() / "normalize" / "data" / "entities.tsv"});
  REQUIRE(table.ok());
  CHECK(table->size() >= 300);
  struct Case {
    const char* alias;
    const char* id;
  };
  const Case cases[] = {{"AWS", "aws"},         {"Amazon Web Services", "aws"}, {"Amazon Cloud", "aws"},
                        {"Azure", "azure"},     {"Microsoft Azure", "azure"},   {"Facebook", "meta"},
                        {"Alphabet Inc.", "alphabet"}, {"MSFT", "microsoft"}};
  for (const Case& c : cases) {
    CAPTURE(c.alias);
    const Entity* entity = table->Find(c.alias);
    REQUIRE(entity != nullptr);
    CHECK(entity->id == c.id);
  }
  CHECK(table->IsWithin("aws", "amazon"));
  CHECK(table->IsWithin("bedrock", "amazon"));
  CHECK(table->IsWithin("azure", "microsoft"));
  CHECK_FALSE(table->IsWithin("azure", "amazon"));
}

TEST_CASE("entities: a user file extends and overrides and a bad row names file and line") {
  testing::TempDir dir;
  testing::WriteFile(dir / "mine.tsv", "# ours\norbis\tOrbis Cloud\torg\t\tOrbis|Orbis Cloud Inc\n");
  auto table = EntityTable::Load({testing::DataDir() / "normalize" / "data" / "entities.tsv", dir / "mine.tsv"});
  REQUIRE(table.ok());
  REQUIRE(table->Find("Orbis") != nullptr);
  CHECK(table->Find("Orbis")->name == "Orbis Cloud");
  testing::WriteFile(dir / "bad.tsv", "x\tX\torg\n\ny\tY\tcompany\n");
  auto bad = EntityTable::Load({dir / "bad.tsv"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().where().find("bad.tsv:3") != std::string::npos);
  CHECK(bad.status().message().find("unknown type") != std::string::npos);
  testing::WriteFile(dir / "orphan.tsv", "x\tX\tunit\tnowhere\n");
  auto orphan = EntityTable::Load({dir / "orphan.tsv"});
  REQUIRE_FALSE(orphan.ok());
  CHECK(orphan.status().message().find("unknown parent") != std::string::npos);
}

TEST_CASE("conditions: ability and volition phrasings share one normal form") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  REQUIRE(normalizer.ok());
  const std::string both = "UNLESS(AND(NOT_ABLE(Brightwell),NOT_WILLING(Brightwell)))";
  struct Case {
    const char* text;
    std::string form;
  };
  const Case cases[] = {
      {"unless Brightwell is unable and has no intention of providing support", both},
      {"unless Brightwell cannot and chooses not to support the required features", both},
      {"unless Brightwell can’t and won’t… declines to support it", both},
      {"unless Brightwell cannot or chooses not to support the features",
       "UNLESS(OR(NOT_ABLE(Brightwell),NOT_WILLING(Brightwell)))"},
      {"unless Brightwell cannot support required capabilities", "UNLESS(NOT_ABLE(Brightwell))"},
      {"unless Brightwell is neither able nor willing to host them", both},
      {"unless Brightwell cannot and will not provide capacity", both},
      {"unless Brightwell won't be able to supply the chips", "UNLESS(NOT_ABLE(Brightwell))"},
      {"unless Brightwell is unable or unwilling to serve them",
       "UNLESS(OR(NOT_ABLE(Brightwell),NOT_WILLING(Brightwell)))"},
      {"if Brightwell declines to renew", "IF(NOT_WILLING(Brightwell))"},
      {"unless the weather turns", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(normalizer->NormalizeCondition(c.text, "Brightwell") == c.form);
  }
}

TEST_CASE("entities: in-article definitions and short forms resolve to one party") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  REQUIRE(normalizer.ok());
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "a";
  article.published = "2026-04-28";
  article.text =
      "Quillon Data Services (QDS) signed a deal with Amazon Cloud (AWS). Later, QDS said Quillon would expand, "
      "and Amazon Web Services agreed.";
  extract::Extraction extraction = extractor->Extract(article);
  normalizer->Normalize(article, extraction);
  std::map<std::string, std::string> id_of;
  for (const extract::Mention& mention : extraction.mentions) {
    if (mention.kind == extract::MentionKind::kEntity) id_of[mention.text] = mention.entity.id;
  }
  CHECK(id_of["QDS"] == id_of["Quillon Data Services"]);
  CHECK(id_of["Quillon"] == id_of["Quillon Data Services"]);
  CHECK(id_of["Amazon Cloud"] == "aws");
  CHECK(id_of["AWS"] == "aws");
  CHECK(id_of["Amazon Web Services"] == "aws");
}


TEST_CASE("entities: a place is never the buyer of a deal claim (a wire dateline)") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(normalizer.ok());
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "a";
  article.published = "1987-03-02";
  article.text = "WASHINGTON, March 2 - Corvel Shipping agreed to acquire Aldgate Freight for 20 mln dlrs.";
  extract::Extraction extraction = extractor->Extract(article);
  normalizer->Normalize(article, extraction);
  bool acquire = false;
  for (const extract::Claim& claim : extraction.claims) {
    if (claim.relation != "acquire") continue;
    acquire = true;
    CHECK(claim.subject.entity.id != "washington");
    CHECK(claim.subject.entity.type != extract::EntityType::kPlace);
  }
  CHECK(acquire);
}

}  // namespace
}  // namespace concord::normalize

namespace concord::normalize {
namespace {

TEST_CASE("references: it and the former and the two parties resolve to named organisations") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(normalizer.ok());
  REQUIRE(extractor.ok());
  struct Case {
    const char* text;
    const char* relation;
    const char* subject;
    const char* counterparty;
  };
  const Case cases[] = {
      {"In March, Veltrix announced that Orbis Cloud would invest up to $40 billion in it.", "invest", "orbis cloud",
       "veltrix"},
      {"Kestrel Pharma met Halden Bio in May. The two parties signed a supply agreement.", "agreement", "kestrel pharma",
       "halden bio"},
      {"Talks between Norrland Bank and Fjell Payments ended. The former will acquire the latter for $2 billion.",
       "acquire", "norrland bank", "fjell payments"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    corpus::Article article;
    article.id = "a";
    article.published = "2026-04-28";
    article.text = text;
    extract::Extraction extraction = extractor->Extract(article);
    normalizer->Normalize(article, extraction);
    const extract::Claim* found = nullptr;
    for (const extract::Claim& claim : extraction.claims) {
      if (claim.relation == c.relation) found = &claim;
    }
    REQUIRE(found != nullptr);
    CHECK(found->subject.entity.id == c.subject);
    CHECK(found->counterparty.entity.id == c.counterparty);
  }
}


TEST_CASE("entities: a place is never the buyer of a deal claim (a wire dateline)") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(normalizer.ok());
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "a";
  article.published = "1987-03-02";
  article.text = "WASHINGTON, March 2 - Corvel Shipping agreed to acquire Aldgate Freight for 20 mln dlrs.";
  extract::Extraction extraction = extractor->Extract(article);
  normalizer->Normalize(article, extraction);
  bool acquire = false;
  for (const extract::Claim& claim : extraction.claims) {
    if (claim.relation != "acquire") continue;
    acquire = true;
    CHECK(claim.subject.entity.id != "washington");
    CHECK(claim.subject.entity.type != extract::EntityType::kPlace);
  }
  CHECK(acquire);
}

}  // namespace
}  // namespace concord::normalize

namespace concord::normalize {
namespace {

TEST_CASE("quantity claims: parties resolve, references name their organisation, places are not subjects") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(normalizer.ok());
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "a";
  article.published = "2026-04-28";
  article.text = "Brightwell Foods had a hard year. It cut 1,200 jobs. In Europe, Halvard Mills closed three plants.";
  extract::Extraction extraction = extractor->Extract(article);
  normalizer->Normalize(article, extraction);
  std::vector<const extract::Claim*> quantities;
  for (const extract::Claim& claim : extraction.claims) {
    // Figures no rule took: `quantity` claims and figure frames ("cut 1,200 jobs": job_cuts).
    if (claim.relation == "quantity" || claim.rule.starts_with("frames.lex:")) quantities.push_back(&claim);
  }
  REQUIRE(quantities.size() == 2);
  CHECK(quantities[0]->relation == "job_cuts");
  CHECK(quantities[0]->value.low == 1200);
  CHECK(quantities[0]->subject.entity.id == "brightwell foods");
  REQUIRE(quantities[0]->entities.size() == 1);
  CHECK(quantities[0]->entities[0].entity.id == "brightwell foods");
  CHECK(quantities[1]->value.low == 3);
  CHECK(quantities[1]->subject.entity.id == "halvard mills");
}


TEST_CASE("entities: a place is never the buyer of a deal claim (a wire dateline)") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(normalizer.ok());
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "a";
  article.published = "1987-03-02";
  article.text = "WASHINGTON, March 2 - Corvel Shipping agreed to acquire Aldgate Freight for 20 mln dlrs.";
  extract::Extraction extraction = extractor->Extract(article);
  normalizer->Normalize(article, extraction);
  bool acquire = false;
  for (const extract::Claim& claim : extraction.claims) {
    if (claim.relation != "acquire") continue;
    acquire = true;
    CHECK(claim.subject.entity.id != "washington");
    CHECK(claim.subject.entity.type != extract::EntityType::kPlace);
  }
  CHECK(acquire);
}

}  // namespace
}  // namespace concord::normalize

namespace concord::normalize {
namespace {

TEST_CASE("entities: keys unify spelling variants of one unknown company and keep different ones apart") {
  CHECK(CanonicalKey("Vantor B\xC3\xB6rse") == "vantor boerse");
  CHECK(CanonicalKey("Vantor Boerse AG") == "vantor boerse");
  CHECK(CanonicalKey("VANTOR B\xC3\x96RSE") == "vantor boerse");
  CHECK(CanonicalKey("Gro\xC3\x9F" "mann M\xC3\xBCller GmbH") == "grossmann mueller");
  CHECK(CanonicalKey("Nestl\xC3\xA9 S.A.") == "nestle");
  CHECK(CanonicalKey("Calder-Warner Co.") == "calder warner");
  CHECK(CanonicalKey("CalderWarner") == "calder warner");
  CHECK(CanonicalKey("Calder Warner's") == "calder warner");
  CHECK(CanonicalKey("Sedrin N.V.") == "sedrin");
  CHECK(CanonicalKey("Calder Warner") != CanonicalKey("Warner Sound"));
  CHECK(CanonicalKey("OpenAI") == "openai");
  // An investment house by its first word(s); a plain word left alone keeps its tail.
  CHECK(CanonicalKey("Tolliver, Marsh and Co") == "tolliver marsh");
  CHECK(CanonicalKey("Tolliver Marsh & Co Inc") == "tolliver marsh");
  CHECK(CanonicalKey("Tolliver and Marsh") == "tolliver and marsh");
  CHECK(CanonicalKey("Tolliver Capital") == "tolliver");
  CHECK(CanonicalKey("THK Fund Management") == "thk");
  CHECK(CanonicalKey("Marsh Halden Partners") == "marsh halden");
  CHECK(CanonicalKey("First Capital") == "first capital");
  CHECK(CanonicalKey("Global Partners") == "global partners");
  CHECK(CanonicalKey("Capital Partners") == "capital partners");
  CHECK(CanonicalKey("Halden Bank Investment Management") != CanonicalKey("Halden Bank"));
  CHECK(CanonicalKey("Tolliver Capital") != CanonicalKey("Tolliver Mining"));
}

struct Resolved {
  std::string text;
  std::string id;
  extract::EntityType type;
};

std::vector<Resolved> ResolveText(const std::string& text) {
  static const Normalizer normalizer = [] {
    auto created = Normalizer::Create(testing::DataDir() / "normalize" / "data");
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  static const extract::Extractor extractor = [] {
    auto created = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  corpus::Article article;
  article.id = "a";
  article.published = "2026-04-28";
  article.text = text;
  extract::Extraction extraction = extractor.Extract(article);
  normalizer.Normalize(article, extraction);
  std::vector<Resolved> out;
  for (const extract::Mention& mention : extraction.mentions) {
    if (mention.kind == extract::MentionKind::kEntity) out.push_back({mention.text, mention.entity.id, mention.entity.type});
  }
  return out;
}

std::string IdOf(const std::vector<Resolved>& mentions, const std::string& text, std::size_t nth = 0) {
  for (const Resolved& mention : mentions) {
    if (mention.text == text && nth-- == 0) return mention.id;
  }
  return "<none>";
}

TEST_CASE("entities: one id across articles and in-article short forms, definitions and tickers") {
  auto first = ResolveText("Vantor Boerse AG bid for Sedrin N.V. on Monday. Later, Vantor said the offer stood.");
  auto second = ResolveText("Shares in Vantor B\xC3\xB6rse rose after Vantor B\xC3\xB6rse's bid.");
  CHECK(IdOf(first, "Vantor Boerse AG") == "vantor boerse");
  CHECK(IdOf(first, "Vantor") == "vantor boerse");
  CHECK(IdOf(second, "Vantor B\xC3\xB6rse") == "vantor boerse");
  CHECK(IdOf(second, "Vantor B\xC3\xB6rse", 1) == "vantor boerse");

  auto defined = ResolveText("Kestrel-Halden Co (KH) makes pumps. KH said sales rose.");
  CHECK(IdOf(defined, "KH") == "kestrel halden");
  CHECK(IdOf(defined, "KH", 1) == "kestrel halden");
  auto initials = ResolveText("Kestrel-Halden Co. makes pumps. The maker, KH, said sales rose.");
  CHECK(IdOf(initials, "KH") == "kestrel halden");

  // A wire ticker is not a mention (it is no name); the name before it keeps its own id.
  auto ticker = ResolveText("Brenlow Corp <BRNL> agreed to buy Sedrin. Brenlow said the deal closes in May.");
  CHECK(IdOf(ticker, "Brenlow Corp") == "brenlow");
  CHECK(IdOf(ticker, "Brenlow") == "brenlow");
  for (const Resolved& mention : ticker) CHECK(mention.text != "BRNL");
  // The ticker still names the company when the story writes it bare later on.
  auto bare = ResolveText("Quillon Dynamics Corp <QDYN> agreed to buy Fenmark Inc. QDYN said the deal closes in May.");
  CHECK(IdOf(bare, "Quillon Dynamics Corp") == "quillon dynamics");
  CHECK(IdOf(bare, "QDYN") == "quillon dynamics");

  auto apart = ResolveText("Calder Warner sold its stake in Warner Sound to Calder Warner's rival.");
  CHECK(IdOf(apart, "Calder Warner") == "calder warner");
  CHECK(IdOf(apart, "Warner Sound") == "warner sound");
}

TEST_CASE("entities: a distinctive last word, word-by-word abbreviations, initials with the suffix and a slip") {
  auto tail = ResolveText("Fenwick Rovers lost to Halden. Rovers said its debt rose. The Bank said nothing.");
  CHECK(IdOf(tail, "Rovers") == "fenwick rovers");
  auto generic = ResolveText("Deutsche Bank met Halden Motors. Motors rose.");
  CHECK(IdOf(generic, "Motors") == "motors");
  auto abbreviated = ResolveText("Fenwick Rovers lost again. Fen Rvrs said its debt rose.");
  CHECK(IdOf(abbreviated, "Fen Rvrs") == "fenwick rovers");
  auto initials = ResolveText("Sandor Mikkel Corp said sales rose. SMC also said it would hire.");
  CHECK(IdOf(initials, "SMC") == "sandor mikkel");
  auto slip = ResolveText("Brenlow Quarry Corp said sales rose. Brenlow Quary also said it would hire.");
  CHECK(IdOf(slip, "Brenlow Quary") == "brenlow quarry");
  auto plural = ResolveText("Halvard Lloyd said sales rose. Halvard Lloyds also said it would hire.");
  CHECK(IdOf(plural, "Halvard Lloyds") == "halvard lloyds");
  // Two companies that share a word are still two.
  auto apart = ResolveText("Calder Warner sold its stake in Warner Sound. Warner Sound said it was glad.");
  CHECK(IdOf(apart, "Warner Sound") == "warner sound");
}

TEST_CASE("entities: a surname after the full name is the same person, and the company points back") {
  auto mentions = ResolveText(
      "Jane Tolliver runs Halvard Foods. The company said profits rose. Tolliver said more was to come. "
      "The firm employs 200 people.");
  CHECK(IdOf(mentions, "Jane Tolliver") == "jane tolliver");
  CHECK(IdOf(mentions, "Tolliver") == "jane tolliver");
  CHECK(IdOf(mentions, "The company") == "halvard foods");
  CHECK(IdOf(mentions, "The firm") == "halvard foods");
  for (const Resolved& mention : mentions) {
    if (mention.text == "The company") CHECK(mention.type == extract::EntityType::kPronoun);
  }
}

TEST_CASE("entities: government bodies and places are typed and are not what the company points to") {
  auto mentions = ResolveText("Brenlow Corp met the Trade Ministry in Rotterdam. The company said talks went well.");
  bool ministry = false;
  for (const Resolved& mention : mentions) {
    if (mention.text == "Trade Ministry") ministry = mention.type == extract::EntityType::kGovernment;
  }
  CHECK(ministry);
  CHECK(IdOf(mentions, "The company") == "brenlow");
}


TEST_CASE("entities: a place is never the buyer of a deal claim (a wire dateline)") {
  auto normalizer = Normalizer::Create(testing::DataDir() / "normalize" / "data");
  auto extractor = extract::Extractor::Create({testing::DataDir() / "extract" / "patterns"});
  REQUIRE(normalizer.ok());
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "a";
  article.published = "1987-03-02";
  article.text = "WASHINGTON, March 2 - Corvel Shipping agreed to acquire Aldgate Freight for 20 mln dlrs.";
  extract::Extraction extraction = extractor->Extract(article);
  normalizer->Normalize(article, extraction);
  bool acquire = false;
  for (const extract::Claim& claim : extraction.claims) {
    if (claim.relation != "acquire") continue;
    acquire = true;
    CHECK(claim.subject.entity.id != "washington");
    CHECK(claim.subject.entity.type != extract::EntityType::kPlace);
  }
  CHECK(acquire);
}

}  // namespace
}  // namespace concord::normalize
