#pragma once
// What an article says about its own dates (internal to normalize): the order its outlet
// writes numeric dates in, and the calendar dates it writes out in full. Normalize uses them
// to read the dates the text leaves open ("3/4/2019", a year-less "March 3") before
// ResolveDate places them.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "extract/extract.h"

namespace concord::normalize {

// True when the outlet writes numeric dates day first ("3/4/2019" is 3 April): its source name
// or its url's host (a known outlet, or a country domain) is in
// normalize/data/day_first_sources.tsv. US month-first is the default.
bool DayFirstSource(std::string_view source, std::string_view url);

class ArticleDates {
 public:
  // `mentions`: the article's mentions (the date ones are read), spans into article.text.
  ArticleDates(const corpus::Article& article, const std::vector<extract::Mention>& mentions);

  // `expr` as this article reads it at byte offset `at`:
  // - an ambiguous numeric date ("3/4/2019") day first when the outlet writes so; otherwise
  //   the one reading that lies within a week of the article's other dates (its published
  //   date and the days it writes out), flag "ambiguous" dropped; else unchanged (month first);
  // - a year-less date ("March 3", "the fifth of August", "Easter") given the year of the
  //   month or day written with a year nearest before it (not a boundary: "the lowest since
  //   June 2001"), the occurrence nearest that date, one before it counting three times its
  //   distance: when the article has no published date, or when every date it writes with a
  //   year lies two or more years from the published one and it places none from its
  //   published day ("today", "on Tuesday", a dateline "April 2": an article about 1987);
  //   otherwise unchanged (the published date and the tense place it).
  extract::DateExpr Steer(const extract::DateExpr& expr, std::size_t at) const;

 private:
  struct Written {
    std::size_t at = 0;         // byte offset of the mention
    std::int64_t first = 0;     // days since 1970-01-01
    std::int64_t last = 0;
  };
  bool day_first_ = false;
  bool steer_years_ = false;           // year-less dates follow the written dates
  std::vector<Written> written_;       // written-out calendar days and months, text order
  std::vector<std::int64_t> days_;     // days a numeric date may sit near (published, written)
};

}  // namespace concord::normalize
