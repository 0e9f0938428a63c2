// Choosing the backend for a --db target (database.h).

#include "reconcile/store/database.h"

#include "reconcile/store/database_backends.h"

namespace concord::reconcile::sql {

bool Connection::IsPostgresTarget(std::string_view target) {
  return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

std::string Connection::Display(std::string_view target) {
  std::string shown(target);
  if (!IsPostgresTarget(target)) return shown;
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  const std::size_t scheme = shown.find("://") + 3;
  const std::size_t at = shown.find('@', scheme);
  if (at != std::string::npos) {
    const std::size_t colon = shown.find(':', scheme);
    if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
  }
  // ...?password=secret&... -> password=***
  for (std::size_t at_key = shown.find("password="); at_key != std::string::npos;
       at_key = shown.find("password=", at_key + 1)) {
    const std::size_t begin = at_key + 9;
    const std::size_t end = shown.find('&', begin);
    shown.replace(begin, (end == std::string::npos ? shown.size() : end) - begin, "***");
  }
  return shown;
}

std::unique_ptr<Connection> Connection::Open(const std::string& target, bool read_only, int wait_ms) {
  if (IsPostgresTarget(target)) return OpenPostgres(target, wait_ms);
  return OpenSqlite(target, read_only, wait_ms);
}

}  // namespace concord::reconcile::sql
