// FindInvalidUtf8, ParsePublishedDate and KindName: the pure functions of corpus.h.

#include <string>
#include <string_view>

#include "corpus/corpus.h"
#include "testing.h"

namespace concord::corpus {
namespace {

constexpr std::size_t kValid = std::string_view::npos;

TEST_CASE("FindInvalidUtf8 accepts well-formed text and finds the first bad sequence") {
  struct Case {
    const char* label;
    std::string bytes;
    std::size_t offset;
  };
  const Case cases[] = {
      {"empty", "", kValid},
      {"ascii longer than one word", "Harbor Street Journal, 2026", kValid},
      {"two-byte", "caf\xC3\xA9", kValid},
      {"three-byte euro", "\xE2\x82\xAC 12", kValid},
      {"four-byte emoji", "ok \xF0\x9F\x98\x80", kValid},
      {"last scalar U+10FFFF", "\xF4\x8F\xBF\xBF", kValid},
      {"highest BMP before surrogates U+D7FF", "\xED\x9F\xBF", kValid},
      {"stray continuation", "abc\x80xyz", 3},
      {"overlong two-byte C0", "ab\xC0\xAF", 2},
      {"overlong two-byte C1", "\xC1\xBF", 0},
      {"overlong three-byte", "0123456789\xE0\x80\xAF", 10},
      {"overlong four-byte", "\xF0\x80\x80\xAF", 0},
      {"surrogate U+D800", "x\xED\xA0\x80", 1},
      {"surrogate U+DFFF", "x\xED\xBF\xBF", 1},
      {"past U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead byte", "\xF5\x80\x80\x80", 0},
      {"FF byte", "long ascii prefix here\xFF", 22},
      {"truncated at end", "end \xE2\x82", 4},
      {"truncated before ascii", "\xE2\x82x and more text", 0},
      {"bad third byte", "\xF0\x9F\x98x", 0},
      {"bad after valid multibyte", "\xC3\xA9\xC3\xA9\xC3", 4},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.label));
    CHECK(FindInvalidUtf8(c.bytes) == c.offset);
  }
}

TEST_CASE("ParsePublishedDate reads the usual spellings of a date") {
  struct Case {
    const char* text;
    const char* iso;
  };
  const Case cases[] = {
      {"2026-04-28", "2026-04-28"},
      {"  2026-04-28\n", "2026-04-28"},
      {"2026-04-28T09:00:00Z", "2026-04-28"},
      {"2026-04-28T09:00:00+02:00", "2026-04-28"},
      {"2026-04-28 09:00:00", "2026-04-28"},
      {"2026/04/28", "2026-04-28"},
      {"2026/4/8", "2026-04-08"},
      {"April 28, 2026", "2026-04-28"},
      {"april 28 2026", "2026-04-28"},
      {"Apr 28, 2026", "2026-04-28"},
      {"Apr. 28, 2026", "2026-04-28"},
      {"Sept 3, 2026", "2026-09-03"},
      {"28 April 2026", "2026-04-28"},
      {"28 Apr 2026", "2026-04-28"},
      {"28 April, 2026", "2026-04-28"},
      {"3rd March 2026", "2026-03-03"},
      {"March 3rd, 2026", "2026-03-03"},
      {"Tuesday, April 28, 2026", "2026-04-28"},
      {"Tue, 28 Apr 2026 09:00:00 +0000", "2026-04-28"},
      {"February 29, 2028", "2028-02-29"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    CHECK(ParsePublishedDate(c.text) == c.iso);
  }
}

TEST_CASE("ParsePublishedDate rejects what is not one calendar date") {
  const char* const cases[] = {"",
                               "yesterday",
                               "last Tuesday",
                               "2026",
                               "April 2026",
                               "2026-13-01",
                               "2026-02-30",
                               "February 29, 2027",
                               "2026-4-28",
                               "2026-04-28garbage",
                               "April 282026",
                               "28/04/2026",
                               "Smarch 3, 2026",
                               "20260428",
                               "2026-04"};
  for (const char* text : cases) {
    CAPTURE(std::string(text));
    CHECK(ParsePublishedDate(text).empty());
  }
}

TEST_CASE("KindName names every kind") {
  CHECK(std::string(KindName(ArticleKind::kArticle)) == "article");
  CHECK(std::string(KindName(ArticleKind::kSummary)) == "summary");
  CHECK(std::string(KindName(ArticleKind::kPressRelease)) == "press-release");
}

}  // namespace
}  // namespace concord::corpus
