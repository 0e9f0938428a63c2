// Claims from the bundled pattern files on sentences written for these tests.

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

TEST_CASE("claims: sentences without a relation give no claims") {
  Extraction extraction = ExtractText("The weather in the harbour was calm on Tuesday. Nobody said anything.");
  CHECK(extraction.claims.empty());
}

}  // namespace
}  // namespace concord::extract
