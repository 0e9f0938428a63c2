// `concord audit summary`: the seed digest audited against its source article, checked
// against the verdict table of ../shared/acceptance/seed-pair.md, read from there at run
// time (the table is the acceptance's, not ours to restate), and on articles of our own.

#include <regex>

#include "e2e.h"

namespace concord::testing {
namespace {

using nlohmann::json;

// One row of the acceptance table: | "quote" | verdict(s) | discrepancy |.
struct ExpectedVerdict {
  std::string quote;
  std::set<std::string> verdicts;   // "supported or overstated" → both
  std::string discrepancy;          // a type the verdict must (or may) carry; empty: none
  bool required = false;            // false when the row says "allowed" or "at most"
};

const std::set<std::string> kVerdicts = {"supported", "contradicted", "overstated", "unsupported"};
const std::set<std::string> kTypes = {"value",     "magnitude", "hedge_lost", "date",  "boundary",
                                      "direction", "polarity",  "condition",  "entity"};

std::vector<ExpectedVerdict> ReadAcceptanceTable() {
  std::vector<ExpectedVerdict> rows;
  std::istringstream lines(ReadFile(SharedDir() / "acceptance" / "seed-pair.md"));
  const std::regex row(R"re(^\| "([^"]+)" \| ([^|]+) \| ([^|]+) \|\s*$)re");
  const std::regex word("[a-z_]+");
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (!std::regex_match(line, match, row)) continue;
    ExpectedVerdict expected;
    expected.quote = match[1];
    const std::string verdicts = match[2], discrepancy = match[3];
    for (std::sregex_iterator it(verdicts.begin(), verdicts.end(), word), end; it != end; ++it) {
      if (kVerdicts.count(it->str())) expected.verdicts.insert(it->str());
    }
    std::smatch type;
    if (std::regex_search(discrepancy, type, word) && kTypes.count(type.str())) {
      expected.discrepancy = type.str();
      expected.required = discrepancy.find("allowed") == std::string::npos &&
                          discrepancy.find("at most") == std::string::npos;
    }
    rows.push_back(std::move(expected));
  }
  return rows;
}

bool HasDiscrepancy(const json& verdict, const std::string& type) {
  for (const json& d : verdict["discrepancies"]) {
    if (d["type"] == type) return true;
  }
  return false;
}

bool HasSeriousDiscrepancyOtherThan(const json& verdict, const std::string& allowed) {
  for (const json& d : verdict["discrepancies"]) {
    if (d["severity"] != "low" && d["type"] != allowed) return true;
  }
  return false;
}

bool Meets(const json& verdict, const ExpectedVerdict& expected) {
  if (!expected.verdicts.count(verdict["verdict"].get<std::string>())) return false;
  if (expected.required && !HasDiscrepancy(verdict, expected.discrepancy)) return false;
  return !HasSeriousDiscrepancyOtherThan(verdict, expected.discrepancy);
}

TEST_CASE("audit summary: the seed digest gets the acceptance verdict table") {
  if (!HaveSeeds()) {
    MESSAGE("skipped: ../shared/seeds is not present");
    return;
  }
  const std::vector<ExpectedVerdict> table = ReadAcceptanceTable();
  REQUIRE(table.size() >= 10);  // the table parsed: a format change must fail loudly
  TempDir dir;
  const std::string seeds = (SharedDir() / "seeds").string();
  Run run = Concord(dir, "audit summary '" + seeds + "/004_16985615542f03f2.txt' --against '" + seeds +
                             "/000_b020c2b63810bd90.txt' --json");
  REQUIRE(run.exit_code == 0);
  const json audit = json::parse(run.out);
  CHECK(audit["independent_sources"] == 1);
  CHECK(audit["summary"]["file"] == "004_16985615542f03f2.txt");

  // Every row of the table is met by a claim of the sentence it quotes.
  for (const ExpectedVerdict& expected : table) {
    CAPTURE(expected.quote);
    bool met = false;
    for (const json& verdict : audit["verdicts"]) {
      if (verdict["claim"]["quote"].get<std::string>().find(expected.quote) != std::string::npos &&
          Meets(verdict, expected)) {
        met = true;
      }
    }
    CHECK(met);
  }
  // And nothing is flagged that the table does not flag: each contradicted or overstated
  // claim sits in a sentence of a row that allows that verdict.
  for (const json& verdict : audit["verdicts"]) {
    const std::string name = verdict["verdict"];
    if (name == "supported") continue;
    CAPTURE(verdict.dump());
    bool allowed = false;
    for (const ExpectedVerdict& expected : table) {
      if (verdict["claim"]["quote"].get<std::string>().find(expected.quote) != std::string::npos &&
          expected.verdicts.count(name)) {
        allowed = true;
      }
    }
    CHECK(allowed);
  }
  // Omissions: the purchases and the two tranches the digest drops.
  std::set<std::string> omitted;
  for (const json& omission : audit["omissions"]) omitted.insert(omission["text"].get<std::string>());
  for (const char* figure : {"USD 250 bn", "USD 380 bn", "USD 15 bn", "USD 35 bn"}) {
    CAPTURE(figure);
    CHECK(std::any_of(omitted.begin(), omitted.end(),
                      [&](const std::string& text) { return text.find(figure) != std::string::npos; }));
  }
  // The digest contradicts itself on who still receives a revenue share.
  bool revenue_share_conflict = false;
  for (const json& conflict : audit["internal_conflicts"]) {
    for (const json& d : conflict["discrepancies"]) {
      if (d["type"] == "polarity" &&
          conflict["claims"][0].get<std::string>().rfind("pay_revenue_share", 0) == 0) {
        revenue_share_conflict = true;
      }
    }
  }
  CHECK(revenue_share_conflict);

  // --fail-on turns a contradicted claim into exit code 1, for a publishing pipeline.
  Run gated = Concord(dir, "audit summary '" + seeds + "/004_16985615542f03f2.txt' --against '" + seeds +
                               "' --fail-on contradicted");
  CHECK(gated.exit_code == 1);
  CHECK(gated.out.find("## Contradicted") != std::string::npos);
}

// Our own articles: a faithful summary passes, and each planted slip gets its verdict.
TEST_CASE("audit summary: faithful and slipped summaries of our own article") {
  TempDir dir;
  WriteFile(dir / "sources" / "wire.md",
            "---\nsource: Harbor Wire\npublished: 2026-03-10\n---\n"
            "Tarnwick Foods will invest up to $900 million in Lumora Farms, the companies said on Monday. "
            "Lumora will pay Tarnwick a revenue share of 6% through 2031.\n");
  WriteFile(dir / "faithful.md",
            "---\nsource: Digest\npublished: 2026-03-11\nkind: summary\n---\n"
            "Tarnwick Foods will invest up to $900 million in Lumora Farms. "
            "Lumora will pay Tarnwick a revenue share of 6% through 2031.\n");
  WriteFile(dir / "slipped.md",
            "---\nsource: Digest\npublished: 2026-03-11\nkind: summary\n---\n"
            "Tarnwick Foods will invest $900 million in Lumora Farms. "
            "Tarnwick will pay Lumora a revenue share of 6% through 2031. "
            "Tarnwick Foods also agreed to acquire Quarry Mills for $2 billion.\n");

  Run faithful = Concord(dir, "audit summary faithful.md --against sources --json --fail-on contradicted,overstated");
  REQUIRE(faithful.exit_code == 0);
  json audit = json::parse(faithful.out);
  REQUIRE(audit["verdicts"].size() == 2);
  for (const json& verdict : audit["verdicts"]) {
    CAPTURE(verdict.dump());
    CHECK(verdict["verdict"] == "supported");
    CHECK(verdict["evidence"].size() >= 1);
    CHECK(verdict["evidence"][0]["file"] == "wire.md");
  }
  CHECK(audit["omissions"].empty());

  Run slipped = Concord(dir, "audit summary slipped.md --against sources --json --fail-on overstated");
  CHECK(slipped.exit_code == 1);
  audit = json::parse(slipped.out);
  std::map<std::string, const json*> by_relation;
  for (const json& verdict : audit["verdicts"]) by_relation[verdict["claim"]["relation"]] = &verdict;
  REQUIRE(by_relation.count("invest"));
  CHECK((*by_relation["invest"])["verdict"] == "overstated");
  CHECK(HasDiscrepancy(*by_relation["invest"], "hedge_lost"));
  REQUIRE(by_relation.count("pay_revenue_share"));
  CHECK((*by_relation["pay_revenue_share"])["verdict"] == "contradicted");
  CHECK(HasDiscrepancy(*by_relation["pay_revenue_share"], "direction"));
  REQUIRE(by_relation.count("acquire"));
  CHECK((*by_relation["acquire"])["verdict"] == "unsupported");
  CHECK((*by_relation["acquire"])["evidence"].empty());
}

// Issue 7: one slip per case in sentences of our own, each caught with its type, and the
// faithful wording of the same summary left alone.
TEST_CASE("audit summary: swapped parties, conditions, boundaries, dates and 'no longer' on figures") {
  struct Case {
    const char* name;
    const char* source;
    const char* faithful;
    const char* slipped;
    const char* type;  // the discrepancy the slipped summary must carry
  };
  const Case cases[] = {
      {"payer and payee swapped",
       "The bakery chain Doughmore will pay the software firm Kettlewise $4 million a year for its ordering system.",
       "Doughmore will pay Kettlewise $4 million a year for an ordering system.",
       "Kettlewise will pay Doughmore $4 million a year for an ordering system.", "direction"},
      {"payer and payee swapped across relations",
       "The cosmetics group Rosmer Beauty received $60 million from the private equity firm Halvern Equity.",
       "Halvern Equity is paying Rosmer Beauty $60 million.", "Rosmer Beauty is paying Halvern Equity $60 million.",
       "direction"},
      {"buyer and target swapped",
       "The insurer Brackwell agreed to acquire the smaller broker Fennimore Risk for $210 million in cash.",
       "Brackwell will buy Fennimore Risk in a cash deal worth $210 million.",
       "Fennimore Risk will buy Brackwell in a cash deal worth $210 million.", "direction"},
      {"'and' turned into 'or' in an exception",
       "Halloway Bank may call the loan early unless Corliss Steel keeps its debt below $400 million and posts a "
       "profit in 2027.",
       "The loan cannot be called early unless Corliss Steel keeps its debt under $400 million and makes a profit "
       "in 2027.",
       "The loan cannot be called early unless Corliss Steel keeps its debt under $400 million or makes a profit "
       "in 2027.",
       "condition"},
      {"a joint condition cut to one test, no figure in its sentence",
       "The lender can demand early repayment only if Brundle Farms misses a payment and sells its main site.",
       "Early repayment can be demanded only if Brundle Farms misses a payment and sells its main site.",
       "Early repayment can be demanded only if Brundle Farms misses a payment.", "condition"},
      {"'only if … and' told as a bare 'if … or'",
       "Selwyn Rail may end the lease early only if its Carbury depot closes and it gives a year's notice.",
       "Selwyn Rail can end the lease early only if the Carbury depot closes and it gives a year's notice.",
       "Selwyn Rail can end the lease early if the Carbury depot closes or if it gives a year's notice.", "condition"},
      {"an exclusive end read inclusively",
       "Tamsworth Water promised the regulator on Monday not to raise household tariffs before 2029.",
       "Tamsworth Water has promised the regulator not to raise household tariffs before 2029.",
       "Tamsworth Water has promised the regulator not to raise household tariffs through 2029.", "boundary"},
      {"'still' turned into 'no longer' on a figure",
       "Pellow Mills still delivers 40% of the flour used by Garnet Bakeries, Garnet said on Monday.",
       "Garnet Bakeries said Pellow Mills continues to deliver 40% of its flour.",
       "Garnet Bakeries said Pellow Mills no longer delivers 40% of its flour.", "polarity"},
      {"a figure's deadline moved",
       "Quorra Air must repay the $30 million loan from Fenwick Capital by March 2028, the airline said.",
       "Quorra Air has to repay its $30 million Fenwick Capital loan by March 2028.",
       "Quorra Air has to repay its $30 million Fenwick Capital loan by March 2029.", "date"},
      {"lessor and lessee swapped",
       "The rail lessor Ambry Rolling Stock has agreed to lease 30 new carriages to the operator Sallow Trains.",
       "Sallow Trains will take 30 new carriages on leases from Ambry Rolling Stock.",
       "Ambry Rolling Stock will take 30 new carriages on leases from Sallow Trains.", "direction"},
      {"'no longer' turned into 'still' in a clause with no figure",
       "Kinvara Radio will no longer broadcast live matches of the Tolland Cup, although it keeps a weekly "
       "highlights show worth 2 million euros a year.",
       "Kinvara Radio stops broadcasting live Tolland Cup matches but keeps a €2 million-a-year highlights show.",
       "Kinvara Radio will still broadcast live Tolland Cup matches and keeps a €2 million-a-year highlights show.",
       "polarity"},
      {"a month's year moved, the clause reworded",
       "About 4,000 growers will share the fund, with payments expected to begin in June 2027, Ardley Mills said.",
       "Roughly 4,000 growers will split the fund, and payouts should start in June 2027.",
       "Roughly 4,000 growers will split the fund, and payouts should start in June 2028.", "date"},
      {"target and bidder swapped against a bid the target's shareholders accepted",
       "Shareholders of the ferry operator Calloway Line voted on Monday to accept a takeover by the port group "
       "Ostend Harbour Holdings.",
       "Calloway Line is set to be taken over by Ostend Harbour Holdings after its shareholders voted for the bid.",
       "Ostend Harbour Holdings is set to be taken over by Calloway Line after its shareholders voted for the bid.",
       "direction"},
      {"buyer and target swapped where the source's buyer carries a capitalised descriptor",
       "The Nordic cable group Vorrath Kabel agreed on Monday to acquire Lindqvist Wire for 90 million euros.",
       "Vorrath Kabel will buy Lindqvist Wire for €90 million.",
       "Lindqvist Wire will buy the cable group Vorrath Kabel for €90 million.", "direction"},
  };
  for (const Case& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    TempDir dir;
    WriteFile(dir / "sources" / "wire.md",
              std::string("---\nsource: Harbor Wire\npublished: 2026-03-10\n---\n") + c.source + "\n");
    auto summary = [&](const char* name, const char* text) {
      WriteFile(dir / name, std::string("---\nsource: Digest\npublished: 2026-03-11\nkind: summary\n---\n") +
                                text + "\n");
    };
    summary("faithful.md", c.faithful);
    summary("slipped.md", c.slipped);

    Run faithful = Concord(dir, "audit summary faithful.md --against sources --json");
    REQUIRE(faithful.exit_code == 0);
    const json faithful_audit = json::parse(faithful.out);
    for (const json& verdict : faithful_audit["verdicts"]) {
      CAPTURE(verdict.dump());
      CHECK(verdict["verdict"] == "supported");
    }
    Run slipped = Concord(dir, "audit summary slipped.md --against sources --json --fail-on contradicted");
    CHECK(slipped.exit_code == 1);
    bool caught = false;
    const json slipped_audit = json::parse(slipped.out);
    for (const json& verdict : slipped_audit["verdicts"]) {
      if (verdict["verdict"] == "contradicted" && HasDiscrepancy(verdict, c.type)) caught = true;
    }
    CAPTURE(slipped.out);
    CHECK(caught);
  }
}

// Readings that differ only in form are not slips: a year read as a count, "points" for
// "percentage points", a bare day whose year the tense decides, "as long as" as a hedge.
TEST_CASE("audit summary: faithful rewordings of figures and dates stay supported") {
  struct Case {
    const char* source;
    const char* summary;
  };
  const Case cases[] = {
      {"Rennet Toys said on Monday that the retailer Vantry accounted for about 14% of its sales in 2025.",
       "The retailer Vantry made up roughly 14% of Rennet Toys' 2025 sales."},
      {"Ambrel Shipyards borrowed $300 million at 1.8 percentage points over the benchmark rate.",
       "Ambrel Shipyards took a $300 million loan priced at 1.8 points above the benchmark."},
      {"Corrow Books will pay a dividend of 12 cents a share on May 8.",
       "Corrow Books shareholders will receive a 12-cent dividend on 8 May."},
      {"Investigators found that Tolvey kept call logs for up to seven years.",
       "Tolvey held on to call logs for as long as seven years."},
      // A deal dated in the summary, told in the passive in the source.
      {"Under a contract signed on Monday, the utility Pennard Gas will supply the glassmaker Vitrane until 2031.",
       "Pennard Gas signed a contract on 14 September 2026 to supply Vitrane until 2031."},
      // A count the recognizer misses in the source ("the 25-year life") is still there.
      {"Carrow Wind will pay the port of Dunlin 2 million euros a year over the 25-year life of the lease.",
       "Carrow Wind pays the port of Dunlin €2 million a year for 25 years of the lease."},
      // Money the recognizer misses in the source: a range whose currency follows its second
      // bound, an amount in "pound" used as an adjective.
      {"Tarrant Labs now expects revenue of between 1.20 billion and 1.25 billion dollars this year.",
       "Tarrant Labs forecasts 2026 revenue of $1.20 billion to $1.25 billion."},
      {"The builder Osgood Civil has won a 1.8 billion pound contract to rebuild the Fallow Bridge, the council "
       "said. The old bridge cost 300 million pounds to repair in 2019.",
       "Osgood Civil will rebuild the Fallow Bridge under a £1.8 billion contract, the council said."},
      // "More than" carried by a verb.
      {"Lenning Foods pays a bonus of 2 million euros in any year in which exports make up more than 30 percent "
       "of its sales.",
       "Lenning Foods earns a €2 million bonus whenever exports exceed 30% of sales."},
      // A count the source writes as a word, and "at least" told as "a minimum of".
      {"The cycling league Velo Series has agreed a five-year deal with the broadcaster Pennant TV, which will "
       "show at least 40 live races a season.",
       "Pennant TV will broadcast Velo Series for five seasons, with a minimum of 40 live races a season."},
      // "After" before a figure's quarter is a conjunction, not a date opening after it.
      {"Norwick Freight earned 52 million dollars in the first quarter, down from 61 million dollars a year ago.",
       "Norwick Freight kept its outlook after first-quarter profit slipped to $52 million from $61 million."},
      // A percent range the source tells as "from 4 to 6 per cent" (read there as a change).
      {"Tollan Health now expects sales to grow by 7 to 9 per cent this year, up from 4 to 6 per cent previously.",
       "Tollan Health raised its sales growth target to 7–9% from 4–6%."},
      // A hedge before a count written as a word.
      {"Hestry Rail will keep its old trains running for up to five years at a cost of 30 million euros.",
       "Hestry Rail will spend €30 million keeping its old trains in service for as much as five more years."},
      // An end date ("until the end of March 2029") the summary reads as a point.
      {"The radio group Selby Media will pay the record label Quayside Sound 40 million dollars over four years, "
       "the two companies said on Monday. The deal runs until the end of March 2029.",
       "Selby Media will pay Quayside Sound $40 million across four years under a deal announced on 14 September "
       "2026, running to the end of March 2029."},
      // "Still" on a later figure is not ended by a "no longer" told on another day.
      {"Bramwell Mining said on Monday it would no longer pay a fixed dividend and would instead return 40 "
       "percent of its earnings. The final dividend will be 0.30 dollars a share. It still plans a special payout "
       "of about 300 million dollars in the second half of 2026.",
       "Bramwell Mining will return 40% of earnings instead of a fixed dividend. Its final dividend is $0.30 a "
       "share, and it still intends a special payout of around $300 million in the second half of 2026."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.summary);
    TempDir dir;
    WriteFile(dir / "sources" / "wire.md",
              std::string("---\nsource: Harbor Wire\npublished: 2026-09-16\n---\n") + c.source + "\n");
    WriteFile(dir / "summary.md",
              std::string("---\nsource: Digest\npublished: 2026-09-17\nkind: summary\n---\n") + c.summary + "\n");
    Run run = Concord(dir, "audit summary summary.md --against sources --json");
    REQUIRE(run.exit_code == 0);
    const json audit = json::parse(run.out);
    for (const json& verdict : audit["verdicts"]) {
      CAPTURE(verdict.dump());
      CHECK(verdict["verdict"] == "supported");
    }
  }
}

TEST_CASE("audit summary: usage errors and unreadable inputs have their exit codes") {
  TempDir dir;
  WriteFile(dir / "summary.md", "Orlen Tide will invest $5 million in Brightfold.\n");
  CHECK(Concord(dir, "audit summary summary.md").exit_code == 2);                    // no --against
  CHECK(Concord(dir, "audit summary missing.md --against .").exit_code == 2);        // no such file
  CHECK(Concord(dir, "audit summary summary.md --against . --fail-on maybe").exit_code == 2);
  WriteFile(dir / "sources" / "bad.txt", std::string("Orlen Tide \xff\xfe will invest.\n"));
  WriteFile(dir / "sources" / "good.txt", "Orlen Tide will invest $5 million in Brightfold.\n");
  Run run = Concord(dir, "audit summary summary.md --against sources --json");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("bad.txt") != std::string::npos);
  json audit = json::parse(run.out);  // the audit still ran on what could be read
  REQUIRE(audit["verdicts"].size() == 1);
  CHECK(audit["verdicts"][0]["verdict"] == "supported");
}

}  // namespace
}  // namespace concord::testing
