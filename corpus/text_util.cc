#include "corpus/text_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "corpus/corpus.h"

namespace concord::corpus {

// Hand-written rather than utf8proc_iterate: one pass with an 8-byte ASCII fast path, and the
// offset of the first bad sequence is exactly what the rejection message needs. Follows the
// well-formed byte sequences of Unicode 15 table 3-7, so overlongs (C0, C1, E0 80..9F,
// F0 80..8F), surrogates (ED A0..BF), values past U+10FFFF (F4 90.., F5..FF) and truncated
// sequences are all rejected at the offset of their first byte.
std::size_t FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < size) {
    if (i + sizeof(std::uint64_t) <= size) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if ((word & kHighBits) == 0) {
        i += sizeof word;
        continue;
      }
    }
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_low = 0xA0;   // overlong
      if (lead == 0xED) second_high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_low = 0x90;   // overlong
      if (lead == 0xF4) second_high = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + length > size) return i;
    if (bytes[i + 1] < second_low || bytes[i + 1] > second_high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

namespace internal {

namespace {
// Closes a file descriptor on every way out of ReadWholeFile.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// read(2) until `size` bytes or end of file; returns the count, or -1 with errno set.
ssize_t ReadFully(int fd, char* data, std::size_t size) {
  std::size_t filled = 0;
  while (filled < size) {
    const ssize_t got = ::read(fd, data + filled, size - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  return static_cast<ssize_t>(filled);
}
}  // namespace

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  auto failure = [&path](int error) {
    // std::system_category() rather than strerror(), which need not be thread-safe.
    return Status::InvalidInput(path.string(),
                                "cannot read: " + std::system_category().message(error));
  };
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return failure(errno);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return failure(errno);
  if (S_ISDIR(info.st_mode)) return failure(EISDIR);

  // One allocation of the size fstat reports and one read into it. A file that grew since,
  // or one that reports size 0 (procfs, pipes), is finished through a small buffer.
  std::string bytes(static_cast<std::size_t>(std::max<off_t>(info.st_size, 0)), '\0');
  const ssize_t got = ReadFully(file.get(), bytes.data(), bytes.size());
  if (got < 0) return failure(errno);
  bytes.resize(static_cast<std::size_t>(got));
  if (bytes.size() < static_cast<std::size_t>(info.st_size)) return bytes;  // it shrank
  constexpr std::size_t kChunk = 16 * 1024;
  char chunk[kChunk];
  while (true) {
    const ssize_t more = ReadFully(file.get(), chunk, kChunk);
    if (more < 0) return failure(errno);
    bytes.append(chunk, static_cast<std::size_t>(more));
    if (static_cast<std::size_t>(more) < kChunk) return bytes;
  }
}

std::size_t BomLength(std::string_view bytes) {
  return bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
}

std::string NormalizeNewlines(std::string_view text) {
  if (text.find('\r') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

namespace {
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool IsBlank(std::string_view text) { return std::all_of(text.begin(), text.end(), IsAsciiSpace); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[i]) != LowerAscii(prefix[i])) return false;
  }
  return true;
}

void AppendUtf8(std::uint32_t code_point, std::string& out) {
  constexpr std::uint32_t kReplacement = 0xFFFD;
  if (code_point == 0 || (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    code_point = kReplacement;
  }
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool LooksLikeUrl(std::string_view value) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by "://" (RFC 3986 §3.1).
  const std::size_t colon = value.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_alpha(value[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = value[i];
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

std::string UrlHost(std::string_view url) {
  url = Trim(url);
  if (!LooksLikeUrl(url)) return "";
  std::string_view rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    rest.remove_prefix(at + 1);
  }
  if (!rest.starts_with('[')) rest = rest.substr(0, rest.find(':'));  // drop the port
  std::string host = ToLower(rest);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

}  // namespace internal
}  // namespace concord::corpus
