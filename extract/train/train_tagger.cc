// concord_train_tagger: trains the part-of-speech model (extract/pos_tagger.h) on a CoNLL-U
// file and scores it on another.
//
//   concord_train_tagger --train DEV.conllu [--test TEST.conllu] [--out MODEL] [--iterations N]
//                        [--min-weight W] [--min-accuracy A] [--check MODEL]
//
// Deterministic: the same treebank gives the same model text byte for byte. --check compares
// the trained model with a committed one (exit 1 when they differ); --min-accuracy fails
// (exit 1) when the test accuracy falls below it. Exit 2 on a usage or read error, 77 when the
// training file does not exist (ctest reads it as "skipped").

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/pos_tagger.h"

namespace pos = concord::extract::pos;

namespace {

struct Score {
  std::size_t right = 0, total = 0, confident = 0, confident_right = 0;
};

Score Evaluate(const pos::Tagger& tagger, const std::vector<pos::TrainingSentence>& sentences, float margin) {
  Score score;
  std::vector<std::string_view> words;
  std::vector<pos::Tagged> tags;
  for (const auto& sentence : sentences) {
    words.assign(sentence.words.begin(), sentence.words.end());
    tagger.Tag(words, tags);
    for (std::size_t i = 0; i < tags.size(); ++i) {
      const bool right = tags[i].tag == sentence.tags[i];
      score.right += right;
      ++score.total;
      if (tags[i].margin >= margin) {
        ++score.confident;
        score.confident_right += right;
      }
    }
  }
  return score;
}

}  // namespace

int main(int argc, char** argv) {
  std::string train, test, out, check;
  int iterations = 10;
  double min_weight = 0.5, min_accuracy = 0;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--train") train = value();
    else if (arg == "--test") test = value();
    else if (arg == "--out") out = value();
    else if (arg == "--check") check = value();
    else if (arg == "--iterations") iterations = std::atoi(value().c_str());
    else if (arg == "--min-weight") min_weight = std::atof(value().c_str());
    else if (arg == "--min-accuracy") min_accuracy = std::atof(value().c_str());
    else {
      std::fprintf(stderr, "usage: concord_train_tagger --train DEV.conllu [--test TEST.conllu] [--out MODEL]\n"
                           "       [--iterations N] [--min-weight W] [--min-accuracy A] [--check MODEL]\n");
      return 2;
    }
  }
  if (train.empty() || iterations < 1) {
    std::fprintf(stderr, "concord_train_tagger: --train is required\n");
    return 2;
  }
  if (!std::filesystem::exists(train)) {
    std::fprintf(stderr, "concord_train_tagger: %s does not exist: skipped\n", train.c_str());
    return 77;
  }
  std::vector<pos::TrainingSentence> training, testing;
  std::string error;
  if (!pos::ReadConllu(train, training, error) || (!test.empty() && !pos::ReadConllu(test, testing, error))) {
    std::fprintf(stderr, "concord_train_tagger: %s\n", error.c_str());
    return 2;
  }
  const std::string model = pos::Train(training, iterations, min_weight);
  pos::Tagger tagger(model);
  std::size_t tokens = 0;
  for (const auto& s : training) tokens += s.words.size();
  std::printf("trained on %zu sentences, %zu tokens: %zu features kept, %zu bytes\n", training.size(), tokens,
              tagger.features(), model.size());
  int status = 0;
  if (!testing.empty()) {
    for (float margin : {0.0f, 2.0f, 5.0f, 10.0f, 20.0f}) {
      Score s = Evaluate(tagger, testing, margin);
      if (margin == 0) {
        std::printf("test accuracy %.4f (%zu of %zu tokens)\n", double(s.right) / double(s.total), s.right, s.total);
        if (double(s.right) / double(s.total) < min_accuracy) {
          std::printf("FAIL: below --min-accuracy %.4f\n", min_accuracy);
          status = 1;
        }
      } else {
        std::printf("  margin >= %.0f: %.3f of tokens, accuracy %.4f\n", double(margin),
                    double(s.confident) / double(s.total), double(s.confident_right) / double(s.confident));
      }
    }
  }
  if (!out.empty()) {
    std::ofstream file(out, std::ios::binary);
    file << model;
    if (!file) {
      std::fprintf(stderr, "concord_train_tagger: cannot write %s\n", out.c_str());
      return 2;
    }
  }
  if (!check.empty()) {
    std::ifstream file(check, std::ios::binary);
    std::stringstream committed;
    committed << file.rdbuf();
    if (!file || committed.str() != model) {
      std::printf("FAIL: the model trained differs from %s (retrain: see extract/data/README.md)\n", check.c_str());
      status = 1;
    } else {
      std::printf("the model trained is %s byte for byte\n", check.c_str());
    }
  }
  return status;
}
