// concord_recognizers_replay: the fuzz target without libFuzzer, for any compiler.
//
//   concord_recognizers_replay FILE...          # run the fuzz checks on each file (a crash
//                                               # input saved by libFuzzer, a corpus)
//   concord_recognizers_replay --time FILE...   # time the recognizers alone on the files
//
// --time reads every file into memory first, then runs over each, and reports the CPU time of
// each loop (a human line and a STATS line in the format of ../shared/peers, on stderr):
// extract::FindAmounts (the money and percent recognizer alone), then extract::FindQuantities
// (money, percent, count, date and duration recognizers merged, as the pipeline runs them,
// without sentences, entities or claims). Exit codes: 0 done, 2 usage or an
// unreadable file.

#include <sys/resource.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr int kExitUsage = 2;
constexpr double kMicro = 1e-6;
constexpr double kBytesPerMb = 1e6;  // as ../shared/peers counts

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * kMicro;
}

bool Read(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  const bool time = !paths.empty() && paths.front() == "--time";
  if (time) paths.erase(paths.begin());
  if (paths.empty()) {
    std::cerr << "usage: concord_recognizers_replay [--time] FILE...\n";
    return kExitUsage;
  }
  std::vector<std::string> texts(paths.size());
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (!Read(paths[i], &texts[i])) {
      std::cerr << "concord_recognizers_replay: cannot read " << paths[i] << "\n";
      return kExitUsage;
    }
    bytes += texts[i].size();
  }
  if (!time) {
    for (const std::string& text : texts)
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    std::cerr << "replayed " << texts.size() << " inputs, " << bytes << " bytes: no property failed\n";
    return 0;
  }
  // One call first: the recognizers compile their patterns once per thread.
  const double init_start = CpuSeconds();
  (void)concord::extract::FindQuantities("warm-up: $1 on 1 May 2024");
  (void)concord::extract::FindAmounts("warm-up: $1");
  const double init_seconds = CpuSeconds() - init_start;
  const auto timed = [&](const char* tool, const char* what, auto find) {
    const double start = CpuSeconds();
    std::size_t mentions = 0;
    for (const std::string& text : texts) mentions += find(text).size();
    const double seconds = CpuSeconds() - start;
    const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / kBytesPerMb / seconds : 0;
    const double articles_per_s = seconds > 0 ? static_cast<double>(texts.size()) / seconds : 0;
    std::fprintf(stderr, "%s: %zu files, %zu bytes, %zu mentions, init %.3fs, cpu %.3fs, %.2f MB/s, %.1f articles/s\n",
                 what, texts.size(), bytes, mentions, init_seconds, seconds, mb_per_s, articles_per_s);
    std::fprintf(stderr,
                 "STATS {\"tool\":\"%s\",\"bytes\":%zu,\"files\":%zu,\"entities\":%zu,"
                 "\"init_s\":%.3f,\"cpu_s\":%.3f,\"mb_per_s\":%.4f,\"articles_per_s\":%.1f}\n",
                 tool, bytes, texts.size(), mentions, init_seconds, seconds, mb_per_s, articles_per_s);
  };
  timed("concord-amounts", "money and percent recognizer (FindAmounts)",
        [](const std::string& text) { return concord::extract::FindAmounts(text); });
  timed("concord-quantities", "money, percent, count, date recognizers (FindQuantities)",
        [](const std::string& text) { return concord::extract::FindQuantities(text); });
  return 0;
}
