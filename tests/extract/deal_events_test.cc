// Deal and contract claims without a figure (extract/patterns/deals.lex) on sentences
// written for these tests.

#include <algorithm>
#include <string>

#include "extract/deal_events.h"
#include "extract/extract.h"
#include "extract/frames.h"
#include "testing.h"

namespace concord::extract {
namespace {

const Extractor& DealsExtractor() {
  static const Extractor extractor = [] {
    auto created = Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return extractor;
}

Extraction ExtractText(const std::string& text) {
  corpus::Article article;
  article.id = "deals";
  article.text = text;
  return DealsExtractor().Extract(article);
}

std::string Term(const Claim& claim, const std::string& key) {
  for (const auto& [k, v] : claim.terms) {
    if (k == key) return v;
  }
  return "";
}

// The claim of `relation` between these parties ("" for a party not named), or null.
const Claim* Find(const Extraction& extraction, const std::string& relation, const std::string& subject,
                  const std::string& counterparty) {
  for (const Claim& claim : extraction.claims) {
    if (claim.relation == relation && claim.subject.text == subject && claim.counterparty.text == counterparty) {
      return &claim;
    }
  }
  return nullptr;
}

std::string Dump(const Extraction& extraction) {
  std::string out;
  for (const Claim& claim : extraction.claims) {
    out += claim.relation + "(" + claim.subject.text + " -> " + claim.counterparty.text + ") " +
           PolarityName(claim.polarity) + " [" + claim.rule + "]\n";
  }
  return out;
}

TEST_CASE("deals: a trigger and the clause around it give relation, parties and polarity") {
  struct Case {
    const char* text;
    const char* relation;
    const char* subject;
    const char* counterparty;
    Polarity polarity;
  };
  const Case cases[] = {
      {"Harrowgate Foods Inc said it acquired Pellmore Bakeries Ltd.", "acquire", "Harrowgate Foods Inc",
       "Pellmore Bakeries Ltd", Polarity::kAffirmed},
      {"Pellmore Bakeries Ltd was acquired by Harrowgate Foods Inc last year.", "acquire", "Harrowgate Foods Inc",
       "Pellmore Bakeries Ltd", Polarity::kAffirmed},
      {"Quenby Corp and Dask Industries agreed to merge.", "merger", "Quenby Corp", "Dask Industries",
       Polarity::kAffirmed},
      {"Analysts welcomed Tarnwell Group's purchase of Ostrava Metals.", "acquire", "Tarnwell Group", "Ostrava Metals",
       Polarity::kAffirmed},
      {"Velder Motors holds a stake in Kestrel Engines.", "stake", "Velder Motors", "Kestrel Engines",
       Polarity::kAffirmed},
      {"Brantley Corp terminated its tender offer for Colver Inc.", "acquire", "Brantley Corp", "Colver Inc",
       Polarity::kCeased},
      {"Morrow Steel ended its alliance with Fenwick Rail.", "agreement", "Morrow Steel", "Fenwick Rail",
       Polarity::kCeased},
      {"Ludlow Bank pulled out of an agreement to buy Ashgrove Finance.", "acquire", "Ludlow Bank", "Ashgrove Finance",
       Polarity::kCeased},
      {"Ferrand Inc, whose board has rejected a tender offer from Pascoe Holdings, said it will stay independent.",
       "acquire", "Pascoe Holdings", "Ferrand Inc", Polarity::kNegated},
      {"Ostley Group walked away from its bid for Carrow Mills.", "acquire", "Ostley Group", "Carrow Mills",
       Polarity::kCeased},
  };
  for (const Case& c : cases) {
    Extraction extraction = ExtractText(c.text);
    const std::string log = std::string(c.text) + "\n" + Dump(extraction);
    INFO(log);
    const Claim* claim = Find(extraction, c.relation, c.subject, c.counterparty);
    REQUIRE(claim != nullptr);
    CHECK(claim->polarity == c.polarity);
  }
}

TEST_CASE("deals: the contract's term and condition are carried as terms") {
  {
    Extraction extraction = ExtractText("Corvane Telecom signed a seven-year agreement with Lismore Cable.");
    INFO(Dump(extraction));
    const Claim* claim = Find(extraction, "agreement", "Corvane Telecom", "Lismore Cable");
    REQUIRE(claim != nullptr);
    CHECK(Term(*claim, "term") == "seven-year");
  }
  {
    Extraction extraction =
        ExtractText("Astley Mills agreed to buy Benmore Textiles, subject to a shareholder vote, the company said.");
    INFO(Dump(extraction));
    const Claim* claim = Find(extraction, "acquire", "Astley Mills", "Benmore Textiles");
    REQUIRE(claim != nullptr);
    CHECK(Term(*claim, "condition") == "subject to a shareholder vote");
    CHECK(claim->condition_text == "subject to a shareholder vote");
    CHECK(claim->modality == Modality::kConditional);
  }
}

TEST_CASE("deals: a deal named again in a later sentence refers to its claim") {
  Extraction extraction = ExtractText(
      "Garrick Paper Co said it will acquire Thornbury Packaging for cash. The purchase is subject to regulatory "
      "approval.");
  INFO(Dump(extraction));
  const Claim* first = Find(extraction, "acquire", "Garrick Paper Co", "Thornbury Packaging");
  REQUIRE(first != nullptr);
  CHECK(first->provenance.sentence == 0);
  const Claim* later = nullptr;
  for (const Claim& claim : extraction.claims) {
    if (claim.provenance.sentence == 1 && claim.relation == "acquire") later = &claim;
  }
  REQUIRE(later != nullptr);
  CHECK(Term(*later, "refers_to") == "0/acquire");
  CHECK(later->subject.text == "Garrick Paper Co");
  CHECK(later->counterparty.text == "Thornbury Packaging");
  CHECK(later->condition_text == "subject to regulatory approval");
}

TEST_CASE("deals: sentences with no deal give no deal claim") {
  for (const char* text : {"Harrowgate Foods said its chief executive will retire in June.",
                           "Shares in Pellmore Bakeries rose sharply on Monday."}) {
    Extraction extraction = ExtractText(text);
    const std::string log = std::string(text) + "\n" + Dump(extraction);
    INFO(log);
    for (const Claim& claim : extraction.claims) CHECK(claim.rule.find("deals.lex") == std::string::npos);
  }
}

TEST_CASE("deals: a bad lexicon line names its file and line") {
  DealLexicon lexicon;
  Status status = ParseDeals("# comment\nbuy | buys: acquire; colour=blue\n", "deals.lex", lexicon);
  CHECK_FALSE(status.ok());
  CHECK(status.ToString().find("deals.lex:2") != std::string::npos);
  DealLexicon good;
  CHECK(ParseDeals("buy | buys: acquire; form=verb; subject=clause; counterparty=object\n", "deals.lex", good).ok());
  CHECK(MayHoldDeal(good, "Quenby BUYS a shop"));
  CHECK_FALSE(MayHoldDeal(good, "Quenby opened a shop"));
  // Found by the config fuzzer: a relation that is any text, or a trigger without a phrase.
  for (const char* bad : {"buys: reportedly | according to\n", ": acquire\n", " | : acquire; form=verb\n"}) {
    DealLexicon lexicon;
    Status rejected = ParseDeals(bad, "deals.lex", lexicon);
    CHECK_MESSAGE(!rejected.ok(), bad);
    CHECK(rejected.where() == "deals.lex:1");
  }
  FrameLexicon frames;
  Status frame_name = ParseFrames("profits rose: profit margin\n", "frames.lex", frames);
  CHECK_FALSE(frame_name.ok());
  CHECK(frame_name.where() == "frames.lex:1");
}

}  // namespace
}  // namespace concord::extract
