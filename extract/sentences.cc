// Sentence segmentation: ICU's sentence rules over UTF-8 (UText native indexes are byte
// offsets, so no UTF-16 round trip), filtered so that news abbreviations do not end a
// sentence.

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "extract/extract.h"

namespace concord::extract {
namespace {

// Abbreviations that end with a period but rarely end a sentence in business news. ICU's
// own English suppression list ("Mr.", "Dr." …) is loaded first; these are added to it.
constexpr std::array kNewsAbbreviations = {
    "U.S.",  "U.K.",  "U.N.", "E.U.", "Inc.",  "Corp.", "Co.",   "Ltd.",  "Jr.",  "Sr.",
    "Dr.",   "Mr.",   "Mrs.", "Ms.",  "Prof.", "St.",   "No.",   "Jan.",  "Feb.", "Mar.",
    "Apr.",  "Aug.",  "Sep.", "Sept.", "Oct.", "Nov.",  "Dec.",  "vs.",   "approx.", "est.",
    "Gov.",  "Sen.",  "Rep.", "Gen.", "Bros.", "L.P.",  "N.V.",  "S.A.",  "P.L.C.", "a.m.",
    "p.m.",  "e.g.",  "i.e.", "etc.", "Nos.",  "Fig.",  "Ave.",  "Mt.",   "Ft."};

// ICU objects are costly to build and not thread-safe to share: each thread builds one
// filtered iterator on first use and keeps it.
icu::BreakIterator* ThreadSentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
    std::unique_ptr<icu::BreakIterator> base(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status) || !builder || !base) return std::unique_ptr<icu::BreakIterator>();
    for (const char* abbreviation : kNewsAbbreviations) {
      UErrorCode ignored = U_ZERO_ERROR;  // "already present" is not an error for us
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), ignored);
    }
    std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
    if (U_FAILURE(status)) return std::unique_ptr<icu::BreakIterator>();
    return filtered;
  }();
  return iterator.get();
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// No news sentence runs to pages; text without sentence ends (a scraped table, a 50 MB
// line) is cut into pieces of at most this many bytes, so that every per-sentence step —
// rule matching, clause scans, the quote each claim keeps — stays bounded and extraction
// stays linear in the input.
constexpr std::size_t kMaxSentenceBytes = 4096;

// Where to cut an over-long span before `limit`: after the last "; " or ", ", else the last
// space, else the last UTF-8 character start.
std::size_t CutPoint(std::string_view text, std::size_t begin, std::size_t limit) {
  const std::string_view window = text.substr(begin, limit - begin);
  for (std::string_view mark : {"; ", ", ", " "}) {
    std::size_t at = window.rfind(mark);
    if (at != std::string_view::npos && at > 0) return begin + at + mark.size();
  }
  std::size_t cut = limit;
  while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

void AddTrimmed(std::string_view text, std::size_t begin, std::size_t end,
                std::vector<Sentence>& sentences) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  while (end - begin > kMaxSentenceBytes) {
    std::size_t cut = CutPoint(text, begin, begin + kMaxSentenceBytes);
    AddTrimmed(text, begin, cut, sentences);
    begin = cut;
    while (begin < end && IsSpace(text[begin])) ++begin;
  }
  if (begin < end) sentences.push_back(Sentence{Span{begin, end}});
}

// True when [begin, end) ends with initials ("E.F.", "J.K.", or "T." after a capitalized
// word, as in "Martin T.") and the text goes on, on the same line, with a capital: the
// period is part of a name ("E.F. Hutton"), not a sentence end. "D.C." ends sentences.
bool EndsInsideName(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t stop = end;
  while (stop > begin && IsSpace(text[stop - 1])) {
    if (text[stop - 1] == '\n') return false;
    --stop;
  }
  if (stop == end || stop <= begin || text[stop - 1] != '.') return false;
  if (end >= text.size() || !std::isupper(static_cast<unsigned char>(text[end]))) return false;
  std::size_t start = stop;
  while (start > begin && !IsSpace(text[start - 1])) --start;
  const std::string_view token = text.substr(start, stop - start);
  if (token == "D.C." || std::find(kNewsAbbreviations.begin(), kNewsAbbreviations.end(), token) != kNewsAbbreviations.end()) {
    return false;  // ICU's own list decides those
  }
  std::size_t letters = 0;
  for (std::size_t i = 0; i < token.size(); i += 2) {
    if (i + 1 >= token.size() || !std::isupper(static_cast<unsigned char>(token[i])) || token[i + 1] != '.') return false;
    ++letters;
  }
  if (letters >= 2) return true;
  // One initial: after a capitalized word ("Martin T."), not after a sentence's last word.
  std::size_t previous = start;
  while (previous > begin && text[previous - 1] == ' ') --previous;
  std::size_t word = previous;
  while (word > begin && std::isalpha(static_cast<unsigned char>(text[word - 1]))) --word;
  return previous > word && previous - word >= 2 && std::isupper(static_cast<unsigned char>(text[word])) &&
         (word == begin || text[word - 1] == ' ');
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  icu::BreakIterator* iterator = ThreadSentenceIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (iterator == nullptr || U_FAILURE(status)) {
    // ICU data missing: fall back to one sentence per line rather than failing the article.
    if (utext != nullptr) utext_close(utext);
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        AddTrimmed(text, begin, i, sentences);
        begin = i + 1;
      }
    }
    return sentences;
  }
  iterator->setText(utext, status);
  int32_t begin = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
    // ICU breaks after initials before a capital ("E.F. Hutton"): the name goes on.
    if (EndsInsideName(text, static_cast<std::size_t>(begin), static_cast<std::size_t>(end))) continue;
    AddTrimmed(text, static_cast<std::size_t>(begin), static_cast<std::size_t>(end), sentences);
    begin = end;
  }
  if (static_cast<std::size_t>(begin) < text.size()) {
    AddTrimmed(text, static_cast<std::size_t>(begin), text.size(), sentences);
  }
  // The iterator keeps a pointer to the UText; detach it before closing.
  icu::UnicodeString empty;
  iterator->setText(empty);
  utext_close(utext);
  return sentences;
}

}  // namespace concord::extract
