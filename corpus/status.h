#pragma once
// Status and Result<T>: how bad input and a failing environment travel between stages.
// Expected non-results (text that matches nothing) are std::optional, not a Status.

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace concord {

enum class StatusCode {
  kOk,
  kInvalidInput,    // the input is bad: a user fixes the file (exit code 3)
  kEnvironment,     // disk, database, permissions: a user fixes the machine (exit code 4)
  kUsage,           // the command line is wrong (exit code 2)
};

// What went wrong, phrased for the user who must act: "notes/q3.md: invalid UTF-8 at byte
// 1873". `where` names the file (or database), `message` the reason.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string where, std::string message) {
    return Status(StatusCode::kInvalidInput, std::move(where), std::move(message));
  }
  static Status Environment(std::string where, std::string message) {
    return Status(StatusCode::kEnvironment, std::move(where), std::move(message));
  }
  static Status Usage(std::string message) { return Status(StatusCode::kUsage, "", std::move(message)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }
  // "where: message", or just the message when there is no place to name.
  std::string ToString() const { return where_.empty() ? message_ : where_ + ": " + message_; }

 private:
  Status(StatusCode code, std::string where, std::string message)
      : code_(code), where_(std::move(where)), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string where_;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, `return value;`
  Result(Status status) : status_(std::move(status)) {  // NOLINT: `return status;`
    assert(!status_.ok() && "a Result without a value needs a failing Status");
  }
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace concord
