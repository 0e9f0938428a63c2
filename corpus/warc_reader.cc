// WARC reading: a record parser over a byte stream that is the file itself or its gzip
// members inflated one after another.
//
// Why zlib and our own header parser rather than libarchive (which reads WARC and gzip):
//  - the issue asks that a truncated or corrupt record be named with its offset and skipped,
//    and the rest read. libarchive's WARC reader stops at the first bad header or bad gzip
//    member (ARCHIVE_FATAL) and does not say where the record began; here corrupt gzip data
//    resynchronises at the next gzip member, and a bad header at the next "WARC/" line;
//  - WARC's header format is small (a version line, "Name: value" lines, a blank line, then
//    Content-Length bytes and CRLF CRLF), and only response records with HTML matter;
//  - zlib (zlib1g) is already on every Debian system and on the project's list; libarchive
//    would add a library and its compression back ends for one format.
//
// Record layout (ISO 28500):
//   WARC/1.1 CRLF  (named-field CRLF)*  CRLF  block[Content-Length]  CRLF CRLF
// A response block for http(s) is an HTTP response: status line, headers, blank line, body.

#include "corpus/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChunk = 1 << 16;                   // bytes read from the file at a time
constexpr std::size_t kMaxHeaderLine = 1 << 16;           // longer WARC or HTTP header lines are corrupt
constexpr std::uint64_t kMaxHtmlRecord = 64ULL << 20;     // response blocks past this are skipped
constexpr std::string_view kGzipMagic = "\x1F\x8B\x08";

// The bytes of the WARC file as a stream: the file, or its gzip members inflated in turn.
class Source {
 public:
  Source(std::ifstream file, bool gzip) : file_(std::move(file)), gzip_(gzip) {
    if (gzip_) {
      stream_ = std::make_unique<z_stream>();
      inflateInit2(stream_.get(), 16 + MAX_WBITS);  // 16: gzip wrapper only
    }
  }
  ~Source() {
    if (stream_) inflateEnd(stream_.get());
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  // The offset a record starting at the next unread byte is named by: its byte in a plain
  // file; the start of the gzip member holding it in a .warc.gz.
  std::uint64_t Offset() {
    if (!gzip_) return plain_offset_ + position_;
    Fill();
    return output_member_;
  }

  // A line without its CRLF or LF; nullopt at the end of the stream (or on an error, which
  // error() then says). A line longer than `kMaxHeaderLine` is cut there.
  std::optional<std::string> ReadLine() {
    std::string line;
    while (true) {
      if (!Fill()) {
        if (line.empty()) return std::nullopt;
        return line;  // the last line, without a line end
      }
      const std::string_view available = std::string_view(buffer_).substr(position_);
      const std::size_t newline = available.find('\n');
      const std::size_t take = newline == std::string_view::npos ? available.size() : newline;
      if (line.size() < kMaxHeaderLine) line.append(available.substr(0, std::min(take, kMaxHeaderLine)));
      Consume(newline == std::string_view::npos ? take : take + 1);
      if (newline != std::string_view::npos) break;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }

  // Appends up to `count` bytes to `out` (nullptr: discards them); returns how many there were.
  std::uint64_t Read(std::uint64_t count, std::string* out) {
    std::uint64_t done = 0;
    while (done < count && Fill()) {
      const std::size_t take = static_cast<std::size_t>(
          std::min<std::uint64_t>(count - done, buffer_.size() - position_));
      if (out != nullptr) out->append(buffer_, position_, take);
      Consume(take);
      done += take;
    }
    return done;
  }

  const std::string& error() const { return error_; }
  // The gzip member the error is in.
  std::uint64_t error_offset() const { return failed_member_; }

  // After corrupt gzip data: drops what is buffered and restarts at the next gzip member
  // after the one that failed. Returns false when there is none.
  bool Resync() {
    error_.clear();
    buffer_.clear();
    position_ = 0;
    std::uint64_t from = failed_member_ + 1;
    std::string window;
    while (true) {
      file_.clear();
      file_.seekg(static_cast<std::streamoff>(from));
      window.assign(kChunk, '\0');
      file_.read(window.data(), static_cast<std::streamsize>(window.size()));
      window.resize(static_cast<std::size_t>(file_.gcount()));
      if (window.size() < kGzipMagic.size()) break;
      if (const std::size_t at = window.find(kGzipMagic); at != std::string::npos) {
        StartMember(from + at);
        return true;
      }
      from += window.size() - (kGzipMagic.size() - 1);
    }
    at_end_ = true;
    return false;
  }

 private:
  void Consume(std::size_t count) { position_ += count; }

  // Makes unread bytes available; false at the end of the stream or on an error.
  bool Fill() {
    if (position_ < buffer_.size()) return true;
    if (!error_.empty() || at_end_) return false;
    if (!gzip_) {
      plain_offset_ += buffer_.size();
      buffer_.assign(kChunk, '\0');
      position_ = 0;
      file_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
      buffer_.resize(static_cast<std::size_t>(file_.gcount()));
      if (buffer_.empty()) at_end_ = true;
      return !buffer_.empty();
    }
    return Inflate();
  }

  void StartMember(std::uint64_t offset) {
    inflateReset(stream_.get());
    input_.clear();
    stream_->next_in = nullptr;
    stream_->avail_in = 0;
    input_offset_ = offset;
    member_ = offset;
    member_started_ = false;
    file_.clear();
    file_.seekg(static_cast<std::streamoff>(offset));
    at_end_ = false;
  }

  // The file offset of the next compressed byte zlib has not taken.
  std::uint64_t InputPosition() const {
    return input_offset_ + (input_.size() - stream_->avail_in);
  }

  bool Inflate() {
    buffer_.clear();
    position_ = 0;
    output_member_ = member_;
    std::array<char, kChunk> out;
    while (buffer_.empty()) {
      if (stream_->avail_in == 0) {
        input_offset_ += input_.size();
        input_.assign(kChunk, '\0');
        file_.read(input_.data(), static_cast<std::streamsize>(input_.size()));
        input_.resize(static_cast<std::size_t>(file_.gcount()));
        stream_->next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_->avail_in = static_cast<uInt>(input_.size());
        if (input_.empty()) {
          at_end_ = true;
          if (member_started_) {
            failed_member_ = member_;
            error_ = "truncated gzip member";
          }
          return false;
        }
      }
      stream_->next_out = reinterpret_cast<Bytef*>(out.data());
      stream_->avail_out = static_cast<uInt>(out.size());
      output_member_ = member_;  // buffer_ is empty: what inflate gives now is this member's
      member_started_ = true;
      const int result = inflate(stream_.get(), Z_NO_FLUSH);
      buffer_.append(out.data(), out.size() - stream_->avail_out);
      if (result == Z_STREAM_END) {
        // The next member starts where this one's trailer ended; bytes past it (padding)
        // that are not a gzip header end the stream.
        const std::uint64_t next = InputPosition();
        const std::size_t used = input_.size() - stream_->avail_in;
        std::string rest = input_.substr(used);
        const std::uint64_t rest_offset = next;
        inflateReset(stream_.get());
        input_ = std::move(rest);
        input_offset_ = rest_offset;
        stream_->next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_->avail_in = static_cast<uInt>(input_.size());
        member_ = next;
        member_started_ = false;
        if (buffer_.empty()) continue;
        return true;
      }
      if (result != Z_OK && result != Z_BUF_ERROR) {
        failed_member_ = member_;
        error_ = std::string("corrupt gzip data (") +
                 (stream_->msg != nullptr ? stream_->msg : "zlib error " + std::to_string(result)) + ")";
        buffer_.clear();
        return false;
      }
    }
    return true;
  }

  std::ifstream file_;
  bool gzip_;
  std::string buffer_;   // unread bytes are buffer_[position_..]
  std::size_t position_ = 0;
  bool at_end_ = false;
  std::string error_;
  // Plain files: the file offset of buffer_[0].
  std::uint64_t plain_offset_ = 0;
  // Gzip: compressed input, the file offset of input_[0], the member being inflated, the
  // member buffer_ came from, and the one that failed.
  std::unique_ptr<z_stream> stream_;
  std::string input_;
  std::uint64_t input_offset_ = 0;
  std::uint64_t member_ = 0;
  std::uint64_t output_member_ = 0;
  std::uint64_t failed_member_ = 0;
  bool member_started_ = false;
};

// "Name: value" header lines, names compared without case.
struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;  // lower-case name, trimmed value

  void Add(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    fields.emplace_back(ToLower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  std::string_view Get(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return value;
    }
    return {};
  }
};

std::optional<std::uint64_t> ParseLength(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// The value of `charset=` in a Content-Type, lower-cased; empty when there is none.
std::string CharsetOf(std::string_view content_type) {
  const std::string lower = ToLower(content_type);
  const std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::string_view value = std::string_view(lower).substr(at + 8);
  value = value.substr(0, value.find(';'));
  value = Trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

// Windows-1252 (which browsers use for ISO-8859-1 and US-ASCII labels too) to UTF-8.
std::string Windows1252ToUtf8(std::string_view bytes) {
  // 0x80..0x9F; 0 marks the five bytes Windows-1252 leaves undefined (kept as C1 controls).
  constexpr std::array<std::uint16_t, 32> kHigh = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else if (byte < 0xA0 && kHigh[byte - 0x80] != 0) {
      AppendUtf8(kHigh[byte - 0x80], out);
    } else {
      AppendUtf8(byte, out);
    }
  }
  return out;
}

// Decodes a chunked HTTP body; nullopt when it is not well-formed chunks.
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  std::size_t i = 0;
  while (true) {
    const std::size_t line_end = body.find('\n', i);
    if (line_end == std::string_view::npos) return std::nullopt;
    std::string_view size_text = Trim(body.substr(i, line_end - i));
    size_text = size_text.substr(0, size_text.find(';'));
    if (size_text.empty() || size_text.size() > 12) return std::nullopt;
    std::uint64_t size = 0;
    for (char c : size_text) {
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return std::nullopt;
      size = size * 16 + static_cast<std::uint64_t>(digit);
    }
    i = line_end + 1;
    if (size == 0) return out;
    if (i + size > body.size()) return std::nullopt;
    out.append(body.substr(i, static_cast<std::size_t>(size)));
    i += static_cast<std::size_t>(size);
    if (body.substr(i).starts_with("\r\n")) i += 2;
    else if (body.substr(i).starts_with("\n")) i += 1;
  }
}

// Inflates a gzip or zlib ("deflate") HTTP body; nullopt when it is corrupt.
std::optional<std::string> InflateBody(std::string_view body) {
  z_stream stream{};
  if (inflateInit2(&stream, 32 + MAX_WBITS) != Z_OK) return std::nullopt;  // 32: gzip or zlib
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  std::string out;
  std::array<char, kChunk> chunk;
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
    if (out.size() > kMaxHtmlRecord) result = Z_MEM_ERROR;
    if (result == Z_BUF_ERROR && stream.avail_in == 0) break;
  }
  inflateEnd(&stream);
  if (result != Z_STREAM_END && result != Z_BUF_ERROR) return std::nullopt;
  return out;
}

class WarcReader {
 public:
  WarcReader(Source& source, std::string where, const std::function<void(RawArticle)>& on_article,
             std::vector<Status>& rejections)
      : source_(source), where_(std::move(where)), on_article_(on_article), rejections_(rejections) {}

  void ReadAll() {
    while (true) {
      const std::uint64_t offset = source_.Offset();
      std::optional<std::string> line = source_.ReadLine();
      if (!line) {
        if (!ReportStreamError()) return;
        continue;
      }
      if (IsBlank(*line)) continue;  // the CRLF CRLF after a block
      if (line->starts_with("WARC/")) {
        record_offset_ = offset;
        skipping_ = false;
        if (!ReadRecord()) return;
        continue;
      }
      // Not a record: skip to the next "WARC/" line, complaining once.
      if (!skipping_) {
        record_offset_ = offset;
        Reject("not a WARC record (expected a \"WARC/1.x\" line)");
        skipping_ = true;
      }
    }
  }

 private:
  // Reads one record after its version line; false when the stream has ended for good.
  bool ReadRecord() {
    Headers headers;
    while (true) {
      std::optional<std::string> line = source_.ReadLine();
      if (!line) {
        Reject("truncated record (the header does not end)");
        return ReportStreamError(/*already_rejected=*/true);
      }
      if (line->empty()) break;
      headers.Add(*line);
    }
    const std::optional<std::uint64_t> length = ParseLength(headers.Get("content-length"));
    if (!length) {
      Reject("record without a valid Content-Length");
      skipping_ = true;  // the block cannot be measured: look for the next record
      return true;
    }
    const std::string type = ToLower(headers.Get("warc-type"));
    const bool wanted = type == "response" && *length <= kMaxHtmlRecord;
    std::string block;
    const std::uint64_t got = source_.Read(*length, wanted ? &block : nullptr);
    if (got < *length) {
      Reject("truncated record (" + std::to_string(got) + " of " + std::to_string(*length) +
             " bytes)");
      return ReportStreamError(/*already_rejected=*/true);
    }
    if (wanted) Response(headers, block);
    return true;
  }

  // After the stream stopped: at its end, false; after corrupt gzip data, names it (unless
  // the record was already named, or the reader is skipping what follows an earlier error)
  // and goes on at the next gzip member.
  bool ReportStreamError(bool already_rejected = false) {
    if (source_.error().empty()) return false;
    if (already_rejected) {
      Status& last = rejections_.back();
      last = Status::InvalidInput(last.where(), last.message() + ": " + source_.error());
    } else if (!skipping_) {
      record_offset_ = source_.error_offset();
      Reject(source_.error());
    }
    skipping_ = true;  // a gzip header found by scanning may be a false one: stay quiet
    return source_.Resync();
  }

  void Response(const Headers& warc, const std::string& block) {
    // HTTP status line and headers.
    std::size_t header_end = block.find("\r\n\r\n");
    std::size_t body_start = header_end == std::string::npos ? std::string::npos : header_end + 4;
    if (header_end == std::string::npos) {
      header_end = block.find("\n\n");
      body_start = header_end == std::string::npos ? std::string::npos : header_end + 2;
    }
    if (!block.starts_with("HTTP/") || body_start == std::string::npos) return;  // not HTTP
    const std::string_view head = std::string_view(block).substr(0, header_end);
    const std::size_t first_end = head.find('\n');
    const std::string_view status_line = head.substr(0, first_end);
    const std::size_t space = status_line.find(' ');
    if (space == std::string_view::npos || status_line.substr(space + 1, 1) != "2") return;
    Headers http;
    for (std::size_t at = first_end; at != std::string_view::npos && at < head.size();) {
      const std::size_t next = head.find('\n', at + 1);
      http.Add(Trim(head.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1)));
      at = next;
    }
    const std::string content_type = ToLower(http.Get("content-type"));
    if (content_type.find("html") == std::string::npos) return;  // not a page

    std::string body = block.substr(body_start);
    if (ToLower(http.Get("transfer-encoding")).find("chunked") != std::string::npos) {
      std::optional<std::string> dechunked = Dechunk(body);
      if (!dechunked) return Reject("HTTP body is not in the chunks its header announces");
      body = std::move(*dechunked);
    }
    const std::string encoding = ToLower(Trim(http.Get("content-encoding")));
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
      std::optional<std::string> inflated = InflateBody(body);
      if (!inflated) return Reject("corrupt " + encoding + " HTTP body");
      body = std::move(*inflated);
    } else if (!encoding.empty() && encoding != "identity") {
      return Reject("HTTP Content-Encoding " + encoding + " is not supported");
    }
    if (!ToUtf8(content_type, body)) return;

    const std::string where = Where();
    ReaderOutput output = ReadHtml(body, where);
    for (Status& rejection : output.rejections) rejections_.push_back(std::move(rejection));
    for (RawArticle& article : output.articles) {
      article.metadata.url = std::string(warc.Get("warc-target-uri"));
      if (IsBlank(article.metadata.published)) {
        article.metadata.published = std::string(warc.Get("warc-date"));
      }
      std::string_view id = Trim(warc.Get("warc-record-id"));
      if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
      article.suffix = id.empty() ? "#@" + std::to_string(record_offset_) : "#" + std::string(id);
      on_article_(std::move(article));
    }
  }

  // Pages in UTF-8 pass as they are; Windows-1252 (and its ISO-8859-1 and ASCII labels, and
  // undeclared pages that are not UTF-8) is converted; other charsets are rejected.
  bool ToUtf8(const std::string& content_type, std::string& body) {
    std::string charset = CharsetOf(content_type);
    if (charset.empty()) charset = CharsetOf(MetaCharset(body));
    if (const std::size_t nul = body.find('\0'); nul != std::string::npos) {
      Reject("binary HTTP body (NUL byte at offset " + std::to_string(nul) + " of the body)");
      return false;
    }
    const bool valid = FindInvalidUtf8(body) == std::string::npos;
    if (valid && (charset.empty() || charset == "utf-8" || charset == "utf8" ||
                  charset == "us-ascii" || charset == "ascii")) {
      return true;
    }
    constexpr std::array<std::string_view, 8> kWestern = {
        "", "windows-1252", "cp1252", "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii"};
    if (std::find(kWestern.begin(), kWestern.end(), charset) != kWestern.end()) {
      body = Windows1252ToUtf8(body);
      return true;
    }
    if (valid) return true;  // declared otherwise, but it is UTF-8
    Reject("page in charset " + charset + " (only UTF-8 and Windows-1252 pages are read)");
    return false;
  }

  // <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=..."> in
  // the first kilobytes, as a Content-Type-like string.
  static std::string MetaCharset(std::string_view body) {
    constexpr std::size_t kPrescan = 4096;
    const std::string head = ToLower(body.substr(0, kPrescan));
    const std::size_t at = head.find("charset=");
    if (at == std::string::npos) return {};
    std::size_t end = at + 8;
    if (end < head.size() && (head[end] == '"' || head[end] == '\'')) ++end;
    while (end < head.size() && head[end] != '"' && head[end] != '\'' && head[end] != '>' &&
           head[end] != ' ' && head[end] != ';' && head[end] != '/') {
      ++end;
    }
    return head.substr(at, end - at);
  }

  std::string Where() const { return where_ + "@" + std::to_string(record_offset_); }
  void Reject(const std::string& message) {
    rejections_.push_back(Status::InvalidInput(Where(), message));
  }

  Source& source_;
  std::string where_;
  const std::function<void(RawArticle)>& on_article_;
  std::vector<Status>& rejections_;
  std::uint64_t record_offset_ = 0;
  bool skipping_ = false;  // after an error, until the next "WARC/" line
};

}  // namespace

bool IsWarcFile(const fs::path& path) {
  const std::string name = ToLower(path.filename().string());
  return name.ends_with(".warc") || name.ends_with(".warc.gz");
}

void ReadWarc(const fs::path& path, const std::string& where,
              const std::function<void(RawArticle)>& on_article, std::vector<Status>& rejections) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    rejections.push_back(Status::InvalidInput(where, "cannot read: " + std::string(std::strerror(errno))));
    return;
  }
  Source source(std::move(file), ToLower(path.filename().string()).ends_with(".gz"));
  WarcReader(source, where, on_article, rejections).ReadAll();
}

}  // namespace concord::corpus::internal
