#pragma once
// What the concord command writes: human-readable text made safe for a terminal, names on
// stderr quoted when they hold control characters, and writes whose failure is reported
// (a full disk, /dev/full, a closed pipe) instead of ignored. Internal to tools/.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

#include "corpus/status.h"

namespace concord::tools {

// `text` with C0 and C1 control characters made visible, so that an article cannot drive the
// terminal that shows a report (`ESC ] 0 ; ... BEL` retitles it, `ESC [ 2 J` clears it).
// A C0 control becomes its Unicode control picture (ESC → ␛, U+241B), DEL ␡, a C1 control
// (U+0080..U+009F, CSI is U+009B) "⟨U+009B⟩" (no '<', which Markdown would read as HTML). Line feeds and tabs stay when `keep_lines`.
inline std::string Visible(std::string_view text, bool keep_lines = true) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (keep_lines && (byte == '\n' || byte == '\t')) {
      out += text[i];
    } else if (byte < 0x20) {
      // U+2400 + byte: E2 90 80+byte.
      out += "\xE2\x90";
      out += static_cast<char>(0x80 + byte);
    } else if (byte == 0x7F) {
      out += "\xE2\x90\xA1";
    } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      char picture[24];
      std::snprintf(picture, sizeof picture, "\u27E8U+%04X\u27E9", static_cast<unsigned char>(text[i + 1]));
      out += picture;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A name as stderr shows it: as is when it holds no control character; otherwise in double
// quotes with C escapes ("in/a\nb.txt"), so a file name with a line break cannot fake a
// second message line.
inline std::string QuotedName(std::string_view name) {
  bool plain = true;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x20 || byte == 0x7F || byte == '"' ||
        (byte == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) <= 0x9F &&
         static_cast<unsigned char>(name[i + 1]) >= 0x80)) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  // A C1 control (two bytes in UTF-8) left in the quoted name is made visible as well.
  return Visible(out + "\"", false);
}

// One line for stderr: "where: message", the place quoted when it needs it and the message
// with its control characters made visible (it may quote a name or a value from a file).
inline std::string StderrLine(const Status& status) {
  std::string message = Visible(status.message(), false);
  if (status.where().empty()) return message;
  return QuotedName(status.where()) + ": " + message;
}

// Writes all of `text` to `stream`; a failure (ENOSPC, EPIPE, EIO) is an environment error
// naming `what` ("standard output", the --out file) and the reason.
inline Status WriteAll(std::FILE* stream, std::string_view text, const std::string& what) {
  if (text.empty()) return Status::Ok();
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stream) != text.size() || std::ferror(stream)) {
    const int error = errno != 0 ? errno : EIO;
    return Status::Environment(what, "cannot write: " + std::system_category().message(error));
  }
  return Status::Ok();
}

// Flushes and closes `stream`, the last chance for buffered output to fail (a full disk shows
// itself here, at the flush). Closing standard output at the end of main() also catches what
// a write to a pipe or a file left buffered.
inline Status Close(std::FILE* stream, const std::string& what) {
  errno = 0;
  const bool flushed = std::fflush(stream) == 0 && !std::ferror(stream);
  int error = errno;
  const bool closed = std::fclose(stream) == 0;
  if (flushed && !closed) error = errno;
  if (flushed && closed) return Status::Ok();
  return Status::Environment(what, "cannot write: " + std::system_category().message(error != 0 ? error : EIO));
}

}  // namespace concord::tools
