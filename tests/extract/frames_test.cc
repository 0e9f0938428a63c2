// Figure frames from the bundled frames.lex on sentences written for these tests.

#include <algorithm>

#include "extract/extract.h"
#include "testing.h"

namespace concord::extract {
namespace {

const Extractor& FramesExtractor() {
  static const Extractor extractor = [] {
    auto created = Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return extractor;
}

Extraction ExtractArticle(const std::string& text) {
  corpus::Article article;
  article.id = "frames";
  article.text = text;
  return FramesExtractor().Extract(article);
}

std::string Term(const Claim& claim, const std::string& key) {
  for (const auto& [k, v] : claim.terms) {
    if (k == key) return v;
  }
  return "";
}

// The claim whose value is the figure written `figure` in `text`.
const Claim* ClaimOfFigure(const Extraction& extraction, const std::string& text, const std::string& figure) {
  std::size_t at = text.find(figure);
  if (at == std::string::npos) return nullptr;
  for (const Claim& claim : extraction.claims) {
    if (claim.value_kind != ValueKind::kNone && claim.value_span.begin <= at && at < claim.value_span.end) return &claim;
  }
  return nullptr;
}

TEST_CASE("frames: each figure gets the frame, owner and counterparty its trigger gives") {
  struct Case {
    const char* text;
    const char* figure;        // a substring inside the figure's span
    const char* frame;
    const char* owner;         // "" for none
    const char* counterparty;  // "" for none
    const char* trigger;
  };
  const Case cases[] = {
      {"Quarterly profits at Halvard Foods jumped 12% to $1.2bn.", "12%", "profit", "Halvard Foods", "", "profits"},
      {"Quarterly profits at Halvard Foods jumped 12% to $1.2bn.", "$1.2bn", "profit", "Halvard Foods", "", "profits"},
      {"Venmora's sales rose 5% to 2.1bn euros last year.", "2.1bn", "revenue", "Venmora", "", "sales"},
      {"Tolvey Mining agreed a $300m settlement with Arden County.", "$300m", "fine", "Tolvey Mining", "Arden County",
       "settlement"},
      {"Pellan, which raised $20m from Quarrystone Ventures, opened an office.", "$20m", "funding", "Pellan",
       "Quarrystone Ventures", "raised"},
      {"Shares in Dunhallow fell 34 cents to $12.50.", "$12.50", "share_price", "Dunhallow", "", "shares in"},
      {"Brightwell will cut 1,200 jobs at its plants.", "1,200", "job_cuts", "Brightwell", "", "cut"},
      {"Inflation in Freedonia rose to 2.1% in March.", "2.1%", "inflation", "Freedonia", "", "inflation"},
      {"Corvel Energy made a $5bn bid for Saltash Water.", "$5bn", "acquire", "Corvel Energy", "Saltash Water", "bid"},
      {"Arden Motors' pre-tax profit was £45m, compared with £30m a year earlier.", "£45m", "profit", "Arden Motors", "",
       "pre-tax profit"},
      {"Arden Motors' pre-tax profit was £45m, compared with £30m a year earlier.", "£30m", "profit", "Arden Motors", "",
       "pre-tax profit"},
      {"Profits at Kestrel Airways rose to $1.13bn (£600m) for the year.", "£600m", "profit", "Kestrel Airways", "",
       "profits"},
      {"Kestrel Airways carried 4,000 passengers in May.", "4,000", "sales_volume", "Kestrel Airways", "", "passengers"},
      {"Marlow Group said revenues grew 6% to $42m, while costs rose 3% to $30m.", "$30m", "cost", "Marlow Group", "",
       "costs"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.figure);
    Extraction extraction = ExtractArticle(c.text);
    const Claim* claim = ClaimOfFigure(extraction, c.text, c.figure);
    REQUIRE(claim != nullptr);
    CHECK(claim->relation == c.frame);
    CHECK(claim->subject.text == c.owner);
    CHECK(claim->counterparty.text == c.counterparty);
    CHECK(Term(*claim, "trigger") == c.trigger);
    const std::string text = c.text;
    CHECK(text.substr(claim->value_span.begin, claim->value_span.end - claim->value_span.begin).find(c.figure) !=
          std::string::npos);
  }
}

TEST_CASE("frames: comparison figures, changes, modality and the trigger as owner") {
  const std::string text = "Arden Motors' pre-tax profit rose 50% to £45m, compared with £30m a year earlier.";
  Extraction extraction = ExtractArticle(text);
  const Claim* now = ClaimOfFigure(extraction, text, "£45m");
  const Claim* before = ClaimOfFigure(extraction, text, "£30m");
  const Claim* change = ClaimOfFigure(extraction, text, "50%");
  REQUIRE(now != nullptr);
  REQUIRE(before != nullptr);
  REQUIRE(change != nullptr);
  CHECK(Term(*now, "period").empty());
  CHECK(Term(*before, "period") == "earlier");
  CHECK(Term(*change, "change") == "up");
  CHECK(now->rule.rfind("frames.lex:", 0) == 0);

  const std::string bid = "Corvel Energy made a $5bn bid for Saltash Water.";
  const Extraction bid_extraction = ExtractArticle(bid);  // claims point into it: keep it alive
  const Claim* offer = ClaimOfFigure(bid_extraction, bid, "$5bn");
  REQUIRE(offer != nullptr);
  CHECK(offer->modality == Modality::kPlan);

  const std::string negated = "Brightwell will not cut 1,200 jobs this year.";
  Extraction kept = ExtractArticle(negated);
  const Claim* jobs = ClaimOfFigure(kept, negated, "1,200");
  REQUIRE(jobs != nullptr);
  CHECK(jobs->relation == "job_cuts");
  CHECK(jobs->polarity == Polarity::kNegated);
  CHECK(jobs->has_time);

  const std::string currency = "Traders said the dollar fell 2% against the euro.";
  const Extraction currency_extraction = ExtractArticle(currency);
  const Claim* rate = ClaimOfFigure(currency_extraction, currency, "2%");
  REQUIRE(rate != nullptr);
  CHECK(rate->relation == "exchange_rate");
  CHECK(rate->subject.text == "the dollar");
}

TEST_CASE("frames: a figure no trigger governs stays a quantity and says why") {
  const std::string text = "The parade had 40 floats and 3 bands.";
  Extraction extraction = ExtractArticle(text);
  const Claim* floats = ClaimOfFigure(extraction, text, "40");
  REQUIRE(floats != nullptr);
  CHECK(floats->relation == "quantity");
  CHECK(Term(*floats, "unframed") == "no_trigger");
  CHECK(Term(*floats, "trigger").empty());
}

TEST_CASE("frames: results shorthand lines take the article's lead company as owner") {
  const std::string text =
      "SALTASH, March 3 - Saltash Holdings Inc said its quarterly results improved.\n\n"
      "Shr 43 cts vs 49 cts\n\n"
      "Net $5.5 million vs $4.1 million\n\n"
      "Revs $120 million vs $100 million\n\n"
      "Sales up 12 pct\n";
  Extraction extraction = ExtractArticle(text);
  struct Case {
    const char* figure;
    const char* frame;
    bool earlier;
  };
  // "43 cts" is a count of cents until the money recognizer reads wire notation; the frame
  // is the same either way.
  const Case cases[] = {{"43 cts", "eps", false},
                        {"49 cts", "eps", true},
                        {"$5.5 million", "profit", false},
                        {"$4.1 million", "profit", true},
                        {"$120 million", "revenue", false},
                        {"$100 million", "revenue", true},
                        {"12 pct", "revenue", false}};
  for (const Case& c : cases) {
    CAPTURE(c.figure);
    const Claim* claim = ClaimOfFigure(extraction, text, c.figure);
    REQUIRE(claim != nullptr);
    CHECK(claim->relation == c.frame);
    CHECK(claim->subject.text == "Saltash Holdings Inc");
    CHECK((Term(*claim, "period") == "earlier") == c.earlier);
  }
}

TEST_CASE("frames: an owner of the wrong kind is passed over, and measures say so") {
  // A bank's economist is no owner of a country's inflation: no owner beats a wrong one.
  const std::string text = "Economists at Brightwell Bank said inflation rose to 3.1%.";
  const Extraction extraction = ExtractArticle(text);
  const Claim* rate = ClaimOfFigure(extraction, text, "3.1%");
  REQUIRE(rate != nullptr);
  CHECK(rate->relation == "inflation");
  CHECK(rate->subject.text != "Brightwell Bank");
  CHECK(Term(*rate, "measure") == "yes");

  const std::string bid = "Corvel Energy made a $5bn bid for Saltash Water.";
  const Extraction bid_extraction = ExtractArticle(bid);
  const Claim* offer = ClaimOfFigure(bid_extraction, bid, "$5bn");
  REQUIRE(offer != nullptr);
  CHECK(Term(*offer, "measure").empty());  // a relation between parties, not a measure
}

TEST_CASE("frames: a subject phrase without a name leaves the owner empty (issue 13)") {
  // The article names a company first; a later clause whose subject is another party ("the
  // club") or a part of a company ("the unit") is not that company's figure: no owner beats
  // the nearest name. A subject that is the company's own ("the results") keeps it.
  struct Case {
    const char* text;
    const char* figure;
    const char* owner;  // "" for none
  };
  const Case cases[] = {
      {"Harwick Media bought the stadium. The club managed to reduce its losses to $4m last year.", "$4m", ""},
      {"Harwick Media sold its printing arm. The unit had 2004 sales of $65m.", "$65m", ""},
      {"Harwick Media reported on Monday. The quarterly results showed profits of $65m.", "$65m", "Harwick Media"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const Extraction extraction = ExtractArticle(text);
    const Claim* claim = ClaimOfFigure(extraction, text, c.figure);
    REQUIRE(claim != nullptr);
    CHECK(claim->relation != "quantity");
    CHECK(claim->subject.text == std::string(c.owner));
  }
}

TEST_CASE("frames: possessives, addressees, speakers' 'it', conversions and per-share prices") {
  struct Case {
    const char* text;
    const char* figure;
    const char* frame;
    const char* owner;         // the claim's subject before normalize ("" for none)
    const char* counterparty;  // "" for none
  };
  const Case cases[] = {
      // A percentage in apposition to a share count is the stake those shares are, with the
      // count's holder and company; the count keeps its company past the apposition.
      {"Trenton Partners said it bought 520,000 shares, or 6.1 pct, of Halvard Corp common stock.", "6.1 pct",
       "stake", "Trenton Partners", "Halvard Corp"},
      {"Trenton Partners said it bought 520,000 shares, or 6.1 pct, of Halvard Corp common stock.",
       "520,000 shares", "stake", "Trenton Partners", "Halvard Corp"},
      {"Brenlow Inc now holds 1,200,000 Halvard shares, or 9.8 pct of the total outstanding.", "9.8 pct", "stake",
       "Brenlow Inc", "Halvard"},
      // A second converted amount in the same brackets converts the first figure too.
      {"Halvard Foods will spend 2bn euros ($2.4bn; £1.3bn) on new plants.", "£1.3bn", "cost", "Halvard Foods", ""},
      // The party a statement is made to owns nothing it says; the possessive's party holds the stake.
      {"Pellan Holdings told the Securities and Exchange Commission it raised its Dunhallow Corp stake to 12.5 pct.",
       "12.5 pct", "stake", "it", "Dunhallow Corp"},
      // "X said it ...": it is X.
      {"Marlow Group said it agreed to sell its Kestrel unit for 40 mln dlrs.", "40 mln", "sale", "Marlow Group", ""},
      // A subordinate clause has its own subject.
      {"Corvel Energy bought the mine after Tolvey Mining was forced to meet a $500m tax bill.", "$500m", "tax",
       "Tolvey Mining", ""},
      // "his stake" is the person's.
      {"Halvard Corp agreed to sell its holding to investor Jo Bloggs, taking his stake to 42.3%.", "42.3%", "stake",
       "Jo Bloggs", ""},
      // Money received "from" X is paid by X.
      {"Arden Sports is to receive a payment from Saltash United of £4.5m.", "£4.5m", "payment", "Saltash United",
       "Arden Sports"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    Extraction extraction = ExtractArticle(c.text);
    const Claim* claim = ClaimOfFigure(extraction, c.text, c.figure);
    REQUIRE(claim != nullptr);
    CHECK(claim->relation == c.frame);
    CHECK(claim->subject.text == c.owner);
    CHECK(claim->counterparty.text == c.counterparty);
  }
  for (const char* text : {"Corvel Energy offered 28 dlrs each for Saltash Water.",
                           "Corvel Energy offered 28 dlrs cash per share for Saltash Water.",
                           "Corvel Energy offered 28 dlrs per common share for Saltash Water."}) {
    const std::string shown = text;
    CAPTURE(shown);
    Extraction extraction = ExtractArticle(text);
    const Claim* claim = ClaimOfFigure(extraction, text, "28 dlrs");
    REQUIRE(claim != nullptr);
    CHECK(claim->relation == "acquire");
    CHECK(claim->value.per == "share");
  }
}

TEST_CASE("frames: a user lexicon adds a measure and a bad line fails with its place") {
  testing::TempDir dir;
  testing::WriteFile(dir / "frames.lex", "footfall: sales_volume; figure=percent\n");
  auto extractor = Extractor::Create({dir.path()});
  REQUIRE(extractor.ok());
  corpus::Article article;
  article.id = "user";
  article.text = "Footfall at Marlow Group rose 4%.";
  Extraction extraction = extractor->Extract(article);
  const Claim* claim = ClaimOfFigure(extraction, article.text, "4%");
  REQUIRE(claim != nullptr);
  CHECK(claim->relation == "sales_volume");
  CHECK(claim->subject.text == "Marlow Group");

  for (const char* bad : {"footfall sales_volume\n", "footfall: sales_volume; side=left\n",
                          "footfall: sales_volume; figure=euros\n", "footfall: sales_volume; owner=clause\n",
                          "footfall: sales_volume; subject=nowhere\n"}) {
    CAPTURE(bad);
    testing::WriteFile(dir / "frames.lex", std::string("# comment\n") + bad);
    auto broken = Extractor::Create({dir.path()});
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.status().where().find("frames.lex:2") != std::string::npos);
  }
}

}  // namespace
}  // namespace concord::extract
