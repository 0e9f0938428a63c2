// Each reader on real files in a temporary folder: plain text and front matter, JSON, JSON
// lines, HTML.

#include <filesystem>
#include <string>

#include "corpus/corpus.h"
#include "testing.h"

namespace concord::corpus {
namespace {

namespace fs = std::filesystem;

// A temporary folder that is also the ingested root.
class Folder {
 public:
  fs::path Write(const std::string& name, const std::string& bytes) {
    fs::path path = dir_ / name;
    testing::WriteFile(path, bytes);
    return path;
  }
  FileArticles Read(const std::string& name, const std::string& bytes) {
    return ReadArticles(InputFile{Write(name, bytes), dir_.path(), {}});
  }
  std::string Id(const std::string& name) const {
    return fs::weakly_canonical(dir_ / name).string();
  }
  std::string Where(const std::string& name) const { return (dir_ / name).string(); }

 private:
  testing::TempDir dir_;
};

std::string Messages(const std::vector<Status>& statuses) {
  std::string all;
  for (const Status& status : statuses) all += status.ToString() + "\n";
  return all;
}

// ---- Plain text and front matter --------------------------------------------------------

TEST_CASE("plain text without front matter is stored as written") {
  Folder folder;
  const std::string body = "Orbis Cloud will invest $4 billion.\n\n  Indented line stays.\n";
  const FileArticles read = folder.Read("plain.txt", body);
  REQUIRE(read.rejections.empty());
  CHECK(read.warnings.empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.id == folder.Id("plain.txt"));
  CHECK(fs::path(article.id).is_absolute());
  CHECK(article.name == "plain.txt");
  CHECK(article.text == body);
  CHECK(article.body_offset == 0);
  CHECK(article.title.empty());
  CHECK(article.source == "unknown");
  CHECK(article.published.empty());
  CHECK(article.kind == ArticleKind::kArticle);
  CHECK(article.derived_from.empty());
  CHECK(article.content_hash != 0);
}

TEST_CASE("front matter gives every metadata field quoted or not") {
  Folder folder;
  folder.Write("original.md", "The original.\n");
  const std::string front =
      "---\n"
      "title: \"Veltrix: a \\\"deal\\\" of the year\"\n"
      "source: 'Harbor Street''s Journal'\n"
      "# a comment line\n"
      "\n"
      "published: March 3, 2026\n"
      "url: https://www.harbor.example/a?b=1\n"
      "kind: summary\n"
      "derived_from: original.md\n"
      "tags:\n"
      "  - cloud\n"
      "  - chips\n"
      "author: Someone\n"
      "---\n";
  const std::string body = "Veltrix will pay Orbis 8% through 2030.\n";
  const FileArticles read = folder.Read("brief.md", front + body);
  REQUIRE(read.rejections.empty());
  CHECK(Messages(read.warnings).empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.title == "Veltrix: a \"deal\" of the year");
  CHECK(article.source == "Harbor Street's Journal");
  CHECK(article.published == "2026-03-03");
  CHECK(article.url == "https://www.harbor.example/a?b=1");
  CHECK(article.kind == ArticleKind::kSummary);
  CHECK(article.derived_from == folder.Id("original.md"));
  CHECK(article.text == body);
  CHECK(article.body_offset == front.size());
}

TEST_CASE("front matter `date` is read when `published` is absent and loses to it") {
  Folder folder;
  FileArticles read = folder.Read("a.txt", "---\ndate: 2026-01-02\n---\nText.\n");
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].published == "2026-01-02");

  read = folder.Read("b.txt", "---\ndate: 2026-01-02\npublished: 2026-05-06\n---\nText.\n");
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].published == "2026-05-06");
}

TEST_CASE("BOM and CRLF: the text is clean and body_offset counts file bytes") {
  Folder folder;
  SUBCASE("no front matter") {
    const FileArticles read =
        folder.Read("crlf.txt", "\xEF\xBB\xBFLine one.\r\nLine two.\rEnd.\r\n");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].text == "Line one.\nLine two.\nEnd.\n");
    CHECK(read.articles[0].body_offset == 3);
  }
  SUBCASE("front matter") {
    const std::string front = "\xEF\xBB\xBF---\r\ntitle: Crlf\r\n---\r\n";
    const FileArticles read = folder.Read("crlf.md", front + "Body.\r\n\r\nMore.\r\n");
    REQUIRE(read.rejections.empty());
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].title == "Crlf");
    CHECK(read.articles[0].text == "Body.\n\nMore.\n");
    CHECK(read.articles[0].body_offset == front.size());
  }
}

TEST_CASE("text extensions are matched case-insensitively") {
  Folder folder;
  for (const char* name : {"a.txt", "b.TXT", "c.md", "d.Markdown", "e.text"}) {
    CAPTURE(std::string(name));
    const FileArticles read = folder.Read(name, "Some text.");
    CHECK(read.rejections.empty());
    CHECK(read.articles.size() == 1);
  }
}

TEST_CASE("malformed front matter is a rejection naming the file and the line and the reason") {
  struct Case {
    const char* label;
    const char* bytes;
    const char* reason;
  };
  const Case cases[] = {
      {"line without key", "---\ntitle: A\nthis is not a key\n---\nBody.\n",
       "malformed front matter at line 3: expected 'key: value'"},
      {"key without colon space", "---\ntitle:A\n---\nBody.\n",
       "malformed front matter at line 2: expected 'key: value'"},
      {"indented line first", "---\n  - item\n---\nBody.\n",
       "malformed front matter at line 2: expected 'key: value'"},
      {"body line before any fence", "---\ntitle: A\n\nBody without a fence.\n",
       "malformed front matter at line 4: expected 'key: value'"},
      {"not closed", "---\ntitle: A\nsource: B\n", "front matter not closed"},
      {"only an opening fence", "---\n", "front matter not closed"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.label));
    Folder folder;
    const FileArticles read = folder.Read("bad.md", c.bytes);
    CHECK(read.articles.empty());
    REQUIRE(read.rejections.size() == 1);
    const std::string message = read.rejections[0].ToString();
    CAPTURE(message);
    CHECK(read.rejections[0].where() == folder.Where("bad.md"));
    CHECK(message.find("bad.md: ") != std::string::npos);
    CHECK(message.find(c.reason) != std::string::npos);
  }
}

TEST_CASE("front matter with nothing after it is an empty text") {
  Folder folder;
  const FileArticles read = folder.Read("hollow.md", "---\ntitle: Only a title\n---\n \n\n");
  CHECK(read.articles.empty());
  REQUIRE(read.rejections.size() == 1);
  CHECK(read.rejections[0].ToString().find("hollow.md: empty text") != std::string::npos);
}

// ---- JSON ---------------------------------------------------------------------------------

TEST_CASE("a JSON object with scraper field names") {
  Folder folder;
  const FileArticles read = folder.Read("scraped.json", R"({
    "title": "Veltrix buys capacity",
    "maintext": "Veltrix agreed to purchase $12 billion of capacity.\r\nMore text.",
    "text": null,
    "date_publish": "2026-03-03 08:15:00",
    "source_domain": "ledger.example",
    "url": "https://ledger.example/veltrix",
    "authors": ["A. Writer"],
    "kind": "press_release"
  })");
  REQUIRE(read.rejections.empty());
  CHECK(read.warnings.empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.id == folder.Id("scraped.json"));
  CHECK(article.name == "scraped.json");
  CHECK(article.title == "Veltrix buys capacity");
  CHECK(article.text == "Veltrix agreed to purchase $12 billion of capacity.\nMore text.");
  CHECK(article.published == "2026-03-03");
  CHECK(article.source == "ledger.example");
  CHECK(article.url == "https://ledger.example/veltrix");
  CHECK(article.kind == ArticleKind::kPressRelease);
  CHECK(article.body_offset == 0);
}

TEST_CASE("JSON: alternative field names and a text given as paragraphs") {
  Folder folder;
  const FileArticles read = folder.Read(
      "alt.json",
      R"({"body": ["First paragraph.", "", "Second paragraph."], "published": "Apr 28, 2026",
          "sitename": "Pacific Wire", "content": 42})");
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].text == "First paragraph.\n\nSecond paragraph.");
  CHECK(read.articles[0].published == "2026-04-28");
  CHECK(read.articles[0].source == "Pacific Wire");
}

TEST_CASE("a JSON array gives one article per object numbered from 1") {
  Folder folder;
  const FileArticles read = folder.Read(
      "batch.json",
      R"([{"text": "First article.", "source": "A"}, {"content": "Second article.", "source": "B"},
          {"title": "no text here"}, "not an object"])");
  REQUIRE(read.articles.size() == 2);
  CHECK(read.articles[0].id == folder.Id("batch.json") + "#1");
  CHECK(read.articles[0].name == "batch.json#1");
  CHECK(read.articles[0].text == "First article.");
  CHECK(read.articles[1].id == folder.Id("batch.json") + "#2");
  CHECK(read.articles[1].source == "B");
  REQUIRE(read.rejections.size() == 2);
  CHECK(read.rejections[0].ToString().find("batch.json#3: empty text") != std::string::npos);
  CHECK(read.rejections[1].ToString().find("batch.json#4: expected a JSON object") !=
        std::string::npos);
}

TEST_CASE("JSON failures - malformed or wrong type or no text") {
  struct Case {
    const char* label;
    const char* bytes;
    const char* reason;
  };
  const Case cases[] = {
      {"malformed", R"({"text": "unterminated)", "malformed JSON: "},
      {"trailing comma", R"({"text": "x",})", "malformed JSON: "},
      {"a string", R"("just a string")", "expected a JSON object or an array of objects"},
      {"no text", R"({"title": "Title only", "text": "   "})", "empty text"},
      {"empty array", "[]", "empty file"},
      {"empty file", "  \n", "empty file"},
      {"NUL in a string", R"({"text": "a\u0000b"})", "NUL character"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.label));
    Folder folder;
    const FileArticles read = folder.Read("bad.json", c.bytes);
    CHECK(read.articles.empty());
    REQUIRE(read.rejections.size() == 1);
    const std::string message = read.rejections[0].ToString();
    CAPTURE(message);
    CHECK(message.starts_with(folder.Where("bad.json")));
    CHECK(message.find(c.reason) != std::string::npos);
    CHECK(message.find("[json.exception") == std::string::npos);
  }
}

// ---- JSON lines ---------------------------------------------------------------------------

TEST_CASE("JSON lines keep good lines and reject each bad line with its number") {
  Folder folder;
  const std::string bytes =
      "{\"text\": \"Line one article.\", \"source\": \"One\"}\n"
      "\n"
      "{\"text\": \"broken\", \n"
      "{\"maintext\": \"Line four article.\", \"source\": \"Four\"}\r\n"
      "[1, 2]\n"
      "{\"title\": \"no text\"}\n"
      "{\"text\": \"Line seven article.\"}";
  const FileArticles read = folder.Read("feed.jsonl", bytes);
  REQUIRE(read.articles.size() == 3);
  CHECK(read.articles[0].id == folder.Id("feed.jsonl") + "#L1");
  CHECK(read.articles[0].name == "feed.jsonl#L1");
  CHECK(read.articles[0].text == "Line one article.");
  CHECK(read.articles[1].id == folder.Id("feed.jsonl") + "#L4");
  CHECK(read.articles[1].source == "Four");
  CHECK(read.articles[2].name == "feed.jsonl#L7");
  REQUIRE(read.rejections.size() == 3);
  const std::string where = folder.Where("feed.jsonl");
  CHECK(read.rejections[0].ToString().starts_with(where + ":3: malformed JSON line: "));
  CHECK(read.rejections[0].ToString().find("parse error at column") != std::string::npos);
  CHECK(read.rejections[1].ToString().starts_with(where + ":5: expected a JSON object"));
  CHECK(read.rejections[2].ToString().starts_with(where + ":6: empty text"));
}

TEST_CASE("JSON lines: invalid UTF-8 rejects its line with the offset in the file") {
  Folder folder;
  const std::string first = "{\"text\": \"Fine.\"}\n";
  const std::string bad = "{\"text\": \"caf\xC3\"}\n";
  const FileArticles read =
      folder.Read("mixed.ndjson", first + bad + "{\"text\": \"Also fine.\"}\n");
  REQUIRE(read.articles.size() == 2);
  CHECK(read.articles[1].name == "mixed.ndjson#L3");
  REQUIRE(read.rejections.size() == 1);
  const std::size_t offset = first.size() + bad.find('\xC3');
  CHECK(read.rejections[0].ToString() ==
        folder.Where("mixed.ndjson") + ":2: invalid UTF-8 at byte " + std::to_string(offset));
}

TEST_CASE("JSON lines with only blank lines is an empty file") {
  Folder folder;
  const FileArticles read = folder.Read("blank.jsonl", "\n  \n\n");
  CHECK(read.articles.empty());
  REQUIRE(read.rejections.size() == 1);
  CHECK(read.rejections[0].ToString() == folder.Where("blank.jsonl") + ": empty file");
}

// ---- HTML ---------------------------------------------------------------------------------

TEST_CASE("HTML visible text with entities and block breaks and head metadata") {
  Folder folder;
  const FileArticles read = folder.Read("page.html", R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Page title | Pacific Wire</title>
  <meta property="og:title" content="Orbis &amp; Veltrix sign a deal">
  <meta property="article:published_time" content="2026-03-03T07:00:00Z">
  <meta property="og:site_name" content="Pacific Wire">
  <link rel="canonical" href="https://pacificwire.example/orbis-veltrix">
  <style>body { color: red; }</style>
  <script>var ignored = "<p>not text</p>";</script>
</head>
<body>
  <!-- a comment <p>hidden</p> -->
  <nav><a href="/">Home</a></nav>
  <article>
    <h1>Orbis   invests</h1>
    <p>Orbis Cloud will invest up to $4&nbsp;billion in Veltrix&#39;s &quot;design&quot; unit.<br>
       Shares rose 3&#x25; &lt;approx&gt; &mdash; a gain.</p>
    <p>Second <b>paragraph</b> with <a href="x">a link</a>.</p>
    <script type="text/javascript">document.write("no");</script>
    <ul><li>One</li><li>Two</li></ul>
  </article>
</body>
</html>
)");
  REQUIRE(read.rejections.empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.title == "Orbis & Veltrix sign a deal");
  CHECK(article.published == "2026-03-03");
  CHECK(article.source == "Pacific Wire");
  CHECK(article.url == "https://pacificwire.example/orbis-veltrix");
  // The <nav> is page furniture, not the article (issue 17): its "Home" is left out.
  CHECK(article.text ==
        "Orbis invests\n\n"
        "Orbis Cloud will invest up to $4 billion in Veltrix's \"design\" unit.\n"
        "Shares rose 3% <approx> \xE2\x80\x94 a gain.\n\n"
        "Second paragraph with a link.\n\n"
        "One\nTwo");
  CHECK(article.body_offset == 0);
}

TEST_CASE("HTML fallbacks for title and date and url and a source from the url's host") {
  Folder folder;
  const FileArticles read = folder.Read("fallback.HTM", R"(<html><head>
<TITLE>Ledger &#8211; Veltrix</TITLE>
<meta property="og:url" content="https://www.ledger.example/veltrix">
</head><body>
<p>Posted <time datetime="2026-02-14T10:00:00+01:00">Saturday</time>.</p>
<pre>  line one
  line two</pre>
</body></html>)");
  REQUIRE(read.rejections.empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.title == "Ledger \xE2\x80\x93 Veltrix");
  CHECK(article.published == "2026-02-14");
  CHECK(article.url == "https://www.ledger.example/veltrix");
  CHECK(article.source == "ledger.example");
  CHECK(article.text == "Posted Saturday.\n\n  line one\n  line two");
}

TEST_CASE("HTML: meta name=date and an unclosed head") {
  Folder folder;
  const FileArticles read = folder.Read(
      "loose.html",
      "<head><meta name=\"date\" content=\"28 April 2026\"><meta name=title content=Plain>"
      "<p>Body text after an unclosed head.");
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].published == "2026-04-28");
  CHECK(read.articles[0].title == "Plain");
  CHECK(read.articles[0].text == "Body text after an unclosed head.");
}

TEST_CASE("HTML: JSON-LD fills what the meta tags leave out") {
  Folder folder;
  const FileArticles read = folder.Read("ld.html", R"(<html><head>
<title>Fallback title</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Site"},
  {"@type": "NewsArticle", "headline": "Solvik raises $150 million",
   "datePublished": "2026-02-11T06:00:00-05:00", "url": "https://sentinel.example/solvik",
   "publisher": {"@type": "Organization", "name": "The Market Sentinel"}}]}</script>
<script type="application/ld+json">{ not json </script>
</head><body><p>Solvik Robotics raised $150 million.</p></body></html>)");
  REQUIRE(read.rejections.empty());
  REQUIRE(read.articles.size() == 1);
  const Article& article = read.articles[0];
  CHECK(article.title == "Solvik raises $150 million");
  CHECK(article.published == "2026-02-11");
  CHECK(article.source == "The Market Sentinel");
  CHECK(article.url == "https://sentinel.example/solvik");
  CHECK(article.text == "Solvik Robotics raised $150 million.");
}

TEST_CASE("HTML without visible text is rejected") {
  Folder folder;
  const FileArticles read = folder.Read(
      "hollow.html", "<html><head><title>T</title></head><body><script>x</script></body>");
  CHECK(read.articles.empty());
  REQUIRE(read.rejections.size() == 1);
  CHECK(read.rejections[0].ToString().find("hollow.html: empty text") != std::string::npos);
}

}  // namespace
}  // namespace concord::corpus
