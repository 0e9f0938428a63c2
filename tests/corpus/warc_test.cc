// WARC input through ReadArticles: small WARC files built here, plain and gzip per record, with
// response, request, warcinfo and metadata records, non-HTML payloads, and broken records.

#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/corpus.h"
#include "testing.h"

namespace concord::corpus {
namespace {

namespace fs = std::filesystem;

std::string Record(const std::string& type, const std::string& id, const std::string& uri,
                   const std::string& date, const std::string& block,
                   const std::string& extra_headers = "") {
  std::string record = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  if (!id.empty()) record += "WARC-Record-ID: <" + id + ">\r\n";
  if (!uri.empty()) record += "WARC-Target-URI: " + uri + "\r\n";
  record += "WARC-Date: " + date + "\r\n" + extra_headers;
  record += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return record;
}

std::string Http(const std::string& content_type, const std::string& body,
                 const std::string& status = "200 OK", const std::string& extra = "") {
  return "HTTP/1.1 " + status + "\r\nContent-Type: " + content_type + "\r\n" + extra +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string Gzip(const std::string& bytes) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// Invented outlets and companies, written for this test.
const std::string kPageOne = R"(<html><head><title>Orbis to invest in Veltrix</title>
<meta property="article:published_time" content="2026-03-03T07:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><p>Orbis Cloud will invest up to $4 billion in Veltrix's design unit, the companies said.</p></article>
</body></html>)";
const std::string kPageTwo = R"(<html><head><title>Solvik raises money</title></head><body>
<div class="cookie-banner">We use cookies to improve this site and to show you relevant advertising.</div>
<p>Solvik Robotics raised $150 million in a round led by Quarry Lane Capital.</p></body></html>)";

// warcinfo, request, two HTML responses, a PNG, a redirect and a metadata record.
std::vector<std::string> Records() {
  return {
      Record("warcinfo", "urn:uuid:0000", "", "2026-03-05T10:00:00Z", "software: test\r\n"),
      Record("request", "urn:uuid:0001", "https://wire.example/orbis", "2026-03-05T10:00:01Z",
             "GET /orbis HTTP/1.1\r\nHost: wire.example\r\n\r\n"),
      Record("response", "urn:uuid:0002", "https://wire.example/orbis", "2026-03-05T10:00:02Z",
             Http("text/html; charset=utf-8", kPageOne)),
      Record("response", "urn:uuid:0003", "https://img.example/a.png", "2026-03-05T10:00:03Z",
             Http("image/png", "\x89PNG\r\n\x1A\n")),
      Record("response", "urn:uuid:0004", "https://wire.example/old", "2026-03-05T10:00:04Z",
             Http("text/html", "<p>Moved</p>", "301 Moved Permanently", "Location: /new\r\n")),
      Record("response", "", "https://sentinel.example/solvik", "2026-03-06T11:30:00Z",
             Http("text/html", kPageTwo)),
      Record("metadata", "urn:uuid:0006", "https://sentinel.example/solvik", "2026-03-06T11:30:01Z",
             "fetchTimeMs: 120\r\n"),
  };
}

FileArticles Read(const fs::path& path) { return ReadArticles(InputFile{path, path.parent_path(), {}}); }

std::string Messages(const std::vector<Status>& statuses) {
  std::string all;
  for (const Status& status : statuses) all += status.ToString() + "\n";
  return all;
}

void CheckTwoArticles(const FileArticles& read, const fs::path& path, std::size_t solvik_offset) {
  CAPTURE(Messages(read.rejections));
  REQUIRE(read.rejections.empty());
  REQUIRE(read.articles.size() == 2);
  const std::string id = fs::weakly_canonical(path).string();
  const Article& orbis = read.articles[0];
  CHECK(orbis.id == id + "#urn:uuid:0002");
  CHECK(orbis.url == "https://wire.example/orbis");
  CHECK(orbis.published == "2026-03-03");  // the page's own date
  CHECK(orbis.source == "wire.example");
  CHECK(orbis.title == "Orbis to invest in Veltrix");
  CHECK(orbis.text == "Orbis Cloud will invest up to $4 billion in Veltrix's design unit, the companies said.");
  const Article& solvik = read.articles[1];
  CHECK(solvik.id == id + "#@" + std::to_string(solvik_offset));  // no WARC-Record-ID
  CHECK(solvik.url == "https://sentinel.example/solvik");
  CHECK(solvik.published == "2026-03-06");  // WARC-Date
  CHECK(solvik.text == "Solvik Robotics raised $150 million in a round led by Quarry Lane Capital.");
}

TEST_CASE("WARC: each HTML response is an article with the target URI, WARC-Date as fallback") {
  testing::TempDir dir;
  std::string plain;
  std::string gzip;
  std::size_t solvik_plain = 0;
  std::size_t solvik_gzip = 0;
  const std::vector<std::string> records = Records();
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == 5) {
      solvik_plain = plain.size();
      solvik_gzip = gzip.size();
    }
    plain += records[i];
    gzip += Gzip(records[i]);  // one gzip member per record, as crawlers write them
  }
  testing::WriteFile(dir / "crawl.warc", plain);
  testing::WriteFile(dir / "crawl.warc.gz", gzip);
  testing::WriteFile(dir / "whole.WARC.GZ", Gzip(plain));  // one member for the whole file

  CheckTwoArticles(Read(dir / "crawl.warc"), dir / "crawl.warc", solvik_plain);
  CheckTwoArticles(Read(dir / "crawl.warc.gz"), dir / "crawl.warc.gz", solvik_gzip);
  CheckTwoArticles(Read(dir / "whole.WARC.GZ"), dir / "whole.WARC.GZ", 0);

  // Reading again gives the same ids and hashes: re-ingest is idempotent.
  CHECK(Read(dir / "crawl.warc").articles == Read(dir / "crawl.warc").articles);
  // A folder lists WARC files as inputs.
  const Listing listing = ListInputs({dir.path()});
  CHECK(listing.files.size() == 3);
}

TEST_CASE("WARC: the streaming read hands over each article as its record is read") {
  testing::TempDir dir;
  std::string plain;
  for (const std::string& record : Records()) plain += record;
  testing::WriteFile(dir / "crawl.warc", plain);
  std::vector<Article> seen;
  FileArticles streamed = ReadArticles(InputFile{dir / "crawl.warc", dir.path(), {}}, [&](Article article) {
    seen.push_back(std::move(article));
  });
  CHECK(streamed.articles.empty());  // nothing kept by the reader
  CHECK(streamed.rejections.empty());
  CHECK(seen == Read(dir / "crawl.warc").articles);
}

TEST_CASE("WARC: a corrupt or truncated record is named with its offset and the rest is read") {
  testing::TempDir dir;
  const std::vector<std::string> records = Records();

  SUBCASE("plain: a record without Content-Length, garbage between records, a truncated last record") {
    std::string bytes = records[2];
    const std::size_t bad_header = bytes.size();
    bytes += "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2026-03-05T10:00:00Z\r\n\r\n<p>lost</p>\r\n\r\n";
    bytes += records[5];
    const std::size_t garbage = bytes.size();
    bytes += "this line is not a record\r\nnor is this one\r\n";
    const std::size_t truncated = bytes.size();
    bytes += records[2].substr(0, records[2].size() - 40);
    testing::WriteFile(dir / "broken.warc", bytes);
    const FileArticles read = Read(dir / "broken.warc");
    const std::string where = (dir / "broken.warc").string();
    CAPTURE(Messages(read.rejections));
    REQUIRE(read.rejections.size() == 3);
    // The block of the record without a length is skipped up to the next "WARC/" line.
    CHECK(read.rejections[0].ToString() ==
          where + "@" + std::to_string(bad_header) + ": record without a valid Content-Length");
    // Two lines of garbage are one stretch, named once.
    CHECK(read.rejections[1].ToString() == where + "@" + std::to_string(garbage) +
                                               ": not a WARC record (expected a \"WARC/1.x\" line)");
    const std::size_t header = records[2].find("\r\n\r\n") + 4;
    CHECK(read.rejections[2].ToString() == where + "@" + std::to_string(truncated) + ": truncated record (" +
                                               std::to_string(records[2].size() - 40 - header) + " of " +
                                               std::to_string(records[2].size() - header - 4) + " bytes)");
    REQUIRE(read.articles.size() == 2);
    CHECK(read.articles[0].url == "https://wire.example/orbis");
    CHECK(read.articles[1].url == "https://sentinel.example/solvik");
  }

  SUBCASE("gzip: a member with corrupt data and a truncated last member") {
    std::string bytes = Gzip(records[2]);
    const std::size_t corrupt = bytes.size();
    std::string damaged = Gzip(records[3] + records[4]);
    for (std::size_t i = 12; i < damaged.size() - 8; i += 3) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    bytes += damaged;
    bytes += Gzip(records[5]);
    const std::size_t truncated = bytes.size();
    const std::string last = Gzip(records[2]);
    bytes += last.substr(0, last.size() / 2);
    testing::WriteFile(dir / "broken.warc.gz", bytes);
    const FileArticles read = Read(dir / "broken.warc.gz");
    const std::string where = (dir / "broken.warc.gz").string();
    CAPTURE(Messages(read.rejections));
    REQUIRE(read.rejections.size() == 2);
    CHECK(read.rejections[0].ToString().starts_with(where + "@" + std::to_string(corrupt) + ": corrupt gzip data"));
    CHECK(read.rejections[1].ToString().starts_with(where + "@" + std::to_string(truncated) + ": "));
    CHECK(read.rejections[1].message().find("truncated") != std::string::npos);
    REQUIRE(read.articles.size() == 2);
    CHECK(read.articles[0].url == "https://wire.example/orbis");
    CHECK(read.articles[1].url == "https://sentinel.example/solvik");
  }

  SUBCASE("an unreadable page in a record is that record's rejection") {
    std::string bytes = Record("response", "urn:uuid:0100", "https://x.example/", "2026-03-05T10:00:00Z",
                               Http("text/html; charset=shift_jis", "<p>\x82\xA0\x82\xA2</p>"));
    bytes += records[5];
    testing::WriteFile(dir / "charset.warc", bytes);
    const FileArticles read = Read(dir / "charset.warc");
    REQUIRE(read.rejections.size() == 1);
    CHECK(read.rejections[0].ToString() == (dir / "charset.warc").string() +
                                               "@0: page in charset shift_jis (only UTF-8 and "
                                               "Windows-1252 pages are read)");
    CHECK(read.articles.size() == 1);
  }
}

TEST_CASE("WARC: Windows-1252 pages, chunked and gzip-encoded HTTP bodies") {
  testing::TempDir dir;
  const std::string latin = "<p>Caf\xE9 Lumi\xE8re will pay \x80" "5 million for the site \x96 the city said.</p>";
  std::string chunked_body = "<p>Ledger Line reported revenue of $3.4 billion for 2025.</p>";
  const std::string chunked = "10\r\n" + chunked_body.substr(0, 16) + "\r\n" +
                              [&] {
                                char size[16];
                                std::snprintf(size, sizeof size, "%zx", chunked_body.size() - 16);
                                return std::string(size);
                              }() +
                              "\r\n" + chunked_body.substr(16) + "\r\n0\r\n\r\n";
  std::string bytes =
      Record("response", "urn:uuid:1", "https://a.example/", "2026-01-01T00:00:00Z",
             Http("text/html; charset=ISO-8859-1", latin)) +
      Record("response", "urn:uuid:2", "https://b.example/", "2026-01-01T00:00:00Z",
             Http("text/html", chunked, "200 OK", "Transfer-Encoding: chunked\r\n")) +
      Record("response", "urn:uuid:3", "https://c.example/", "2026-01-01T00:00:00Z",
             Http("text/html", Gzip(chunked_body), "200 OK", "Content-Encoding: gzip\r\n"));
  testing::WriteFile(dir / "enc.warc", bytes);
  const FileArticles read = Read(dir / "enc.warc");
  CAPTURE(Messages(read.rejections));
  REQUIRE(read.rejections.empty());
  REQUIRE(read.articles.size() == 3);
  CHECK(read.articles[0].text ==
        "Caf\xC3\xA9 Lumi\xC3\xA8re will pay \xE2\x82\xAC" "5 million for the site \xE2\x80\x93 the city said.");
  CHECK(read.articles[1].text == "Ledger Line reported revenue of $3.4 billion for 2025.");
  CHECK(read.articles[2].text == "Ledger Line reported revenue of $3.4 billion for 2025.");
}

}  // namespace
}  // namespace concord::corpus
