#pragma once
// The summary audit's figure check: every number, year, weekday and month a summary writes
// must be written in a source too. Works on the texts alone, so it also sees the figures no
// recognizer or claim takes ("an 87-year-old", "a 76-71 defeat", "the 70th anniversary").

#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::reconcile {

// One figure as a text writes it.
struct WrittenFigure {
  enum class Kind { kNumber, kWeekday, kMonth, kRelative };
  Kind kind = Kind::kNumber;
  extract::Span span;     // byte offsets in the text
  double value = 0;       // as written: 260 for "260m", 87 for "87-year-old", 12 for "a dozen"
  double scaled = 0;      // with its scale word: 2.6e8 for "260m"; == value without one
  double step = 1;        // the rounding the text shows, in `scaled` units: 1e5 for "1.2m"
  bool hedged = false;    // "about", "nearly", "more than" … before it
  std::string word;       // weekday, month or relative day ("next month"), lowercased; empty for numbers
  std::string unit;       // the word after a number, lowercased and singular ("year", "%")
  bool operator==(const WrittenFigure&) const = default;
};

// Figures a summary states, strictly read: a number word counts only before a noun it counts
// ("six people", not "one of"), and names that hold a number ("the A55", "Formula One",
// "Covid-19", "number eight") are not figures. Text order.
std::vector<WrittenFigure> FiguresStated(std::string_view text);

// Figures a source writes, loosely read (every number, number word and ordinal), so that a
// summary's figure is not called unsupported for want of a reading.
std::vector<WrittenFigure> FiguresWritten(std::string_view text);

// A summary figure with no source figure of the same value (within the rounding and hedge the
// summary shows) or the same weekday or month.
struct UngroundedFigure {
  WrittenFigure figure;
  std::string text;    // the figure as the summary writes it
  std::string detail;  // one line for a reader: "no source states 87 (year)"
  bool operator==(const UngroundedFigure&) const = default;
};

// A source as the check reads it: its text, and the dates its text resolves to (a "Monday"
// the summary writes as "2 March"), with its published day among them.
struct SourceFigures {
  std::string_view text;
  std::vector<extract::DateValue> dates;  // resolved (start, end ISO), any precision
  std::string published;                  // the source's published day (ISO), or empty
};

// The summary's stated figures that `sources` do not write, in the summary's text order.
std::vector<UngroundedFigure> UngroundedFigures(std::string_view summary, const std::vector<SourceFigures>& sources);

}  // namespace concord::reconcile
