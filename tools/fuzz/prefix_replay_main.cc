// concord_pipeline_replay: the whole-pipeline fuzz target (pipeline_fuzzer.cc) without
// libFuzzer, for any compiler: a crash input saved by libFuzzer, or real articles as a smoke
// test of the extractor on every truncation of them.
//
//   concord_pipeline_replay FILE...              # run the fuzz checks on each file
//   concord_pipeline_replay --prefixes FILE...   # and on every prefix ending at a word boundary
//
// A file's front matter (a first line "---" up to the next "---" line) is left out, as the
// corpus readers do. Prints the number of executions; a failed check traps (exit by signal).
// Exit codes: 0 every check held, 2 usage or an unreadable file.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr int kExitUsage = 2;

std::string_view Body(std::string_view text) {
  if (text.substr(0, 4) != "---\n") return text;
  const std::size_t end = text.find("\n---\n", 3);
  return end == std::string_view::npos ? text : text.substr(end + 5);
}

void Run(std::string_view text) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

int main(int argc, char** argv) {
  bool prefixes = false;
  long executions = 0;
  int files = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--prefixes") {
      prefixes = true;
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "concord_pipeline_replay: %s: cannot read\n", argv[i]);
      return kExitUsage;
    }
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string_view body = Body(file);
    Run(body);
    ++executions;
    ++files;
    if (!prefixes) continue;
    // Every cut just before a space: a word's end, where a truncated article stops.
    for (std::size_t end = 1; end < body.size(); ++end) {
      if (IsSpace(body[end]) && !IsSpace(body[end - 1])) {
        Run(body.substr(0, end));
        ++executions;
      }
    }
  }
  if (files == 0) {
    std::fprintf(stderr, "usage: concord_pipeline_replay [--prefixes] FILE...\n");
    return kExitUsage;
  }
  std::printf("concord_pipeline_replay: %d files, %ld executions, every check held\n", files, executions);
  return 0;
}
