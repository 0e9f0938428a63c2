// Names the entity table does not know: boundaries and types on sentences written for these
// tests (FindEntities through the Extractor, before normalize).

#include <string>
#include <vector>

#include "extract/extract.h"
#include "testing.h"

namespace concord::extract {
namespace {

const Extractor& NamesExtractor() {
  static const Extractor extractor = [] {
    auto created = Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return extractor;
}

struct Name {
  std::string text;
  EntityType type;
  std::size_t begin;
};

// Entity mentions of `text` other than role references, in text order.
std::vector<Name> Names(const std::string& text) {
  corpus::Article article;
  article.id = "names";
  article.text = text;
  article.published = "2026-04-28";
  std::vector<Name> names;
  for (const Mention& mention : NamesExtractor().Extract(article).mentions) {
    if (mention.kind != MentionKind::kEntity || mention.entity.type == EntityType::kPronoun) continue;
    CHECK(text.substr(mention.span.begin, mention.span.end - mention.span.begin) == mention.text);
    names.push_back({mention.text, mention.entity.type, mention.span.begin});
  }
  return names;
}

bool Has(const std::vector<Name>& names, const std::string& text, EntityType type) {
  for (const Name& name : names) {
    if (name.text == text && name.type == type) return true;
  }
  return false;
}

bool HasText(const std::vector<Name>& names, const std::string& text) {
  for (const Name& name : names) {
    if (name.text == text) return true;
  }
  return false;
}

TEST_CASE("names: sentence-initial ordinary words, nationalities, months and titles are not names") {
  const std::string text =
      "Quarterly earnings at Brannock Textiles rose. Reports said Polish buyers want more. "
      "Shares in Korvel Mining fell in March. Italian investors and Chinese banks were told on Friday. "
      "The plant in Dayton, Tex. opened. Chief Executive officers met.";
  std::vector<Name> names = Names(text);
  for (const char* wrong : {"Quarterly", "Reports", "Polish", "Shares", "Italian", "Chinese", "March", "Friday",
                            "Tex", "Chief Executive", "Chief"}) {
    CAPTURE(wrong);
    CHECK_FALSE(HasText(names, wrong));
  }
  CHECK(Has(names, "Brannock Textiles", EntityType::kOrganization));
  CHECK(Has(names, "Korvel Mining", EntityType::kOrganization));
  CHECK(HasText(names, "Dayton"));
}

TEST_CASE("names: a title, nationality or organization before a person is split off") {
  std::vector<Name> names = Names(
      "Dutch investor Pieter Vos joined the board. Irishmen JP Dunleavy and Sean Hurley own 29% of Carrow Rovers. "
      "The defence group Veltrona Philippe Marchand is to leave. Finance Minister Alan Greywood spoke. "
      "Halvard Foods Chief Executive Jane Tolliver said sales grew.");
  CHECK(Has(names, "Pieter Vos", EntityType::kPerson));
  CHECK(Has(names, "JP Dunleavy", EntityType::kPerson));
  CHECK_FALSE(HasText(names, "Irishmen JP Dunleavy"));
  CHECK(Has(names, "Veltrona", EntityType::kOrganization));
  CHECK(Has(names, "Philippe Marchand", EntityType::kPerson));
  CHECK(Has(names, "Alan Greywood", EntityType::kPerson));
  CHECK_FALSE(HasText(names, "Finance Minister Alan Greywood"));
  CHECK(Has(names, "Halvard Foods", EntityType::kOrganization));
  CHECK(Has(names, "Jane Tolliver", EntityType::kPerson));
}

TEST_CASE("names: types from legal suffixes, tickers, places, government bodies and honorifics") {
  const std::string text =
      "Brenlow Corp <BRNL> agreed to buy <Sedrin N.V.> of Rotterdam. The Finance Ministry and the Federal "
      "Reserve objected, and Parliament will vote. Mr Okafor said Tamsin Ltd would sell its Asia unit. "
      "Okafor has run it since 2001. The British Airways deal closed in Brazil.";
  std::vector<Name> names = Names(text);
  CHECK(Has(names, "Brenlow Corp", EntityType::kOrganization));
  CHECK(!HasText(names, "BRNL"));  // a wire ticker is no name of its own
  CHECK(Has(names, "Sedrin N.V.", EntityType::kOrganization));  // dotted initials keep their period
  CHECK(Has(names, "Rotterdam", EntityType::kPlace));
  CHECK(Has(names, "Finance Ministry", EntityType::kGovernment));
  CHECK(Has(names, "Federal Reserve", EntityType::kGovernment));
  CHECK(Has(names, "Parliament", EntityType::kGovernment));
  CHECK(Has(names, "Okafor", EntityType::kPerson));
  CHECK(Has(names, "Tamsin Ltd", EntityType::kOrganization));
  CHECK(Has(names, "Asia", EntityType::kPlace));
  CHECK(Has(names, "British Airways", EntityType::kOrganization));
  CHECK(Has(names, "Brazil", EntityType::kPlace));
}

TEST_CASE("names: a sentence-initial word the article also writes as a name stays a name") {
  std::vector<Name> names = Names("Harbour raised its forecast. Analysts said Harbour would gain. Sales fell.");
  REQUIRE(!names.empty());
  CHECK(names[0].text == "Harbour");
  CHECK(names[0].begin == 0);
  CHECK_FALSE(HasText(names, "Sales"));
  CHECK_FALSE(HasText(names, "Analysts"));
}

TEST_CASE("names: possessives give the bare name and the span stops before them") {
  const std::string text = "Korvel Mining's shares fell while Tamsin Ltd\xE2\x80\x99s rose.";
  std::vector<Name> names = Names(text);
  REQUIRE(names.size() == 2);
  CHECK(names[0].text == "Korvel Mining");
  CHECK(names[0].begin == 0);
  CHECK(names[1].text == "Tamsin Ltd");
  CHECK(names[1].begin == text.find("Tamsin"));
}

}  // namespace
}  // namespace concord::extract

namespace concord::extract {
namespace {

TEST_CASE("names: a nationality that is part of a company name stays, and 'and' joins one name") {
  std::vector<Name> names = Names(
      "A stake in Canadian Tire was sold to the Securities and Exchange Commission's delight, "
      "while Cable and Wireless Plc and Brenlow Corp and Sedrin Inc talked.");
  CHECK(HasText(names, "Canadian Tire"));
  CHECK_FALSE(HasText(names, "Tire"));
  CHECK(Has(names, "Securities and Exchange Commission", EntityType::kGovernment));
  CHECK(Has(names, "Cable and Wireless Plc", EntityType::kOrganization));
  CHECK(Has(names, "Brenlow Corp", EntityType::kOrganization));
  CHECK(Has(names, "Sedrin Inc", EntityType::kOrganization));
}

}  // namespace
}  // namespace concord::extract

namespace concord::extract {
namespace {

TEST_CASE("names: an ordinary sentence-initial word before 'of' or an acronym is cut") {
  std::vector<Name> names = Names("Millions of Brazilians bought shares. Big US lenders joined. Bank of Nowhere agreed.");
  CHECK_FALSE(HasText(names, "Millions of Brazilians"));
  CHECK_FALSE(HasText(names, "Brazilians"));
  CHECK_FALSE(HasText(names, "Big US"));
  CHECK(Has(names, "US", EntityType::kPlace));
  CHECK(Has(names, "Bank of Nowhere", EntityType::kOrganization));
}

}  // namespace
}  // namespace concord::extract

namespace concord::extract {
namespace {

TEST_CASE("names: a town before a state abbreviation or after 'of' before a country is a place") {
  std::vector<Name> names = Names(
      "Brenlow sold its plant in Marlowe, Tex., to Sedrin Inc of Vallorbe, Switzerland. Tamsin, Japan's largest "
      "maker, and Korvel, Germany and Italy disagreed.");
  CHECK(Has(names, "Marlowe", EntityType::kPlace));
  CHECK(Has(names, "Vallorbe", EntityType::kPlace));
  CHECK_FALSE(Has(names, "Tamsin", EntityType::kPlace));
  CHECK_FALSE(Has(names, "Korvel", EntityType::kPlace));
}

}  // namespace
}  // namespace concord::extract

namespace concord::extract {
namespace {

TEST_CASE("names: bodies named with 'for', model numbers and prefixed adjectives") {
  std::vector<Name> names = Names(
      "A survey by the Institute for Marlowe Studies found that the non-Nato members and Brenlow for Tamsin "
      "ordered the K470 jet.");
  CHECK(HasText(names, "Institute for Marlowe Studies"));
  CHECK_FALSE(HasText(names, "non-Nato"));
  CHECK(HasText(names, "Brenlow"));
  CHECK(HasText(names, "Tamsin"));
  CHECK_FALSE(HasText(names, "Brenlow for Tamsin"));
  CHECK(Has(names, "K470", EntityType::kProduct));
}

TEST_CASE("names: boundaries the part-of-speech tagger and the lexicons set") {
  const std::string text =
      "Legal experts said Korvane would buy Dastrel. "
      "Applied chemicals group Halbrook AG is selling its unit Harnisch und Vogt GmbH to Ostwerk AG. "
      "\"There is a bid,\" said Rosario Venn of Marlow Securities Inc in a note. "
      "Lobbyists urged the Department of Trade and Industry to block the deal by Delmar Fabrics and Quinton "
      "Harrow Fiberglas Corp. Traffic was lost in the Maldives Indian Ocean islands, said Merrill Tane and Co Inc on Monday. "
      "Actor Peter Vanlow has joined the Corvin Bay Raiders American football team, run by his sons Avi and Joel. "
      "He raised his stake in E.F. Brannock Group Inc to 11 pct from the U.S. firm.";
  std::vector<Name> names = Names(text);
  // Ordinary openers: the tagger reads "Legal" and "Applied" as an adjective and a verb.
  for (const char* wrong : {"Legal", "Applied", "Actor", "American", "Rosario Venn of Marlow Securities Inc",
                            "Delmar Fabrics and Quinton Harrow Fiberglas Corp", "Maldives Indian Ocean", "E.F", "U.S"}) {
    const std::string shown = wrong;
    CAPTURE(shown);
    CHECK_FALSE(HasText(names, wrong));
  }
  CHECK(HasText(names, "Korvane"));
  CHECK(Has(names, "Halbrook AG", EntityType::kOrganization));
  CHECK(Has(names, "Harnisch und Vogt GmbH", EntityType::kOrganization));
  CHECK(Has(names, "Rosario Venn", EntityType::kPerson));
  CHECK(Has(names, "Marlow Securities Inc", EntityType::kOrganization));
  CHECK(Has(names, "Department of Trade and Industry", EntityType::kGovernment));
  CHECK(HasText(names, "Delmar Fabrics"));
  CHECK(Has(names, "Quinton Harrow Fiberglas Corp", EntityType::kOrganization));
  CHECK(Has(names, "Maldives", EntityType::kPlace));
  CHECK(Has(names, "Indian Ocean", EntityType::kPlace));
  CHECK(Has(names, "Merrill Tane and Co Inc", EntityType::kOrganization));
  CHECK(Has(names, "Peter Vanlow", EntityType::kPerson));
  CHECK(HasText(names, "Corvin Bay Raiders"));
  CHECK(Has(names, "Avi", EntityType::kPerson));
  CHECK(Has(names, "Joel", EntityType::kPerson));
  CHECK(Has(names, "E.F. Brannock Group Inc", EntityType::kOrganization));
  CHECK(Has(names, "U.S.", EntityType::kPlace));
  // An unknown opener the tagger misreads by its position ("X will" like "It will") stays a
  // name, and so does one that began a name earlier in the article.
  const std::string later = "Tindale Bank agreed to buy Orrin Pay. Tindale will invest more in Orrin. Quenby will help.";
  std::vector<Name> again = Names(later);
  std::size_t tindale = later.find("Tindale will");
  std::size_t quenby = later.find("Quenby");
  bool found_tindale = false, found_quenby = false;
  for (const Name& name : again) {
    found_tindale = found_tindale || (name.begin == tindale && name.text == "Tindale");
    found_quenby = found_quenby || (name.begin == quenby && name.text == "Quenby");
  }
  CHECK(found_tindale);
  CHECK(found_quenby);
}

TEST_CASE("names: wire tickers, hyphenated places, founders' possessives and lowercase legal forms") {
  const std::string text =
      "Brenlow Corp <BRNL> and <Sedrin Ltd> <SDR.L> talked. Halvard Group Inc HGI said it would bid for "
      "Tolmer Fabrics corp's plant. Talks with Oslavik-based Marrow Mills and the Kestrel-owned Fenwick Press went well. "
      "State-owned Vantor bought Dillon's Bakeries Inc. Shares in Dillon's rose. A Tolmer-based trust and "
      "a Halvard-owned mill sold.";
  std::vector<Name> names = Names(text);
  CHECK(Has(names, "Brenlow Corp", EntityType::kOrganization));
  CHECK(Has(names, "Sedrin Ltd", EntityType::kOrganization));
  CHECK(!HasText(names, "BRNL"));
  CHECK(!HasText(names, "SDR.L"));
  CHECK(Has(names, "Halvard Group Inc", EntityType::kOrganization));  // a ticker the wire left bare
  CHECK(!HasText(names, "HGI"));
  CHECK(!HasText(names, "Halvard Group Inc HGI"));
  CHECK(Has(names, "Tolmer Fabrics corp", EntityType::kOrganization));
  CHECK(!HasText(names, "Oslavik"));  // before a name, left out (claim rules read it as the party)
  CHECK(HasText(names, "Marrow Mills"));
  CHECK(!HasText(names, "Kestrel"));
  CHECK(!HasText(names, "State"));  // a sentence's first word before "-owned" is an ordinary word
  CHECK(Has(names, "Dillon's Bakeries Inc", EntityType::kOrganization));
  CHECK(Has(names, "Tolmer", EntityType::kPlace));
  CHECK(HasText(names, "Halvard"));
}

TEST_CASE("names: and-names the article wrote whole, bodies named X and Y Office, initials do not end a sentence") {
  const std::string text =
      "Fenwick and Harrow Plc bought a stake. Later Fenwick and Harrow said it held 5 pct. "
      "The army's Supply and Works Office (SWO) agreed. Halvard said it hired J.K. Tolmer Co to advise. "
      "Marrow Newspapers Holdings Plc holds 3 pct. Marrow now holds more.";
  std::vector<Name> names = Names(text);
  CHECK(Has(names, "Fenwick and Harrow Plc", EntityType::kOrganization));
  CHECK(HasText(names, "Fenwick and Harrow"));
  CHECK(!HasText(names, "Harrow"));
  CHECK(HasText(names, "Supply and Works Office"));
  CHECK(Has(names, "J.K. Tolmer Co", EntityType::kOrganization));
  CHECK(HasText(names, "Marrow"));  // opening a sentence alone, the start of an organization's name
}

TEST_CASE("names: partnerships with a comma, particles in personal names, places by their neighbours") {
  const std::string text =
      "The adviser <Tolliver, Marsh and Co> said the price was low. Halvard chairman Enzo di Castellari "
      "visited the plant at Merlio near Milan. It owns the Vasko Bay, Texas, refinery and one in Oslo.";
  std::vector<Name> names = Names(text);
  CHECK(Has(names, "Tolliver, Marsh and Co", EntityType::kOrganization));
  CHECK(!HasText(names, "Tolliver"));
  CHECK(Has(names, "Enzo di Castellari", EntityType::kPerson));
  CHECK(Has(names, "Merlio", EntityType::kPlace));
  CHECK(Has(names, "Vasko Bay", EntityType::kPlace));
}

TEST_CASE("names: a title-case headline line in the body gives no names; the body's sentences do") {
  const std::string text =
      "Jane Brenlow Leaves Tolliver Clinic, Checks Into Private Care\n"
      "Jane Brenlow has left the Tolliver Clinic Center, her lawyer said.\n"
      "Halvard, Kestrel, Sedrin, Marrow\n";
  std::vector<Name> names = Names(text);
  CHECK(!HasText(names, "Jane Brenlow Leaves Tolliver Clinic"));
  CHECK(!HasText(names, "Checks Into Private Care"));
  CHECK(Has(names, "Jane Brenlow", EntityType::kPerson));
  CHECK(names.front().text == "Jane Brenlow");
  CHECK(names.front().begin == text.find("\n") + 1);
  CHECK(HasText(names, "Tolliver Clinic Center"));
  CHECK(HasText(names, "Kestrel"));  // a line of names is no headline
}

}  // namespace
}  // namespace concord::extract
