// AmountRecognizer: money and percent mentions, their spans, values, currencies, qualifiers,
// ranges and rates, and the things that look numeric but are not amounts.

#include "extract/amounts.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace concord::extract {
namespace {

const AmountRecognizer& Recognizer() {
  static const AmountRecognizer recognizer;
  return recognizer;
}

std::string_view Surface(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

// Every mention's text is its span's surface, spans are in order and inside the text.
void CheckWellFormed(std::string_view text, const std::vector<Mention>& mentions) {
  std::size_t previous_end = 0;
  for (const Mention& m : mentions) {
    REQUIRE(m.span.begin < m.span.end);
    REQUIRE(m.span.end <= text.size());
    CHECK(m.span.begin >= previous_end);
    CHECK(m.text == Surface(text, m.span));
    CHECK(m.sentence == 0);
    previous_end = m.span.end;
  }
}

// The one mention of `text`.
Mention Only(std::string_view text) {
  std::vector<Mention> mentions = Recognizer().Find(text);
  CheckWellFormed(text, mentions);
  REQUIRE(mentions.size() == 1);
  return mentions[0];
}

TEST_CASE("amount: money forms, currencies and scales") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    const char* currency;
  };
  const Case cases[] = {
      {"The fund raised $50 billion last year.", "$50 billion", 50e9, "USD"},
      {"It is a $50-billion deal for the group.", "$50-billion", 50e9, "USD"},
      {"Shares closed at $42.50 on Friday.", "$42.50", 42.5, "USD"},
      {"The house sold for $1,250,000 in cash.", "$1,250,000", 1250000, "USD"},
      {"The bonus was $73.5k before tax.", "$73.5k", 73500, "USD"},
      {"A $5MM seed round closed.", "$5MM", 5e6, "USD"},
      {"The startup raised $4 mil from angels.", "$4 mil", 4e6, "USD"},
      {"Debt reached $1.2 trillion in May.", "$1.2 trillion", 1.2e12, "USD"},
      {"Its market value topped $3tn.", "$3tn", 3e12, "USD"},
      {"Buybacks of $12.4B were approved.", "$12.4B", 12.4e9, "USD"},
      {"It lost $44.3m in the quarter.", "$44.3m", 44.3e6, "USD"},
      {"Orders worth $4bln arrived.", "$4bln", 4e9, "USD"},
      {"Rivals spent US$250 billion on chips.", "US$250 billion", 250e9, "USD"},
      {"Profit was US $28.5 billion.", "US $28.5 billion", 28.5e9, "USD"},
      {"The company paid USD34.6 million in fines.", "USD34.6 million", 34.6e6, "USD"},
      {"The company paid 34.6 million USD in fines.", "34.6 million USD", 34.6e6, "USD"},
      {"It borrowed USD 2.3bn from banks.", "USD 2.3bn", 2.3e9, "USD"},
      {"A pension gap of 12 million dollars remains.", "12 million dollars", 12e6, "USD"},
      {"It pledged 4.02 billion U.S. dollars to the plan.", "4.02 billion U.S. dollars", 4.02e9,
       "USD"},
      {"The prize is 250,000 dollars this year.", "250,000 dollars", 250000, "USD"},
      {"Brussels fined it €1.2bn on Tuesday.", "€1.2bn", 1.2e9, "EUR"},
      {"The bank issued EUR 750 million of notes.", "EUR 750 million", 750e6, "EUR"},
      {"Berlin set aside 3.7 million euros for it.", "3.7 million euros", 3.7e6, "EUR"},
      {"The club paid £2.87bn for the site.", "£2.87bn", 2.87e9, "GBP"},
      {"Savings of GBP 580,000 were found.", "GBP 580,000", 580000, "GBP"},
      {"It owes 5.15 billion pounds sterling.", "5.15 billion pounds sterling", 5.15e9, "GBP"},
      {"The deficit was 806,500 pounds.", "806,500 pounds", 806500, "GBP"},
      {"The estate paid 3 million pounds in tax.", "3 million pounds", 3e6, "GBP"},
      {"Tokyo approved ¥126.45 per unit.", "¥126.45", 126.45, "JPY"},
      {"Sales hit JPY 6.98 million.", "JPY 6.98 million", 6.98e6, "JPY"},
      {"Toyota spent 10 billion yen on it.", "10 billion yen", 10e9, "JPY"},
      {"The plant cost CNY 5 billion.", "CNY 5 billion", 5e9, "CNY"},
      {"It raised RMB 3 billion onshore.", "RMB 3 billion", 3e9, "CNY"},
      {"Loans rose by 2 billion yuan.", "2 billion yuan", 2e9, "CNY"},
      {"The state will invest ₹500 crore in roads.", "₹500 crore", 5e9, "INR"},
      {"Farmers get Rs 2 lakh each.", "Rs 2 lakh", 2e5, "INR"},
      {"The budget sets aside ₹2.5 lakh crore for it.", "₹2.5 lakh crore", 2.5e12, "INR"},
      {"The order is worth INR 40 crore.", "INR 40 crore", 4e8, "INR"},
      {"It spent 3 billion rupees on ads.", "3 billion rupees", 3e9, "INR"},
      {"Ottawa lent C$19.5bln to the line.", "C$19.5bln", 19.5e9, "CAD"},
      {"The miner earned A$6.28bn.", "A$6.28bn", 6.28e9, "AUD"},
      {"It listed at HK$66.2B.", "HK$66.2B", 66.2e9, "HKD"},
      {"The port costs S$5 million.", "S$5 million", 5e6, "SGD"},
      {"Zurich paid CHF 45 billion.", "CHF 45 billion", 45e9, "CHF"},
      {"Geneva paid 12 million Swiss francs.", "12 million Swiss francs", 12e6, "CHF"},
      {"Stockholm gave SEK 3bn to rail.", "SEK 3bn", 3e9, "SEK"},
      {"It is worth 70.5 billion Hong Kong dollars.", "70.5 billion Hong Kong dollars", 70.5e9,
       "HKD"},
      {"It got 100 million Australian dollars.", "100 million Australian dollars", 100e6, "AUD"},
      {"A ticket costs 5 € at the door.", "5 €", 5, "EUR"},
      {"Lunch was 100元 in Shanghai.", "100元", 100, "CNY"},
      {"The bill came to 115USD in total.", "115USD", 115, "USD"},
      {"Fares rose to 40 RMB this year.", "40 RMB", 40, "CNY"},
      {"It borrowed 10 Turkish lira.", "10 Turkish lira", 10, "TRY"},
      {"The loan is Rs 12,34,567.89 in all.", "Rs 12,34,567.89", 1234567.89, "INR"},
      {"a us $ 150 million world bank loan", "us $ 150 million", 150e6, "USD"},
      {"exports fell to hk $ 10.05 billion .", "hk $ 10.05 billion", 10.05e9, "HKD"},
      {"It raised Mex$ 10 million in notes.", "Mex$ 10 million", 10e6, "MXN"},
      {"It launched a $5 million fund.", "$5 million", 5e6, "USD"},
      {"It minted the 3 $5 coins.", "$5", 5, "USD"},
      {"In 2024 $5 billion was spent.", "$5 billion", 5e9, "USD"},
      {"A further 2 billion Canadian dollars came.", "2 billion Canadian dollars", 2e9, "CAD"},
      // Lower-cased wire text: "c $" is Canadian, codes in lower case.
      {"the mill took a c $ 300 million writedown", "c $ 300 million", 300e6, "CAD"},
      {"the fare is 20 usd one way", "20 usd", 20, "USD"},
      {"the plant cost eur 40 million to build", "eur 40 million", 40e6, "EUR"},
      {"It costs half a million usd.", "half a million usd", 5e5, "USD"},
      // A code before the scale, and codes with a glued scale letter (Nordic reports).
      {"The unit lost 75 USD million last year.", "75 USD million", 75e6, "USD"},
      {"Orders of 30 MUSD were booked in May.", "30 MUSD", 30e6, "USD"},
      {"The fleet deal is worth MSEK 120 in all.", "MSEK 120", 120e6, "SEK"},
      {"Net sales reached 48.5 MEUR in the year.", "48.5 MEUR", 48.5e6, "EUR"},
      {"Costs were kEUR 850 for the pilot.", "kEUR 850", 850e3, "EUR"},
      {"Grants totalled twenty MNOK in the period.", "twenty MNOK", 20e6, "NOK"},
      // Scales the issue names: bln, MM, crore, lakh; a code glued to the number.
      {"Moscow set aside 2.5 bln euros for the line.", "2.5 bln euros", 2.5e9, "EUR"},
      {"The fund closed at $750MM after a year.", "$750MM", 750e6, "USD"},
      {"Reliance will spend Rs 1,200 crore on a plant.", "Rs 1,200 crore", 12e9, "INR"},
      {"Each village gets ₹15 lakh for wells.", "₹15 lakh", 15e5, "INR"},
      {"Infosys booked INR34.6 crore in the quarter.", "INR34.6 crore", 346e6, "INR"},
      {"Bern approved CHF1.2bn for rail.", "CHF1.2bn", 1.2e9, "CHF"},
      {"The club was sold for 300 million sterling.", "300 million sterling", 300e6, "GBP"},
      {"The card sells for ¥５,０００ in Osaka.", "¥５,０００", 5000, "JPY"},
      {"The unit booked a $5mn loss.", "$5mn", 5e6, "USD"},
      {"Lenders wrote off £3.2 mn in loans.", "£3.2 mn", 3.2e6, "GBP"},
      {"It raised US$1.1b in bonds.", "US$1.1b", 1.1e9, "USD"},
      {"Debt stood at €2.3tn at year end.", "€2.3tn", 2.3e12, "EUR"},
      {"Vestas won orders of DKK 4.5 billion.", "DKK 4.5 billion", 4.5e9, "DKK"},
      {"Samsung spent 3 trillion Korean won on it.", "3 trillion Korean won", 3e12, "KRW"},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.kind == MentionKind::kMoney);
    CHECK(m.text == c.surface);
    CHECK(m.amount.low == c.value);
    CHECK(m.amount.high == c.value);
    CHECK(m.amount.currency == c.currency);
    CHECK(m.amount.qualifier == Qualifier::kExact);
    CHECK(m.amount.qualifier_span.empty());
    CHECK(m.amount.per.empty());
  }
}

// Every mention of `text` as (surface, low, currency, per), for table tests with several.
struct Seen {
  std::string surface;
  double value;
  std::string currency;
  std::string per;
  bool operator==(const Seen&) const = default;
};
std::vector<Seen> SeenIn(std::string_view text) {
  std::vector<Mention> mentions = Recognizer().Find(text);
  CheckWellFormed(text, mentions);
  std::vector<Seen> seen;
  for (const Mention& m : mentions) {
    CHECK(m.amount.low == m.amount.high);
    seen.push_back({m.text, m.amount.low, m.amount.currency, m.amount.per});
  }
  return seen;
}

TEST_CASE("amount: wire notation, minor units and the currency table") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    const char* currency;
    const char* per;
  };
  const Case cases[] = {
      // Reuters style: dlrs, dlr, mln, bln, stg, cts, per share.
      {"The buyer paid 75,000 dlrs for the rights.", "75,000 dlrs", 75000, "USD", ""},
      {"The mill was sold for 38 mln dlrs in cash.", "38 mln dlrs", 38e6, "USD", ""},
      {"Its loans total 2.4 billion dlrs today.", "2.4 billion dlrs", 2.4e9, "USD", ""},
      {"Reserves were 6.1 billion U.S. dlrs at the end.", "6.1 billion U.S. dlrs", 6.1e9, "USD",
       ""},
      {"The unit sold for 90 mln Canadian dlrs.", "90 mln Canadian dlrs", 90e6, "CAD", ""},
      {"Exports brought 7 bln Australian dlrs.", "7 bln Australian dlrs", 7e9, "AUD", ""},
      {"A 40 mln dlr credit was arranged.", "40 mln dlr", 40e6, "USD", ""},
      {"Profit was 31 mln stg before tax.", "31 mln stg", 31e6, "GBP", ""},
      {"Sales came to 820 mln yen in March.", "820 mln yen", 820e6, "JPY", ""},
      {"Turnover grew to 2.6 billion marks.", "2.6 billion marks", 2.6e9, "DEM", ""},
      {"It sold bonds worth 150 mln guilders.", "150 mln guilders", 150e6, "NLG", ""},
      {"The bank lent 90 billion lire to the firm.", "90 billion lire", 90e9, "ITL", ""},
      {"The group earned 44 mln French francs.", "44 mln French francs", 44e6, "FRF", ""},
      {"It expects to earn 27 cts a share this year.", "27 cts", 0.27, "USD", "share"},
      {"Earnings were nine cts share against six.", "nine cts", 0.09, "USD", "share"},
      {"The offer is 2.25 dlrs per share in cash.", "2.25 dlrs", 2.25, "USD", "share"},
      // Cents and pence alone, glued, hyphenated and as symbols.
      {"The stock slipped 28 cents on the news.", "28 cents", 0.28, "USD", ""},
      {"The bank pays 310 pence a share.", "310 pence", 3.1, "GBP", "share"},
      {"It set a 15-cent-a-share payout.", "15-cent", 0.15, "USD", "share"},
      {"Gum costs 35¢ at the kiosk.", "35¢", 0.35, "USD", ""},
      {"A stamp was 65p last year.", "65p", 0.65, "GBP", ""},
      // Spelled amounts, the article as one, slang and compounds.
      {"He gave her forty pounds for the coat.", "forty pounds", 40, "GBP", ""},
      {"She found a euro on the floor.", "a euro", 1, "EUR", ""},
      {"It set him back a hundred bucks, they said.", "a hundred bucks", 100, "USD", ""},
      {"The fare was $3 and 40c that day.", "$3 and 40c", 3.4, "USD", ""},
      {"He paid 9 dollars 15 cents for lunch.", "9 dollars 15 cents", 9.15, "USD", ""},
      {"Tea was £2 and 30p then.", "£2 and 30p", 2.3, "GBP", ""},
      {"It owed 35 dollars 20 to the shop.", "35 dollars 20", 35.2, "USD", ""},
      {"The toll is 8 EUR 40 now.", "8 EUR 40", 8.4, "EUR", ""},
      {"It came to twelve dollars thirty-five.", "twelve dollars thirty-five", 12.35, "USD", ""},
      // Wire fractions and number words before a wire scale.
      {"The bid was raised to 31-3/8 dlrs a share.", "31-3/8 dlrs", 31.375, "USD", "share"},
      {"A quarterly payout of 17-1/2 cts was set.", "17-1/2 cts", 0.175, "USD", ""},
      {"The unit earned eleven mln dlrs last year.", "eleven mln dlrs", 11e6, "USD", ""},
      {"The stock ended at 41.20 marks in Frankfurt.", "41.20 marks", 41.2, "DEM", ""},
      // A minus sign before the currency keeps its sign.
      {"Net cash flow was -$2.5bn for the year.", "-$2.5bn", -2.5e9, "USD", ""},
      // Currencies of the data table.
      {"Petronas earned 12 bln ringgit last year.", "12 bln ringgit", 12e9, "MYR", ""},
      {"The tower cost RM 450 million to build.", "RM 450 million", 450e6, "MYR", ""},
      {"The airline ordered jets for 9 billion riyals.", "9 billion riyals", 9e9, "SAR", ""},
      {"The grant was 30 million Kuwaiti dinars.", "30 million Kuwaiti dinars", 30e6, "KWD", ""},
      {"The startup raised 80 million shekels.", "80 million shekels", 80e6, "ILS", ""},
      {"Rents rose to NIS 6,500 a month.", "NIS 6,500", 6500, "ILS", "month"},
      {"The mine lost 4 billion rand in a year.", "4 billion rand", 4e9, "ZAR", "year"},
      {"Lagos spent 70 billion naira on roads.", "70 billion naira", 70e9, "NGN", ""},
      {"The chipmaker set aside 8 trillion won for it.", "8 trillion won", 8e12, "KRW", ""},
      {"A room costs 1,200 baht a night in town.", "1,200 baht", 1200, "THB", ""},
      {"The fine was 250 million Turkish lira.", "250 million Turkish lira", 250e6, "TRY", ""},
      {"Warsaw set aside 3 bln zlotys for it.", "3 bln zlotys", 3e9, "PLN", ""},
      {"Prague paid 900 million koruna for it.", "900 million koruna", 900e6, "CZK", ""},
      {"Budapest paid 40 billion forints.", "40 billion forints", 40e9, "HUF", ""},
      {"Bucharest spent 2 billion lei on it.", "2 billion lei", 2e9, "RON", ""},
      {"Kyiv raised 12 bln hryvnias in bonds.", "12 bln hryvnias", 12e9, "UAH", ""},
      {"The deal is worth 500 million Argentine pesos.", "500 million Argentine pesos", 500e6,
       "ARS", ""},
      {"The subsidy costs 15 bln Egyptian pounds.", "15 bln Egyptian pounds", 15e9, "EGP", ""},
      {"Depositors lost 90 billion Lebanese pounds.", "90 billion Lebanese pounds", 90e9, "LBP",
       ""},
      {"Helsinki paid 60 million markkaa then.", "60 million markkaa", 60e6, "FIM", ""},
      {"Madrid spent 800 million pesetas on it.", "800 million pesetas", 800e6, "ESP", ""},
      {"Bonn lent 3 bln Deutsche marks to them.", "3 bln Deutsche marks", 3e9, "DEM", ""},
      {"Brussels paid 20 mln Belgian francs.", "20 mln Belgian francs", 20e6, "BEF", ""},
      {"The wallet held 3.5 bitcoin last week.", "3.5 bitcoin", 3.5, "BTC", ""},
      {"The hackers took 120 ETH from the pool.", "120 ETH", 120, "ETH", ""},
      {"The fee was 0.8 ether per transfer.", "0.8 ether", 0.8, "ETH", ""},
      {"The ticket costs AED 350 in Dubai.", "AED 350", 350, "AED", ""},
      {"Nairobi raised KES 50 billion in bonds.", "KES 50 billion", 50e9, "KES", ""},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.kind == MentionKind::kMoney);
    CHECK(m.text == c.surface);
    CHECK(m.amount.low == doctest::Approx(c.value).epsilon(1e-12));
    CHECK(m.amount.high == m.amount.low);
    CHECK(m.amount.currency == c.currency);
    CHECK(m.amount.per == std::string(c.per));
  }
}

TEST_CASE("amount: reversed percents and digit fractions before of") {
  CHECK(SeenIn("the survey gave percent of 40") == std::vector<Seen>{{"percent of 40", 40, "", ""}});
  CHECK(SeenIn("They sold 3/4 of the land.") == std::vector<Seen>{{"3/4 of", 75, "", ""}});
  // Counts and ratios are not percentages.
  CHECK(SeenIn("The percent of 12 firms rose; two in three agreed; 7 out of 9 left.").empty());
}

TEST_CASE("amount: a minor amount takes the currency of the amount before it") {
  CHECK(SeenIn("The euro bond paid €4 and the coupon 20 cents more.") ==
        std::vector<Seen>{{"€4", 4, "EUR", ""}, {"20 cents", 0.2, "EUR", ""}});
  CHECK(SeenIn("Fares are C$5 and 50 cents.") == std::vector<Seen>{{"C$5 and 50 cents", 5.5, "CAD", ""}});
}

TEST_CASE("amount: Reuters results lines and elided currencies") {
  const std::string table =
      "Shr 52 cts vs 47 cts\nNet 6.3 mln vs 5.9 mln\nRevs 88.4 mln vs 80.1 mln\n"
      "Avg shrs 12,100,000 vs 11,900,000\nOper net profit 950,000 vs loss 1,200,000\n"
      "Shr loss 1.05 dlrs vs profit 12 cts";
  CHECK(SeenIn(table) == std::vector<Seen>{{"52 cts", 0.52, "USD", "share"},
                                           {"47 cts", 0.47, "USD", "share"},
                                           {"6.3 mln", 6.3e6, "USD", ""},
                                           {"5.9 mln", 5.9e6, "USD", ""},
                                           {"88.4 mln", 88.4e6, "USD", ""},
                                           {"80.1 mln", 80.1e6, "USD", ""},
                                           {"950,000", 950000, "USD", ""},
                                           {"1,200,000", 1.2e6, "USD", ""},
                                           {"1.05 dlrs", 1.05, "USD", "share"},
                                           {"12 cts", 0.12, "USD", "share"}});
  // The results labels open a line; in running text "Net" and "Sales" are ordinary words.
  CHECK(SeenIn("Sales of 40 units and Net 5 were listed.").empty());
  CHECK(SeenIn("Income rose to 41 mln dlrs from 36 mln in the year.") ==
        std::vector<Seen>{{"41 mln dlrs", 41e6, "USD", ""}, {"36 mln", 36e6, "USD", ""}});
  CHECK(SeenIn("It paid 5 mln dlrs to 3 mln holders.") ==
        std::vector<Seen>{{"5 mln dlrs", 5e6, "USD", ""}});
}

TEST_CASE("amount: the dateline's dollar and figures before a range word") {
  CHECK(SeenIn("CALGARY, May 4 - The driller earned 12 mln dlrs, or 30 cts a share, and paid "
               "2 mln U.S. dlrs.") ==
        std::vector<Seen>{{"12 mln dlrs", 12e6, "CAD", ""},
                          {"30 cts", 0.3, "CAD", "share"},
                          {"2 mln U.S. dlrs", 2e6, "USD", ""}});
  CHECK(SeenIn("PERTH, June 2 - Year to March.\nNet 4.1 mln vs 3.7 mln") ==
        std::vector<Seen>{{"4.1 mln", 4.1e6, "AUD", ""}, {"3.7 mln", 3.7e6, "AUD", ""}});
  CHECK(SeenIn("BOSTON, May 4 - It earned 12 mln dlrs.") ==
        std::vector<Seen>{{"12 mln dlrs", 12e6, "USD", ""}});
  const std::string text = "It sees a loss of 40 mln to 48 mln dlrs, or between 1.10 and 1.25 dlrs a share.";
  const std::vector<Mention> mentions = Recognizer().Find(text);
  CheckWellFormed(text, mentions);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].text == "40 mln to 48 mln dlrs");
  CHECK(mentions[0].amount.low == 40e6);
  CHECK(mentions[0].amount.high == 48e6);
  CHECK(mentions[0].amount.qualifier == Qualifier::kRange);
  CHECK(Surface(text, mentions[0].amount.low_span) == "40 mln");
  CHECK(mentions[1].text == "1.10 and 1.25 dlrs");
  CHECK(Surface(text, mentions[1].amount.qualifier_span) == "between");
  CHECK(mentions[1].amount.per == "share");
  // One scale or unit written once: a compact range, no bounds.
  const std::string shared = "Savings of 75 to 85 mln dlrs and a payout of 40 to 45 cts.";
  const std::vector<Mention> compact = Recognizer().Find(shared);
  CheckWellFormed(shared, compact);
  REQUIRE(compact.size() == 2);
  CHECK(compact[0].text == "75 to 85 mln dlrs");
  CHECK(compact[0].amount.low == 75e6);
  CHECK(compact[0].amount.high == 85e6);
  CHECK(compact[0].amount.low_span.empty());
  CHECK(compact[1].text == "40 to 45 cts");
  CHECK(compact[1].amount.low == doctest::Approx(0.40));
  CHECK(compact[1].amount.high == doctest::Approx(0.45));
  // After "from" it is a change: two amounts.
  CHECK(SeenIn("Sales rose from 31 mln to 36 mln dlrs.") ==
        std::vector<Seen>{{"31 mln", 31e6, "USD", ""}, {"36 mln dlrs", 36e6, "USD", ""}});
}

TEST_CASE("amount: wire and minor-unit look-alikes are not money") {
  const char* texts[] = {
      "She dropped 12 pounds before the race.",
      "The bag holds ten pounds of rice.",
      "It bought a 7 pct share of the bank.",
      "The squad won 4 games and the coach won 2 awards.",
      "The pupils scored 8 marks out of ten.",
      "Page 4 p and the 30C heat wave.",
      "Votes from 51 Sen. members were counted.",
      "The euro zone grew, a dollar-denominated bond sold and a pound of butter went.",
      "He has a yen for travel.",
      "The AMD 7 chips, ALL 3 sets, CVE 2022, NPR 4 shows and TMT 5 deals.",
      "Net profits are a concern, said the 2021 report.",
  };
  for (const char* text : texts) {
    const std::string input(text);
    CAPTURE(input);
    const std::vector<Mention> mentions = Recognizer().Find(text);
    for (const Mention& m : mentions) CHECK(m.kind != MentionKind::kMoney);
  }
}

TEST_CASE("amount: spelled numbers") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    const char* currency;
  };
  const Case cases[] = {
      {"It paid half a billion dollars for it.", "half a billion dollars", 5e8, "USD"},
      {"A billion dollars is a lot.", "A billion dollars", 1e9, "USD"},
      {"It is a million-dollar question.", "a million-dollar", 1e6, "USD"},
      {"They spent three billion euros.", "three billion euros", 3e9, "EUR"},
      {"It cost twenty-five million dollars.", "twenty-five million dollars", 25e6, "USD"},
      {"He won half a billion Canadian dollars.", "half a billion Canadian dollars", 5e8, "CAD"},
      {"It cost a quarter million dollars.", "a quarter million dollars", 250000, "USD"},
      {"It cost three quarters billion euros.", "three quarters billion euros", 75e7, "EUR"},
      {"Investors put three billion dollars into the venture.", "three billion dollars", 3e9,
       "USD"},
      {"The port will cost half a billion euros to dredge.", "half a billion euros", 5e8, "EUR"},
      {"It paid a billion yen for the brand.", "a billion yen", 1e9, "JPY"},
      {"The mine is worth 1.5 trillion rupees.", "1.5 trillion rupees", 1.5e12, "INR"},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.text == c.surface);
    CHECK(m.amount.low == c.value);
    CHECK(m.amount.currency == c.currency);
  }
}

// Exactness: a decimal times a power of ten is computed from the digits, never as a product of
// doubles (4.1 * 1e6 is 4099999.9999999995 in binary floating point).
TEST_CASE("amount: scaled decimals are exact") {
  const Mention usd = Only("The group paid USD34.6 million for the licence.");
  CHECK(usd.amount.low == 34600000.0);
  CHECK(usd.amount.low == 34'600'000);
  CHECK(static_cast<long long>(usd.amount.low) == 34'600'000LL);
  CHECK(usd.amount.low - 34'600'000 == 0.0);
  // The naive product is not always exact, which is why the digits are scaled as text.
  const double naive = 4.1 * 1e6;
  CHECK(naive != 4100000.0);
  CHECK(Only("It lost £4.1m.").amount.low == 4100000.0);
  struct Case {
    const char* text;
    long long whole;  // the exact value, an integer
  };
  const Case cases[] = {
      {"$0.3 billion", 300'000'000LL},       {"€1.15bn", 1'150'000'000LL},
      {"$2.675 trillion", 2'675'000'000'000LL}, {"£4.1m", 4'100'000LL},
      {"Rs 2.35 crore", 23'500'000LL},        {"$7.7 billion", 7'700'000'000LL},
      {"$0.07 million", 70'000LL},            {"30.3 MUSD", 30'300'000LL},
      {"75.1 USD million", 75'100'000LL},      {"$1.9k", 1'900LL},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.amount.low == static_cast<double>(c.whole));
    CHECK(static_cast<long long>(m.amount.low) == c.whole);
  }
}

TEST_CASE("amount: values are the nearest double to the decimal") {
  struct Case {
    const char* text;
    double value;
  };
  const Case cases[] = {
      {"USD 34.6 million", 34600000.0},
      {"$0.1 billion", 100000000.0},
      {"$1.1 million", 1100000.0},
      {"€2.675bn", 2675000000.0},
      {"$19.99", 19.99},
      {"$0.07", 0.07},
      {"$4.35 trillion", 4350000000000.0},
      {"£1,234,567.89", 1234567.89},
      {"$9,007,199,254,740,993", 9007199254740992.0},  // 2^53 + 1 rounds to even
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.amount.low == c.value);
  }
  // Full-width digits read like ASCII ones.
  const Mention wide = Only("It paid $\xEF\xBC\x91\xEF\xBC\x92 million.");  // $１２ million
  CHECK(wide.amount.low == 12e6);
}

TEST_CASE("amount: qualifiers sit outside the span") {
  struct Case {
    const char* text;
    const char* surface;
    const char* qualifier_text;
    Qualifier qualifier;
  };
  const Case cases[] = {
      {"It could invest up to $50 billion in the venture.", "$50 billion", "up to",
       Qualifier::kUpTo},
      {"Fees could reach as much as €2bn.", "€2bn", "as much as", Qualifier::kUpTo},
      {"The stake is worth about $39.4 million.", "$39.4 million", "about", Qualifier::kApprox},
      {"The stake is worth around £30 million.", "£30 million", "around", Qualifier::kApprox},
      {"Roughly $5m was spent.", "$5m", "Roughly", Qualifier::kApprox},
      {"It has approximately 27% of the market.", "27%", "approximately", Qualifier::kApprox},
      {"It lost nearly $35.2 million.", "$35.2 million", "nearly", Qualifier::kApprox},
      {"It lost almost $9 million.", "$9 million", "almost", Qualifier::kApprox},
      {"It sold some $450bn of debt.", "$450bn", "some", Qualifier::kApprox},
      {"It has an estimated $2 billion in cash.", "$2 billion", "an estimated", Qualifier::kApprox},
      {"It raised more than $200 billion.", "$200 billion", "more than", Qualifier::kMoreThan},
      {"It raised over $200 billion.", "$200 billion", "over", Qualifier::kMoreThan},
      {"Claims in excess of £80 thousand were paid.", "£80 thousand", "in excess of",
       Qualifier::kMoreThan},
      {"Prices rose above 5% in March.", "5%", "above", Qualifier::kMoreThan},
      {"It will buy at least US$60 billion of units.", "US$60 billion", "at least",
       Qualifier::kAtLeast},
      {"It paid less than $1 million.", "$1 million", "less than", Qualifier::kLessThan},
      {"It paid under $1 million.", "$1 million", "under", Qualifier::kLessThan},
      {"Inflation stayed below 2 percent.", "2 percent", "below", Qualifier::kLessThan},
      {"The break is estimated at $410 million.", "$410 million", "estimated at", Qualifier::kApprox},
      {"Fees carry a floor of $60 million a year.", "$60 million", "a floor of", Qualifier::kAtLeast},
      {"Its cash fell beneath €150 million.", "€150 million", "beneath", Qualifier::kLessThan},
      {"Bonuses are capped at $2 million.", "$2 million", "capped at", Qualifier::kUpTo},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.text == c.surface);
    CHECK(m.amount.qualifier == c.qualifier);
    CHECK(Surface(c.text, m.amount.qualifier_span) == c.qualifier_text);
    CHECK(m.amount.qualifier_span.end < m.span.begin);
    // An up-to amount keeps its figure in both bounds; the qualifier carries the meaning.
    CHECK(m.amount.low == m.amount.high);
  }
}

TEST_CASE("amount: ranges are one mention") {
  struct Case {
    const char* text;
    const char* surface;
    double low;
    double high;
    const char* currency;
    const char* qualifier_text;  // "between" sits outside the span
  };
  const Case cases[] = {
      {"Sales will be between $15bn and $20bn this year.", "$15bn and $20bn", 15e9, 20e9, "USD",
       "between"},
      {"Sales will be $15–20 billion this year.", "$15–20 billion", 15e9, 20e9, "USD", ""},
      {"Sales will be $2-3 billion this year.", "$2-3 billion", 2e9, 3e9, "USD", ""},
      {"Sales will be $15 billion to $20 billion.", "$15 billion to $20 billion", 15e9, 20e9, "USD",
       ""},
      {"It expects A$300 billion to A$310 billion.", "A$300 billion to A$310 billion", 300e9, 310e9,
       "AUD", ""},
      {"It guided to C$100-150 billion.", "C$100-150 billion", 100e9, 150e9, "CAD", ""},
      {"It will cost 2-3 billion dollars.", "2-3 billion dollars", 2e9, 3e9, "USD", ""},
      {"Growth of 5-7% is forecast.", "5-7%", 5, 7, "", ""},
      {"Growth of between 5% and 7% is forecast.", "5% and 7%", 5, 7, "", "between"},
      {"Growth of 5 to 7 percent is forecast.", "5 to 7 percent", 5, 7, "", ""},
      {"Organic growth of 3% to 11.8% is forecast.", "3% to 11.8%", 3, 11.8, "", ""},
      {"Prices ranged from $10 to $20 a ticket.", "$10 to $20", 10, 20, "USD", ""},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.text == c.surface);
    CHECK(m.amount.qualifier == Qualifier::kRange);
    CHECK(m.amount.low == c.low);
    CHECK(m.amount.high == c.high);
    CHECK(m.amount.currency == c.currency);
    CHECK(Surface(c.text, m.amount.qualifier_span) == c.qualifier_text);
  }
}

// A range written as two amounts keeps each amount's span; a compact one has none.
TEST_CASE("amount: range bounds") {
  struct Case {
    const char* text;
    const char* low_surface;  // "" for a compact range
    const char* high_surface;
  };
  const Case cases[] = {
      {"Sales will be between $15bn and $20bn this year.", "$15bn", "$20bn"},
      {"It expects A$300 billion to A$310 billion.", "A$300 billion", "A$310 billion"},
      {"Fees of €3 million to 4 million are due.", "€3 million", "4 million"},
      {"Growth of between 5% and 7% is forecast.", "5%", "7%"},
      {"Margins of 5.2% to 10 percent are likely.", "5.2%", "10 percent"},
      {"Yields of -0.5% to 0.25% were seen.", "-0.5%", "0.25%"},
      {"Sales will be $2-3 billion this year.", "", ""},
      {"Growth of 5-7% is forecast.", "", ""},
      {"Growth of 5 to 7 percent is forecast.", "", ""},
      {"It will cost 2-3 billion dollars.", "", ""},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.amount.qualifier == Qualifier::kRange);
    CHECK(Surface(c.text, m.amount.low_span) == c.low_surface);
    CHECK(Surface(c.text, m.amount.high_span) == c.high_surface);
    if (m.amount.high_span.empty()) continue;
    CHECK(m.amount.low_span.begin == m.span.begin);
    CHECK(m.amount.high_span.end == m.span.end);
  }
}

TEST_CASE("amount: changes and lists are separate mentions") {
  struct Case {
    const char* text;
    std::vector<const char*> surfaces;
    std::vector<double> values;
  };
  const Case cases[] = {
      {"Profit rose from $5 billion to $6 billion.", {"$5 billion", "$6 billion"}, {5e9, 6e9}},
      {"It cut costs by $1 billion to $4 billion.", {"$1 billion", "$4 billion"}, {1e9, 4e9}},
      {"It paid $5 million and $6 million.", {"$5 million", "$6 million"}, {5e6, 6e6}},
      {"Margin widened from 11.8% to 12%.", {"11.8%", "12%"}, {11.8, 12}},
      {"The rate went from 5 to 7 percent.", {"5", "7 percent"}, {5, 7}},
      {"Net income fell 21 percent to US $400 billion, or $152.62 a share.",
       {"21 percent", "US $400 billion", "$152.62"},
       {21, 400e9, 152.62}},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const std::vector<Mention> mentions = Recognizer().Find(c.text);
    CheckWellFormed(c.text, mentions);
    REQUIRE(mentions.size() == c.surfaces.size());
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      CAPTURE(i);
      CHECK(mentions[i].text == c.surfaces[i]);
      CHECK(mentions[i].amount.low == c.values[i]);
      CHECK(mentions[i].amount.qualifier == Qualifier::kExact);
    }
  }
}

TEST_CASE("amount: rates") {
  struct Case {
    const char* text;
    const char* surface;
    const char* per;
  };
  const Case cases[] = {
      {"It earned $7.5 billion in a single quarter.", "$7.5 billion", "quarter"},
      {"The cap is $2bn a year.", "$2bn", "year"},
      {"The cap is $2bn per year.", "$2bn", "year"},
      {"Rent is €3 million per annum.", "€3 million", "year"},
      {"It pays £5m annually.", "£5m", "year"},
      {"It pays 2 million dollars a year.", "2 million dollars", "year"},
      {"It burns $3 million a month.", "$3 million", "month"},
      {"He earns $40,000 a week.", "$40,000", "week"},
      {"It costs $500 a day.", "$500", "day"},
      {"It buys US$60 billion each year through 2029.", "US$60 billion", "year"},
      {"Savings of $1 billion to $6 billion a year are expected.", "$1 billion to $6 billion",
       "year"},
      {"Revenue was $5bn a year ago.", "$5bn", ""},
      {"It pays up to $1 billion per year from 2025.", "$1 billion", "year"},
      {"Revenue was $5bn a year earlier.", "$5bn", ""},
      {"It paid $42.50 a share.", "$42.50", "share"},
      {"The board declared 18 cts per share.", "18 cts", "share"},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.text == c.surface);
    CHECK(m.amount.per == std::string(c.per));
  }
}

TEST_CASE("amount: percentages and points") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    PercentUnit unit;
  };
  const Case cases[] = {
      {"Revenue rose 27% in the year.", "27%", 27, PercentUnit::kPercent},
      {"Revenue rose 27 percent in the year.", "27 percent", 27, PercentUnit::kPercent},
      {"Revenue rose 27 per cent in the year.", "27 per cent", 27, PercentUnit::kPercent},
      {"Revenue rose 27 pct in the year.", "27 pct", 27, PercentUnit::kPercent},
      {"Revenue rose seven percent in the year.", "seven percent", 7, PercentUnit::kPercent},
      {"Revenue rose 12.5% in the year.", "12.5%", 12.5, PercentUnit::kPercent},
      {"It holds a 5-percent stake.", "5-percent", 5, PercentUnit::kPercent},
      {"Margins widened 2 percentage points.", "2 percentage points", 2,
       PercentUnit::kPercentagePoint},
      {"Margins widened 2 pp on price.", "2 pp", 2, PercentUnit::kPercentagePoint},
      {"The bank cut rates by 25 basis points.", "25 basis points", 25, PercentUnit::kBasisPoint},
      {"The bank cut rates by 25bps.", "25bps", 25, PercentUnit::kBasisPoint},
      {"Margins rose 1.5 percentage points on price.", "1.5 percentage points", 1.5,
       PercentUnit::kPercentagePoint},
      {"Spreads widened by 40 bp on Monday.", "40 bp", 40, PercentUnit::kBasisPoint},
      {"Tokyo kept its rate at minus 0.1 percent.", "minus 0.1 percent", -0.1,
       PercentUnit::kPercent},
      {"Bund yields fell to -0.5% in the spring.", "-0.5%", -0.5, PercentUnit::kPercent},
      {"Real wages grew by negative 2 percent.", "negative 2 percent", -2, PercentUnit::kPercent},
      {"The state holds a quarter of the airline.", "a quarter of", 25, PercentUnit::kPercent},
      {"Pension funds own one half of the shares.", "one half of", 50, PercentUnit::kPercent},
      {"Exports make up three quarters of sales.", "three quarters of", 75,
       PercentUnit::kPercent},
      {"Tenants pay one-fifth of their income in rent.", "one-fifth of", 20,
       PercentUnit::kPercent},
      {"Sales rose ２７％ in Japan.", "２７％", 27, PercentUnit::kPercent},
  };
  for (const Case& c : cases) {
    const std::string input(c.text);
    CAPTURE(input);
    const Mention m = Only(c.text);
    CHECK(m.kind == MentionKind::kPercent);
    CHECK(m.text == c.surface);
    CHECK(m.amount.low == c.value);
    CHECK(m.amount.high == c.value);
    CHECK(m.amount.percent_unit == c.unit);
    CHECK(m.amount.currency.empty());
  }
}

TEST_CASE("amount: numbers that are not amounts") {
  const char* texts[] = {
      "The deal closed in 2024 after talks in 2023.",
      "Upgrade to v5.7.0 before Friday.",
      "Call 555-1234 or +1 212 555 0199 for details.",
      "She finished 3rd of 10 runners.",
      "It made the Top 10 list.",
      "The Boeing 737 and Airbus A320 were grounded.",
      "COVID-19 cases fell.",
      "The desk runs 24/7.",
      "It streams in 4K.",
      "The home side won 3-2.",
      "Trust63 launched a fund.",
      "The Nano Omni and the 3 Nano ship in May.",
      "Prices are in 2024 dollars.",
      "He lost 20 pounds over the summer.",
      "See https://example.com/search?q=30%25%2020% and issn%280024%2D9114%29 for details.",
      "The Windows 11 update and iPhone 15 Pro launched.",
      "It weighs 5 m and costs Z$5.",
      "The score was 1.5.3 percent of nothing.",
      // Years, versions, phone numbers, ordinals, product and model names, scores, codes.
      "Founded in 1998, it moved to Leeds in 2015.",
      "Release 2.4.1 and v10 fixed the bug.",
      "Reach the desk at (020) 7946 0958 or 800-555-0100.",
      "It placed 2nd in 2023 and 21st in 2024.",
      "Top 10 lists and the Fortune 500 were out.",
      "The airline flies the Boeing 737 MAX 8 and the A350-900.",
      "After COVID-19 and H5N1, travel slowed.",
      "Support is staffed 24/7 and 365 days.",
      "The TV shows 4K and 8K video at 120Hz.",
      "Arsenal beat Spurs 2-1 and drew 0-0 with Leeds.",
      "Trust63 and Studio54 opened offices.",
      "The PlayStation 5 and the Galaxy S24 sold out.",
      "It took a quarter of a century to build.",
      "Revenue rose in the first quarter of 2024.",
      "He waited a third of an hour.",
      "The Route 66 diner opens at 9.",
      "Maud 60 was a name on the door.",
      "It covers 3 mil of film and the try 5 times rule.",
      "The header holds a crc32 and the sek2 flag; run 32crc twice.",
  };
  for (const char* text : texts) {
    const std::string input(text);
    CAPTURE(input);
    CHECK(Recognizer().Find(text).empty());
  }
}

TEST_CASE("amount: several mentions keep text order and byte spans") {
  const std::string text =
      "Greystone sold A$75 billion of bonds at a coupon of 2%, and Quillon will get 15 percent "
      "of sales, capped at 2 million dollars a year, after a €5 fine.";
  const std::vector<Mention> mentions = Recognizer().Find(text);
  CheckWellFormed(text, mentions);
  REQUIRE(mentions.size() == 5);
  CHECK(mentions[0].text == "A$75 billion");
  CHECK(mentions[0].span.begin == text.find("A$75"));
  CHECK(mentions[1].text == "2%");
  CHECK(mentions[2].text == "15 percent");
  CHECK(mentions[3].text == "2 million dollars");
  CHECK(mentions[3].amount.per == "year");
  CHECK(mentions[4].text == "€5");
  CHECK(mentions[4].span.end - mentions[4].span.begin == 4);  // "€" is three bytes
}

TEST_CASE("amount: any bytes, long lines and odd runs are safe") {
  std::mt19937 random(20240315);
  std::string noise(1 << 20, '\0');
  const std::string alphabet = "$€£%0123456789 ,.-–bnmkBMUSD";
  for (char& c : noise) {
    c = random() % 3 == 0 ? static_cast<char>(random() % 256)
                          : alphabet[random() % alphabet.size()];
  }
  CheckWellFormed(noise, Recognizer().Find(noise));

  const std::string digits(4 << 20, '7');
  CheckWellFormed(digits, Recognizer().Find("$" + digits + " billion"));
  CHECK(Recognizer().Find("$" + digits + " billion").empty());

  std::string repeated;
  for (int i = 0; i < 20000; ++i) repeated += "about $1.5bn and between 3% and ";
  const std::vector<Mention> mentions = Recognizer().Find(repeated);
  CheckWellFormed(repeated, mentions);
  CHECK(mentions.size() == 40000);

  CHECK(Recognizer().Find("").empty());
  CHECK(Recognizer().Find("$").empty());
  CHECK(Recognizer().Find("\xff\xfe$5\xc2").size() == 1);
}

// Found by tools/fuzz (issue 3): a date lead word ending the text made the date recognizer
// read one byte past the end (ASan: heap-buffer-overflow in PointExpressionAt).
TEST_CASE("quantities: texts that end inside an expression are safe") {
  const char* texts[] = {"It is ahead of ", "ahead of", "Sales rose before ", "until", "from $5",
                         "between 5% and", "up to ", "$", "US$ ", "5 MUSD", "minus ", "a quarter of",
                         "K$97.7-billi", "between $2bn and $"};
  for (const char* text : texts) {
    const std::string input(text);  // a heap copy, so ASan sees a read past its end
    CAPTURE(input);
    const std::vector<Mention> mentions = FindQuantities(input);
    CheckWellFormed(input, mentions);
  }
}

TEST_CASE("amount: the recognizer moves") {
  AmountRecognizer first;
  AmountRecognizer second(std::move(first));
  AmountRecognizer third;
  third = std::move(second);
  CHECK(third.Find("It paid $5m.").size() == 1);
}

}  // namespace
}  // namespace concord::extract
