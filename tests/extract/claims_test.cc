// Claims from the bundled pattern files on sentences written for these tests.

#include <algorithm>

#include "extract/extract.h"
#include "testing.h"

namespace concord::extract {
namespace {

const Extractor& BundledExtractor() {
  static const Extractor extractor = [] {
    auto created = Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return extractor;
}

Extraction ExtractText(const std::string& text) {
  corpus::Article article;
  article.id = "test";
  article.text = text;
  article.published = "2026-04-28";
  return BundledExtractor().Extract(article);
}

const Claim* FindClaim(const Extraction& extraction, const std::string& relation, double value = -1) {
  for (const Claim& claim : extraction.claims) {
    if (claim.relation == relation && (value < 0 || claim.value.low == value)) return &claim;
  }
  return nullptr;
}

TEST_CASE("claims: investment with tranches and pronoun counterparty and hedge") {
  Extraction extraction = ExtractText(
      "In March this year, Veltrix announced that Orbis Cloud would invest up to US$40 billion in it, of which "
      "US$10 billion will be invested in the first phase, and the remaining US$30 billion will be invested later.");
  const Claim* total = FindClaim(extraction, "invest", 40e9);
  REQUIRE(total != nullptr);
  CHECK(total->subject.text == "Orbis Cloud");
  // Role references stay as written here; normalize resolves them (tests/normalize).
  CHECK(total->counterparty.text == "it");
  CHECK(total->counterparty.entity.type == EntityType::kPronoun);
  CHECK(total->value.qualifier == Qualifier::kUpTo);
  CHECK(total->value.currency == "USD");
  CHECK(total->has_time);
  const Claim* first = FindClaim(extraction, "invest", 10e9);
  REQUIRE(first != nullptr);
  CHECK(first->subject.text == "Orbis Cloud");
  CHECK(first->terms == std::vector<std::pair<std::string, std::string>>{{"tranche", "first"}});
  const Claim* rest = FindClaim(extraction, "invest", 30e9);
  REQUIRE(rest != nullptr);
  CHECK(rest->counterparty.text == "it");
}

TEST_CASE("claims: who pays whom when ceased and continuing") {
  Extraction extraction = ExtractText(
      "The deal cancels Kestrel's obligation to pay revenue sharing to Halden; on the other hand, Halden still "
      "needs to pay revenue sharing to Kestrel before 2031.");
  std::vector<const Claim*> shares;
  for (const Claim& claim : extraction.claims) {
    if (claim.relation == "pay_revenue_share") shares.push_back(&claim);
  }
  REQUIRE(shares.size() == 2);
  CHECK(shares[0]->subject.text == "Kestrel");
  CHECK(shares[0]->counterparty.text == "Halden");
  CHECK(shares[0]->polarity == Polarity::kCeased);
  CHECK(shares[1]->subject.text == "Halden");
  CHECK(shares[1]->counterparty.text == "Kestrel");
  CHECK(shares[1]->polarity == Polarity::kContinues);
  CHECK(shares[1]->has_time);
}

TEST_CASE("claims: non-exclusive license and first launch with a condition and stake") {
  struct Case {
    const char* text;
    const char* relation;
    const char* subject;
    const char* counterparty;
  };
  const Case cases[] = {
      {"Kestrel will hold a non-exclusive license to the patents of Halden until 2033.", "license", "Kestrel", "Halden"},
      {"Northwind's products will be launched on the Aurora platform first, unless Brightwell is unable and has no "
       "intention of providing support.",
       "first_launch", "Northwind", "Aurora"},
      {"Brightwell holds approximately 31% of Northwind's operating company.", "stake", "Brightwell", "Northwind"},
      {"Norrland Bank agreed to acquire Fjell Payments for $2.3 billion.", "acquire", "Norrland Bank", "Fjell Payments"},
      {"Veltrix will pay Orbis a revenue share of 8% through 2030.", "pay_revenue_share", "Veltrix", "Orbis"},
      {"Last quarter, Corvantis reported $3.1 billion in revenue from its Harrowgate investment.", "revenue", "Corvantis",
       "Harrowgate"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    Extraction extraction = ExtractText(text);
    const Claim* claim = FindClaim(extraction, c.relation);
    REQUIRE(claim != nullptr);
    CHECK(claim->subject.text == c.subject);
    CHECK(claim->counterparty.text == c.counterparty);
    CHECK(claim->provenance.quote == c.text);
    CHECK(claim->provenance.span == Span{0, std::string(c.text).size()});
  }
  Extraction license = ExtractText(cases[0].text);
  REQUIRE(FindClaim(license, "license") != nullptr);
  CHECK(FindClaim(license, "license")->exclusive == false);
  Extraction launch = ExtractText(cases[1].text);
  REQUIRE(FindClaim(launch, "first_launch") != nullptr);
  CHECK(FindClaim(launch, "first_launch")->condition_text.rfind("unless Brightwell is unable", 0) == 0);
  Extraction stake = ExtractText(cases[2].text);
  REQUIRE(FindClaim(stake, "stake") != nullptr);
  CHECK(FindClaim(stake, "stake")->value.low == 31);
  CHECK(FindClaim(stake, "stake")->value.qualifier == Qualifier::kApprox);
}

TEST_CASE("claims: a user pattern folder adds relations and a bad one fails with its place") {
  testing::TempDir dir;
  testing::WriteFile(dir / "extra.rules", "layoff: {subject:ORG} (cut|cuts|will cut) {value:COUNT} jobs\n");
  auto extractor = Extractor::Create({testing::DataDir() / "extract" / "patterns", dir.path()});
  REQUIRE(extractor.ok());
  CHECK(extractor->rule_count() > BundledExtractor().rule_count());
  testing::WriteFile(dir / "broken.rules", "layoff {subject:ORG} cuts\n");
  auto broken = Extractor::Create({dir.path()});
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().where().find("broken.rules:1:") != std::string::npos);
}

TEST_CASE("claims: rules match case-insensitively where a character folds to an ASCII letter") {
  // The rule programs are case-sensitive (the tagged text is lowercase); a sentence holding
  // U+017F LONG S, which folds to "s", is matched with folded copies, as before.
  testing::TempDir dir;
  testing::WriteFile(dir / "extra.rules", "layoff: {subject:ORG} .. cut {value:COUNT}\n");
  auto extractor = Extractor::Create({dir.path()});
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "test";
  article.published = "2026-04-28";
  article.text = "Veltrix will cut 300 jobs.";
  REQUIRE(FindClaim(extractor->Extract(article), "layoff", 300) != nullptr);
  article.text = "Veltrix will ab\xC5\xBFolutely cut 300 jobs.";  // "ab?olutely" with a long s
  const Extraction extraction = extractor->Extract(article);  // kept: the claim points into it
  const Claim* folded = FindClaim(extraction, "layoff", 300);
  REQUIRE(folded != nullptr);
  CHECK(folded->subject.text == "Veltrix");
}

TEST_CASE("claims: sentences without a relation or a figure give no claims") {
  Extraction extraction = ExtractText("The weather in the harbour was calm. Nobody said anything.");
  CHECK(extraction.claims.empty());
}

}  // namespace
}  // namespace concord::extract

namespace concord::extract {
namespace {

// Figures no pattern rule took: `quantity` claims and frame claims (frames.lex).
std::vector<const Claim*> Quantities(const Extraction& extraction) {
  std::vector<const Claim*> found;
  for (const Claim& claim : extraction.claims) {
    if (claim.relation == "quantity" || claim.rule.rfind("frames.lex:", 0) == 0) found.push_back(&claim);
  }
  return found;
}

bool HasWord(const Claim& claim, const std::string& word) {
  return std::find(claim.context.begin(), claim.context.end(), word) != claim.context.end();
}

TEST_CASE("quantity: counts are mentions with the noun they count and their hedge") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    const char* counted;
    Qualifier qualifier;
  };
  const Case cases[] = {
      {"Brightwell will cut 1,200 jobs this spring.", "1,200 jobs", 1200, "jobs", Qualifier::kExact},
      {"The mill employs more than 2,000 seasonal workers.", "2,000 seasonal workers", 2000, "workers", Qualifier::kMoreThan},
      {"Its app reached 40 million users.", "40 million users", 40e6, "users", Qualifier::kExact},
      {"Harlow shut three plants and idled about 600 people.", "three plants", 3, "plants", Qualifier::kExact},
      {"Harlow shut three plants and idled about 600 people.", "600 people", 600, "people", Qualifier::kApprox},
      {"The strike could idle as many as 900 dockers.", "900 dockers", 900, "dockers", Qualifier::kUpTo},
      {"Tolvey kept the call logs for as long as seven years.", "seven years", 7, "years", Qualifier::kUpTo},
      // Tokenized text (CNN/DailyMail) puts a space after a thousands comma.
      {"The strike idled 13, 000 dockers .", "13, 000 dockers", 13000, "dockers", Qualifier::kExact},
      // A date's day is not the first group of such a number.
      {"On May 5, 300 workers walked out.", "300 workers", 300, "workers", Qualifier::kExact},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.surface);
    std::vector<Mention> mentions = FindQuantities(c.text);
    const Mention* count = nullptr;
    for (const Mention& mention : mentions) {
      if (mention.kind == MentionKind::kCount && mention.text == c.surface) count = &mention;
    }
    REQUIRE(count != nullptr);
    CHECK(count->amount.low == c.value);
    CHECK(count->amount.counted == c.counted);
    CHECK(count->amount.qualifier == c.qualifier);
  }
  // Role references and other mentions are not counts.
  for (const char* text : {"The two companies signed.", "Both parties agreed in 2026.", "It paid $3 million in fees.",
                           "Prices rose 4% in two of the regions."}) {
    CAPTURE(text);
    for (const Mention& mention : FindQuantities(text)) CHECK(mention.kind != MentionKind::kCount);
  }
}

TEST_CASE("quantity: figures no pattern takes become claims with value, context and polarity") {
  Extraction extraction = ExtractText(
      "A court in Leeds jailed the former treasurer for two years for stealing more than £200,000 from the choir. "
      "Brightwell did not cut 1,200 jobs in March, the union said.");
  std::vector<const Claim*> quantities = Quantities(extraction);
  REQUIRE(quantities.size() == 3);
  const Claim& years = *quantities[0];
  CHECK(years.value_kind == ValueKind::kCount);
  CHECK(years.value.low == 2);
  CHECK(years.value.counted == "years");
  const Claim& money = *quantities[1];
  CHECK(money.value_kind == ValueKind::kMoney);
  CHECK(money.value.low == 200000);
  CHECK(money.value.currency == "GBP");
  CHECK(money.value.qualifier == Qualifier::kMoreThan);
  for (const Claim* claim : {&years, &money}) {
    CHECK(HasWord(*claim, "jail"));
    CHECK(HasWord(*claim, "steal"));
    CHECK(HasWord(*claim, "court"));
    CHECK_FALSE(HasWord(*claim, "the"));
    CHECK_FALSE(HasWord(*claim, "for"));
    CHECK(claim->polarity == Polarity::kAffirmed);
    CHECK(claim->provenance.sentence == 0);
  }
  const Claim& jobs = *quantities[2];
  CHECK(jobs.relation == "job_cuts");  // "cut" governs the count: a frame, not a bare quantity
  CHECK(years.relation == "quantity");
  CHECK(money.relation == "quantity");
  CHECK(jobs.value.low == 1200);
  CHECK(jobs.value.counted == "jobs");
  CHECK(jobs.subject.text == "Brightwell");
  CHECK(jobs.polarity == Polarity::kNegated);
  CHECK(jobs.has_time);
  CHECK(jobs.value_span.begin == extraction.claims.back().value_span.begin);
  CHECK(HasWord(jobs, "cut"));
  REQUIRE(jobs.entities.size() >= 1);
  CHECK(jobs.entities.front().text == "Brightwell");
  CHECK(jobs.provenance.sentence == 1);
}

TEST_CASE("quantity: inflections meet in the context words") {
  Extraction source = ExtractText("Okafor was jailed for three years after stealing £110,000 from clients.");
  Extraction summary = ExtractText("Okafor, who stole £110,000 from clients, is jailed for three years.");
  std::vector<const Claim*> a = Quantities(source);
  std::vector<const Claim*> b = Quantities(summary);
  REQUIRE(!a.empty());
  REQUIRE(!b.empty());
  for (const char* word : {"jail", "steal", "client"}) {
    CAPTURE(word);
    CHECK(HasWord(*a.front(), word));
    CHECK(HasWord(*b.front(), word));
  }
}

TEST_CASE("quantity: a figure a relation takes is not also a quantity") {
  Extraction extraction = ExtractText("Norrland Bank agreed to acquire Fjell Payments for $2.3 billion in May.");
  CHECK(Quantities(extraction).empty());
  REQUIRE(FindClaim(extraction, "acquire", 2.3e9) != nullptr);
}

}  // namespace
}  // namespace concord::extract

namespace concord::extract {
namespace {

TEST_CASE("claims: attribution from according to, said, a quote's speaker and a signature line") {
  struct Case {
    const char* text;
    const char* relation;
    const char* attribution;
  };
  const Case cases[] = {
      {"According to Farrow Bank, Corvel Energy will invest $1 billion in Liora Health.", "invest", "Farrow Bank"},
      {"Corvel Energy will invest $1 billion in Liora Health, Dana Okoro said.", "invest", "Dana Okoro"},
      {"\xE2\x80\x9C" "Corvel Energy will invest $1 billion in Liora Health,\xE2\x80\x9D said Dana Okoro.", "invest",
       "Dana Okoro"},
      {"The board met on Monday.\nOur view: Corvel Energy will invest $1 billion in Liora Health.\n"
       "\xE2\x80\x94\xE2\x80\x94Priya Halden, March 19, 2026",
       "invest", "Priya Halden"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    Extraction extraction = ExtractText(text);
    const Claim* claim = FindClaim(extraction, c.relation);
    REQUIRE(claim != nullptr);
    CHECK(claim->attribution == c.attribution);
  }
  // A signature signs only the paragraph before it, not the article around it.
  Extraction article = ExtractText(
      "Kilnworth will invest $5 million in Nexora.\nWe are delighted to work with Nexora.\n"
      "\xE2\x80\x94\xE2\x80\x94Priya Halden, March 19, 2026");
  REQUIRE(FindClaim(article, "invest") != nullptr);
  CHECK(FindClaim(article, "invest")->attribution.empty());
}

TEST_CASE("claims: plural possessives, appositives and tranches in the next sentence") {
  Extraction possessive = ExtractText("Halvard Foods' $75 million investment in Pellam Logistics closed.");
  REQUIRE(FindClaim(possessive, "invest", 75e6) != nullptr);
  CHECK(FindClaim(possessive, "invest", 75e6)->subject.text == "Halvard Foods");
  Extraction appositive = ExtractText("Orrin Analytics, a maker of fraud software, raised $120 million.");
  REQUIRE(FindClaim(appositive, "funding", 120e6) != nullptr);
  CHECK(FindClaim(appositive, "funding", 120e6)->subject.text == "Orrin Analytics");
  Extraction tranches = ExtractText(
      "Sarnia Motors agreed to invest up to $2 billion in Liora Health. The remaining $1.5 billion will be invested "
      "later.");
  const Claim* rest = FindClaim(tranches, "invest", 1.5e9);
  REQUIRE(rest != nullptr);
  CHECK(rest->subject.text == "Sarnia Motors");
  CHECK(rest->counterparty.text == "Liora Health");
  CHECK(rest->provenance.sentence == 1);
}

TEST_CASE("claims: sentence-initial business nouns are not names") {
  Extraction extraction = ExtractText("Shares of Ostrava Steel fell. Analysts expect cuts. Revenue rose 4%.");
  std::vector<std::string> names;
  for (const Mention& mention : extraction.mentions) {
    if (mention.kind == MentionKind::kEntity) names.push_back(mention.text);
  }
  CHECK(names == std::vector<std::string>{"Ostrava Steel"});
}

}  // namespace
}  // namespace concord::extract
