#pragma once
// Running the real concord binary on real folders (end-to-end tests).

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>
#include <string>

#include "testing.h"

namespace concord::testing {

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs `concord ARGS` through the shell in `dir`, capturing stdout and stderr.
inline Run Concord(const TempDir& dir, const std::string& args) {
  Run run;
  std::string command = "cd '" + dir.path().string() + "' && '" + std::string(CONCORD_BINARY) + "' " + args + " > out.txt 2> err.txt";
  int status = std::system(command.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(dir / "out.txt");
  run.err = ReadFile(dir / "err.txt");
  return run;
}

// The single integer `sql` gives on the SQLite store at `db`.
inline int Count(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database database(db.string());
  return database.execAndGet(sql).getInt();
}

}  // namespace concord::testing
