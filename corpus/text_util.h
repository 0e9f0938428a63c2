#pragma once
// Internal to corpus/: byte-level helpers shared by the readers, the manifest parser and
// ListInputs. Not part of the stage's public header.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "corpus/status.h"

namespace concord::corpus::internal {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The whole file in one read. A failure names the file and strerror ("cannot read: ...").
Result<std::string> ReadWholeFile(const std::filesystem::path& path);

// Length of a leading UTF-8 BOM in `bytes` (0 or 3).
std::size_t BomLength(std::string_view bytes);

// `text` with CRLF and lone CR turned into LF.
std::string NormalizeNewlines(std::string_view text);

// True when `text` holds only ASCII whitespace (or nothing).
bool IsBlank(std::string_view text);

std::string_view Trim(std::string_view text);
std::string ToLower(std::string_view text);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);

// Appends the UTF-8 encoding of `code_point`; U+FFFD for NUL, surrogates and values past
// U+10FFFF (they cannot appear in valid text).
void AppendUtf8(std::uint32_t code_point, std::string& out);

// True when `value` starts with a URL scheme ("https://", "urn:..." is not one).
bool LooksLikeUrl(std::string_view value);

// The host of a URL, lower-cased and without a leading "www."; empty when there is none.
std::string UrlHost(std::string_view url);

}  // namespace concord::corpus::internal
