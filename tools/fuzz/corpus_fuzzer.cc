// libFuzzer target for the corpus readers (issue 18, "fuzzing every parser"): front matter and
// plain text, JSON, JSON lines, HTML and manifest.csv. The first byte of the input picks the
// reader; the rest is the file. A violated property traps, so libFuzzer reports it with the
// input that caused it; ASan and UBSan (on every target of a fuzzing build) catch the rest.
//
// Properties checked on every input:
//   - every article's text is valid UTF-8, holds no NUL and no CR (LF line ends), no BOM;
//   - metadata fields hold no control character (NUL rejects, the rest are dropped);
//   - body_offset lies inside the input; a rejection names the file it came from;
//   - a manifest parses to rows with a line number inside the input, or to a rejection.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/corpus.h"
#include "corpus/manifest.h"

namespace {

void Require(bool property) {
  if (!property) __builtin_trap();
}

bool HasControl(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

constexpr const char* kExtensions[] = {"md", "txt", "json", "jsonl", "html"};
constexpr std::size_t kReaders = sizeof kExtensions / sizeof kExtensions[0];

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t reader = data[0] % (kReaders + 1);
  if (reader == kReaders) {
    auto rows = concord::corpus::internal::ParseManifest(bytes, "fuzz/manifest.csv");
    if (!rows.ok()) {
      Require(rows.status().where().starts_with("fuzz/manifest.csv"));
      return 0;
    }
    const std::size_t lines = 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    for (const auto& row : *rows) Require(row.line >= 1 && row.line <= lines);
    return 0;
  }
  const concord::corpus::FileArticles read =
      concord::corpus::ReadArticlesFromText(bytes, "fuzz/input", kExtensions[reader]);
  for (const concord::Status& status : read.rejections) Require(status.where().starts_with("fuzz/input"));
  for (const concord::corpus::Article& article : read.articles) {
    Require(concord::corpus::FindInvalidUtf8(article.text) == std::string_view::npos);
    Require(article.text.find('\0') == std::string::npos);
    Require(article.text.find('\r') == std::string::npos);
    Require(!article.text.starts_with("\xEF\xBB\xBF"));
    Require(article.body_offset <= bytes.size());
    for (const std::string* field : {&article.source, &article.title, &article.url, &article.published,
                                     &article.derived_from}) {
      Require(!HasControl(*field));
    }
  }
  return 0;
}
