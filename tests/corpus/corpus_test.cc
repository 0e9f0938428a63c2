// ListInputs and ReadArticles together: folders, manifests, metadata precedence, the content
// hash, and every kind of bad input, on real files in real temporary folders.

#include "corpus/corpus.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "testing.h"

namespace concord::corpus {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

std::string Canonical(const fs::path& path) { return fs::weakly_canonical(path).string(); }

std::vector<std::string> Names(const Listing& listing) {
  std::vector<std::string> names;
  for (const InputFile& file : listing.files) {
    names.push_back(file.path.lexically_relative(file.root).generic_string());
  }
  return names;
}

// Every article of every listed file, in listing order; rejections collected as strings.
struct Ingested {
  std::vector<Article> articles;
  std::vector<std::string> rejections;
  std::vector<std::string> warnings;
};

Ingested ReadAll(const Listing& listing) {
  Ingested all;
  for (const Status& status : listing.rejections) all.rejections.push_back(status.ToString());
  for (const InputFile& file : listing.files) {
    FileArticles read = ReadArticles(file);
    for (Article& article : read.articles) all.articles.push_back(std::move(article));
    for (const Status& status : read.rejections) all.rejections.push_back(status.ToString());
    for (const Status& status : read.warnings) all.warnings.push_back(status.ToString());
  }
  return all;
}

const Article* FindByName(const Ingested& all, const std::string& name) {
  for (const Article& article : all.articles) {
    if (article.name == name) return &article;
  }
  return nullptr;
}

FileArticles ReadOne(const TempDir& dir, const std::string& name, const std::string& bytes) {
  WriteFile(dir / name, bytes);
  return ReadArticles(InputFile{dir / name, dir.path(), {}});
}

// ---- Listing ----------------------------------------------------------------------------

TEST_CASE("issue 18: ListInputs follows a link only to a file inside the folder given") {
  TempDir dir;
  WriteFile(dir / "in" / "sub" / "a.txt", "Inside.\n");
  WriteFile(dir / "outside" / "b.txt", "Outside.\n");
  fs::create_symlink(dir / "in" / "sub" / "a.txt", dir / "in" / "inner.txt");
  fs::create_symlink(dir / "outside" / "b.txt", dir / "in" / "outer.txt");
  fs::create_symlink(dir / "outside", dir / "in" / "outer_folder");
  fs::create_symlink(dir / "in", dir / "in" / "sub" / "up");  // to an ancestor: walked once
  fs::create_symlink(dir / "in" / "none.txt", dir / "in" / "dangling.txt");
  fs::create_symlink(dir / "in" / "loop2.txt", dir / "in" / "loop1.txt");
  fs::create_symlink(dir / "in" / "loop1.txt", dir / "in" / "loop2.txt");
  WriteFile(dir / "in" / "manifest.csv", "file,source\nsub/a.txt,Wire\nmissing.txt,Wire\n");
  const Listing listing = ListInputs({dir / "in"});
  // The link inside is followed; it and its target are one file, listed once.
  CHECK(Names(listing) == std::vector<std::string>{"inner.txt"});
  std::vector<std::string> rejections;
  for (const Status& status : listing.rejections) rejections.push_back(status.ToString());
  auto rejected = [&](const std::string& name, const std::string& reason) {
    for (const std::string& r : rejections) {
      if (r.find(name) != std::string::npos && r.find(reason) != std::string::npos) return true;
    }
    return false;
  };
  CAPTURE(rejections);
  CHECK(rejections.size() == 5);
  CHECK(rejected("outer.txt", "outside"));
  CHECK(rejected("outer_folder", "outside"));
  CHECK(rejected("dangling.txt", "dangling symbolic link"));
  CHECK(rejected("loop1.txt", "symbolic link loop"));
  CHECK(rejected("loop2.txt", "symbolic link loop"));
  REQUIRE(listing.warnings.size() == 1);
  CHECK(listing.warnings[0].ToString().find("manifest.csv:3: names missing.txt, which does not exist") !=
        std::string::npos);
  CHECK(listing.complete);
  REQUIRE(listing.folders.size() == 1);
  CHECK(listing.folders[0] == fs::canonical(dir / "in"));
}

TEST_CASE("issue 18: metadata with a NUL is rejected naming the field; other controls are dropped") {
  TempDir dir;
  FileArticles nul = ReadOne(dir, "a.json", R"({"title": "T\u0000", "text": "Body."})");
  CHECK(nul.articles.empty());
  REQUIRE(nul.rejections.size() == 1);
  CHECK(nul.rejections[0].message() == "NUL character in metadata field 'title' at byte 1");
  FileArticles controls =
      ReadOne(dir, "b.json", R"({"source": "Ctl\u001b[31mWire\u009b\u0007", "title": "A\tB\nC", "text": "Body."})");
  REQUIRE(controls.articles.size() == 1);
  CHECK(controls.articles[0].source == "Ctl[31mWire");
  CHECK(controls.articles[0].title == "A B C");
}

TEST_CASE("ListInputs walks folders in sorted order and skips hidden files and READMEs") {
  TempDir dir;
  for (const char* name :
       {"b.txt", "a.md", "sub/z.json", "sub/deeper/c.html", "sub/a.txt", ".hidden.txt",
        ".git/config.txt", "sub/.cache/x.txt", "notes.xyz", "README.md", "sub/readme.txt"}) {
    WriteFile(dir / name, "Some text.\n");
  }
  WriteFile(dir / "manifest.csv", "file,source\n");
  const Listing listing = ListInputs({dir.path()});
  CHECK(listing.rejections.empty());
  CHECK(Names(listing) == std::vector<std::string>{"a.md", "b.txt", "notes.xyz", "sub/a.txt",
                                                   "sub/deeper/c.html", "sub/z.json"});
  for (const InputFile& file : listing.files) CHECK(file.root == dir.path());
  CHECK(ListInputs({dir.path()}).files == listing.files);  // deterministic

  const Ingested all = ReadAll(listing);
  REQUIRE(FindByName(all, "sub/a.txt") != nullptr);
  CHECK(FindByName(all, "sub/a.txt")->id == Canonical(dir / "sub/a.txt"));
  // notes.xyz is listed, then rejected by ReadArticles.
  REQUIRE(all.rejections.size() == 2);  // notes.xyz, and sub/z.json (not JSON)
  CHECK(all.rejections[0] == (dir / "notes.xyz").string() + ": unknown format (extension .xyz)");
}

TEST_CASE("the demo folder reads without rejections or warnings") {
  const fs::path demo = testing::DataDir() / "corpus" / "demo";
  if (!fs::exists(demo)) {
    MESSAGE("no demo folder at " << demo.string() << ": skipped");
    return;
  }
  const Ingested all = ReadAll(ListInputs({demo}));
  CHECK(all.rejections.empty());
  CHECK(all.warnings.empty());
  CHECK(FindByName(all, "README.md") == nullptr);
  for (const Article& article : all.articles) {
    CAPTURE(article.name);
    CHECK(article.published.size() == std::string("2026-01-01").size());
    CHECK(article.source != "unknown");
    if (article.kind == ArticleKind::kSummary) {
      CHECK(FindByName(all, fs::path(article.derived_from).filename().string()) != nullptr);
    }
  }
}

TEST_CASE("a missing root is a rejection and the other roots are still listed") {
  TempDir dir;
  WriteFile(dir / "here/a.txt", "Text.");
  const fs::path missing = dir / "no-such-folder";
  const Listing listing = ListInputs({missing, dir / "here"});
  REQUIRE(listing.rejections.size() == 1);
  CHECK(listing.rejections[0].ToString() == missing.string() + ": no such file or folder");
  CHECK(listing.rejections[0].code() == StatusCode::kInvalidInput);
  CHECK(Names(listing) == std::vector<std::string>{"a.txt"});
}

TEST_CASE("a single file root is named by its file name and described by its folder's manifest") {
  TempDir dir;
  WriteFile(dir / "one.txt", "Text of one.");
  WriteFile(dir / "two.txt", "Text of two.");
  WriteFile(dir / "manifest.csv", "file,source,published\none.txt,Desk,2026-04-28\n");
  const Listing listing =
      ListInputs({dir / "one.txt", dir / "manifest.csv", dir.path(), dir / "one.txt"});
  CHECK(listing.rejections.empty());
  // one.txt appears once (first as a file root); the manifest is never an input.
  REQUIRE(listing.files.size() == 2);
  CHECK(listing.files[0].path == dir / "one.txt");
  CHECK(listing.files[0].root == dir / "one.txt");
  CHECK(listing.files[0].manifest.source == "Desk");
  CHECK(listing.files[1].path == dir / "two.txt");
  const FileArticles read = ReadArticles(listing.files[0]);
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].name == "one.txt");
  CHECK(read.articles[0].source == "Desk");
  CHECK(read.articles[0].published == "2026-04-28");
}

// ---- Manifests --------------------------------------------------------------------------

TEST_CASE("manifest with quoted fields and the file's own metadata first") {
  TempDir dir;
  WriteFile(dir / "100_source.txt", "Orbis Cloud will invest up to $4 billion in Veltrix.\n");
  WriteFile(dir / "101_digest.txt", "In brief: Orbis bets $4 billion on Veltrix.\n");
  WriteFile(dir / "102_own.md",
            "---\ntitle: Own title\nkind: press-release\n---\nA press release from Orbis.\n");
  WriteFile(dir / "manifest.csv",
            "file,source,published,url,title,kind,derived_from\r\n"
            "100_source.txt,Harbor desk (translated),2026-03-03,,"
            "\"Orbis, Veltrix agree \"\"capacity\"\" deal\",article,\r\n"
            "101_digest.txt,Brief digest,2026-03-03,,\"Orbis bets on Veltrix,\nsays digest\","
            "summary,100_source.txt\r\n"
            "102_own.md,Orbis newsroom,2026-03-02,https://orbis.example/news,Manifest title,"
            "article,\r\n"
            "not_there.txt,Nobody,,,,,\r\n");
  const Listing listing = ListInputs({dir.path()});
  CHECK(listing.rejections.empty());
  const Ingested all = ReadAll(listing);
  CHECK(all.rejections.empty());
  CHECK(all.warnings.empty());
  REQUIRE(all.articles.size() == 3);

  const Article* source = FindByName(all, "100_source.txt");
  const Article* digest = FindByName(all, "101_digest.txt");
  const Article* own = FindByName(all, "102_own.md");
  REQUIRE(source != nullptr);
  REQUIRE(digest != nullptr);
  REQUIRE(own != nullptr);
  CHECK(source->title == "Orbis, Veltrix agree \"capacity\" deal");
  CHECK(source->source == "Harbor desk (translated)");
  CHECK(source->published == "2026-03-03");
  CHECK(source->kind == ArticleKind::kArticle);
  CHECK(source->derived_from.empty());
  // The quoted line break is kept by the CSV reader; metadata drops controls (issue 18, item 7).
  CHECK(digest->title == "Orbis bets on Veltrix, says digest");
  CHECK(digest->kind == ArticleKind::kSummary);
  CHECK(digest->derived_from == source->id);
  // Front matter wins; the manifest fills what the file leaves empty.
  CHECK(own->title == "Own title");
  CHECK(own->kind == ArticleKind::kPressRelease);
  CHECK(own->source == "Orbis newsroom");
  CHECK(own->url == "https://orbis.example/news");
  CHECK(own->published == "2026-03-02");
}

TEST_CASE("manifests with columns in any order in nested folders naming paths into subfolders") {
  TempDir dir;
  WriteFile(dir / "top.txt", "Top.");
  WriteFile(dir / "sub/inner.txt", "Inner.");
  WriteFile(dir / "sub/other.txt", "Other.");
  WriteFile(dir / "manifest.csv",
            "\xEF\xBB\xBF"
            "Title,FILE\nTop title,top.txt\nFrom the top,sub/inner.txt\n"
            "Other from the top,sub/other.txt\n");
  WriteFile(dir / "sub/manifest.csv", "file,title,derived_from\ninner.txt,From sub,../top.txt\n");
  const Ingested all = ReadAll(ListInputs({dir.path()}));
  CHECK(all.rejections.empty());
  REQUIRE(all.articles.size() == 3);
  CHECK(FindByName(all, "top.txt")->title == "Top title");
  CHECK(FindByName(all, "sub/inner.txt")->title == "From sub");  // the nearer manifest wins
  CHECK(FindByName(all, "sub/inner.txt")->derived_from == Canonical(dir / "top.txt"));
  CHECK(FindByName(all, "sub/other.txt")->title == "Other from the top");
}

TEST_CASE("derived_from keeps a URL and the suffix of a JSON lines record") {
  TempDir dir;
  WriteFile(dir / "a.txt", "---\nderived_from: https://example.com/original\n---\nA.");
  WriteFile(dir / "b.txt", "---\nderived_from: feed.jsonl#L2\n---\nB.");
  const Ingested all = ReadAll(ListInputs({dir.path()}));
  REQUIRE(all.articles.size() == 2);
  CHECK(all.articles[0].derived_from == "https://example.com/original");
  CHECK(all.articles[1].derived_from == Canonical(dir / "feed.jsonl") + "#L2");
}

TEST_CASE("a malformed manifest is rejected with its line and its folder is still listed") {
  struct Case {
    const char* label;
    const char* manifest;
    const char* reason;  // after "<folder>/manifest.csv:"
  };
  const Case cases[] = {
      {"bad header", "file,source,author\na.txt,X,Y\n",
       "1: malformed manifest: unknown column 'author'"},
      {"no file column", "source,title\nX,Y\n", "1: malformed manifest: the header has no 'file'"},
      {"unterminated quote", "file,title\na.txt,ok\nb.txt,\"never closed\nc.txt,x\n",
       "3: malformed manifest: unterminated quoted field"},
      {"too few columns",
       "file,source,published,url,title,kind,derived_from\na.txt,X,,,T,article\n",
       "2: malformed manifest: expected 7 fields, found 6"},
      {"too many columns", "file,title\na.txt,T\nb.txt,T,extra\n",
       "3: malformed manifest: expected 2 fields, found 3"},
      {"text after a quote", "file,title\na.txt,\"T\"x\n",
       "2: malformed manifest: unexpected text after a closing quote"},
      {"empty", "", "1: malformed manifest: no header"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.label));
    TempDir dir;
    WriteFile(dir / "a.txt", "Text of a.");
    WriteFile(dir / "manifest.csv", c.manifest);
    const Listing listing = ListInputs({dir.path()});
    REQUIRE(listing.rejections.size() == 1);
    const std::string message = listing.rejections[0].ToString();
    CAPTURE(message);
    CHECK(message.starts_with((dir / "manifest.csv").string() + ":" + c.reason));
    REQUIRE(listing.files.size() == 1);
    CHECK(listing.files[0].manifest == ArticleMetadata{});
  }
}

TEST_CASE("the seed folder gives two dated articles and the digest is a summary of the article") {
  const fs::path seeds = testing::SharedDir() / "seeds";
  if (!testing::HaveSeeds()) {
    MESSAGE("no seeds at " << seeds.string() << ": skipped");
    return;
  }
  const Listing listing = ListInputs({seeds});
  CHECK(listing.rejections.empty());
  const Ingested all = ReadAll(listing);
  CHECK(all.rejections.empty());
  CHECK(all.warnings.empty());
  const Article* article = FindByName(all, "000_b020c2b63810bd90.txt");
  const Article* digest = FindByName(all, "004_16985615542f03f2.txt");
  REQUIRE(article != nullptr);
  REQUIRE(digest != nullptr);
  CHECK(article->published == "2026-04-28");
  CHECK(digest->published == "2026-04-28");
  CHECK(article->kind == ArticleKind::kArticle);
  CHECK(digest->kind == ArticleKind::kSummary);
  CHECK(digest->derived_from == article->id);
  CHECK(article->id == Canonical(seeds / "000_b020c2b63810bd90.txt"));
  CHECK(digest->title.find(", resolving") != std::string::npos);  // a quoted comma survives
  CHECK(!article->text.empty());
}

// ---- Metadata ---------------------------------------------------------------------------

TEST_CASE("unreadable dates and unknown kinds warn but keep the article") {
  TempDir dir;
  WriteFile(dir / "a.txt", "---\npublished: last Tuesday\nkind: opinion\n---\nText.");
  WriteFile(dir / "manifest.csv", "file,published\na.txt,2026-04-28\n");
  const Listing listing = ListInputs({dir.path()});
  REQUIRE(listing.files.size() == 1);
  const FileArticles read = ReadArticles(listing.files[0]);
  CHECK(read.rejections.empty());
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].kind == ArticleKind::kArticle);
  // The file's date cannot be read: the manifest's is used.
  CHECK(read.articles[0].published == "2026-04-28");
  REQUIRE(read.warnings.size() == 2);
  const std::string where = (dir / "a.txt").string();
  CHECK(read.warnings[0].ToString() == where + ": unreadable published date 'last Tuesday'");
  CHECK(read.warnings[1].ToString().starts_with(where + ": unknown kind 'opinion'"));
}

TEST_CASE("an unreadable date with nothing to fall back on leaves published empty") {
  TempDir dir;
  const FileArticles read = ReadOne(dir, "a.json", R"({"text": "T.", "date": "soon"})");
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].published.empty());
  REQUIRE(read.warnings.size() == 1);
  CHECK(read.warnings[0].ToString() ==
        (dir / "a.json").string() + ": unreadable published date 'soon'");
}

TEST_CASE("source falls back to the url's host and then to unknown") {
  TempDir dir;
  struct Case {
    const char* url;
    const char* source;
  };
  const Case cases[] = {{"https://www.Harbor.example/a/b", "harbor.example"},
                        {"http://user@news.example:8080/x?y#z", "news.example"},
                        {"not a url", "unknown"},
                        {"", "unknown"}};
  for (const Case& c : cases) {
    CAPTURE(std::string(c.url));
    const FileArticles read =
        ReadOne(dir, "a.md", std::string("---\nurl: ") + c.url + "\n---\nText.");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].source == c.source);
  }
}

TEST_CASE("content_hash is stable and changes with the text or any metadata") {
  TempDir dir;
  const auto hash_of = [&dir](const std::string& bytes) {
    const FileArticles read = ReadOne(dir, "h.md", bytes);
    REQUIRE(read.articles.size() == 1);
    return read.articles[0].content_hash;
  };
  const std::uint64_t base = hash_of("---\ntitle: T\n---\nText.");
  CHECK(hash_of("---\ntitle: T\n---\nText.") == base);
  CHECK(hash_of("---\ntitle: T\n---\nText!") != base);
  CHECK(hash_of("---\ntitle: U\n---\nText.") != base);
  CHECK(hash_of("---\ntitle: T\nkind: summary\n---\nText.") != base);
  CHECK(hash_of("---\ntitle: T\npublished: 2026-01-01\n---\nText.") != base);
  // Moving bytes from one field to the next is a change too.
  CHECK(hash_of("---\ntitle: ab\nsource: c\n---\nText.") !=
        hash_of("---\ntitle: a\nsource: bc\n---\nText."));
}

// ---- Bad input --------------------------------------------------------------------------

TEST_CASE("bad files are rejected with the file name and the reason") {
  struct Case {
    const char* label;
    const char* name;
    std::string bytes;
    std::string reason;  // the whole message after "<path>: "
  };
  const std::string front = "\xEF\xBB\xBF---\ntitle: T\n---\nGood start, ";
  const Case cases[] = {
      {"invalid UTF-8 in the body", "bad.txt", "Fine text, then \xC3\x28 oops",
       "invalid UTF-8 at byte 16"},
      {"invalid UTF-8 after BOM and front matter", "bad.md", front + "bad \xE0\x80\xAF.",
       "invalid UTF-8 at byte " + std::to_string(front.size() + 4)},
      {"surrogate in HTML", "bad.html", "<p>x\xED\xA0\x80</p>", "invalid UTF-8 at byte 4"},
      {"invalid UTF-8 in JSON", "bad.json", "{\"text\": \"\xFF\"}", "invalid UTF-8 at byte 10"},
      {"empty", "empty.txt", "", "empty file"},
      {"whitespace only", "blank.md", " \n\t\r\n", "empty file"},
      {"BOM only", "bom.txt", "\xEF\xBB\xBF", "empty file"},
      {"empty HTML", "empty.html", "", "empty file"},
      {"binary", "image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
       "binary file (NUL byte at offset 8)"},
      {"UTF-16", "wide.txt", std::string("\xFF\xFEH\0i\0", 6),
       "UTF-16 text is not supported (save the file as UTF-8)"},
      {"unknown extension", "sheet.xyz", "a,b,c", "unknown format (extension .xyz)"},
      {"no extension", "README", "Read me.", "unknown format (no extension)"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.label));
    TempDir dir;
    const FileArticles read = ReadOne(dir, c.name, c.bytes);
    CHECK(read.articles.empty());
    REQUIRE(read.rejections.size() == 1);
    CHECK(read.rejections[0].code() == StatusCode::kInvalidInput);
    CHECK(read.rejections[0].ToString() == (dir / c.name).string() + ": " + c.reason);
  }
}

TEST_CASE("an unreadable file is rejected with strerror") {
  TempDir dir;
  const fs::path path = dir / "locked.txt";
  WriteFile(path, "Secret text.");
  fs::permissions(path, fs::perms::none);
  if (std::ifstream(path).good()) {  // root reads anything
    MESSAGE("running with permission to read mode-000 files (root?): skipped");
    return;
  }
  const FileArticles read = ReadArticles(InputFile{path, dir.path(), {}});
  CHECK(read.articles.empty());
  REQUIRE(read.rejections.size() == 1);
  CHECK(read.rejections[0].ToString() == path.string() + ": cannot read: Permission denied");
}

TEST_CASE("an unreadable subfolder is a rejection and the rest of the tree is still listed") {
  TempDir dir;
  WriteFile(dir / "a.txt", "A.");
  WriteFile(dir / "locked/b.txt", "B.");
  WriteFile(dir / "z/c.txt", "C.");
  fs::permissions(dir / "locked", fs::perms::none);
  std::error_code error;
  const bool readable = fs::directory_iterator(dir / "locked", error) != fs::directory_iterator();
  if (readable) {
    fs::permissions(dir / "locked", fs::perms::owner_all);
    MESSAGE("running with permission to read mode-000 folders (root?): skipped");
    return;
  }
  const Listing listing = ListInputs({dir.path()});
  fs::permissions(dir / "locked", fs::perms::owner_all);  // so TempDir can remove it
  CHECK(Names(listing) == std::vector<std::string>{"a.txt", "z/c.txt"});
  REQUIRE(listing.rejections.size() == 1);
  CHECK(listing.rejections[0].ToString() ==
        (dir / "locked").string() + ": cannot read folder: Permission denied");
}

TEST_CASE("a file that vanished after listing or a folder cannot be read") {
  TempDir dir;
  FileArticles read = ReadArticles(InputFile{dir / "gone.txt", dir.path(), {}});
  REQUIRE(read.rejections.size() == 1);
  CHECK(read.rejections[0].ToString() ==
        (dir / "gone.txt").string() + ": cannot read: No such file or directory");
  fs::create_directories(dir / "folder.txt");
  read = ReadArticles(InputFile{dir / "folder.txt", dir.path(), {}});
  REQUIRE(read.rejections.size() == 1);
  CHECK(read.rejections[0].ToString() ==
        (dir / "folder.txt").string() + ": cannot read: Is a directory");
}

// ---- From memory ------------------------------------------------------------------------

TEST_CASE("ReadArticlesFromText reads stdin-like input with the same rules") {
  SUBCASE("plain text by default") {
    const FileArticles read = ReadArticlesFromText("Line.\r\nNext.", "-", "");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].id == "-");
    CHECK(read.articles[0].name == "-");
    CHECK(read.articles[0].text == "Line.\nNext.");
  }
  SUBCASE("an extension with or without its dot") {
    for (const char* extension : {"md", ".md", "MD"}) {
      CAPTURE(std::string(extension));
      const std::string front = "---\npublished: 2026-04-28\n---\n";
      const FileArticles read = ReadArticlesFromText(front + "Text.", "stdin", extension);
      REQUIRE(read.articles.size() == 1);
      CHECK(read.articles[0].published == "2026-04-28");
      CHECK(read.articles[0].text == "Text.");
      CHECK(read.articles[0].body_offset == front.size());
    }
  }
  SUBCASE("JSON lines, and errors labelled with the name") {
    const FileArticles read = ReadArticlesFromText("{\"text\": \"A.\"}\n{bad\n", "in", "jsonl");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].id == "in#L1");
    REQUIRE(read.rejections.size() == 1);
    CHECK(read.rejections[0].ToString().starts_with("in:2: malformed JSON line: "));
  }
  SUBCASE("invalid UTF-8 and unknown formats") {
    FileArticles read = ReadArticlesFromText("ab\x80", "pipe", "txt");
    REQUIRE(read.rejections.size() == 1);
    CHECK(read.rejections[0].ToString() == "pipe: invalid UTF-8 at byte 2");
    read = ReadArticlesFromText("x", "pipe", "pdf");
    REQUIRE(read.rejections.size() == 1);
    CHECK(read.rejections[0].ToString() == "pipe: unknown format (extension .pdf)");
  }
}

}  // namespace
}  // namespace concord::corpus
