// manifest.csv grammar: RFC 4180 CSV (comma-separated; a field may be "quoted", with "" for a
// quote and raw commas or line breaks inside), records ended by LF or CRLF, a UTF-8 BOM
// allowed at the start, blank lines ignored. The first record is the header; its columns are
// a subset, in any order, of
//   file,source,published,url,title,kind,derived_from
// and must include `file`. Every later record has exactly as many fields as the header.
// Values are trimmed; an empty value means "not given".

#include "corpus/manifest.h"

#include <array>
#include <optional>

#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

constexpr std::array<std::string_view, 7> kColumns = {"file",  "source", "published",   "url",
                                                      "title", "kind",   "derived_from"};

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

Status Malformed(const std::string& where, std::size_t line, const std::string& reason) {
  return Status::InvalidInput(where + ":" + std::to_string(line), "malformed manifest: " + reason);
}

// Splits `bytes` into records; the only errors are an unterminated quote and stray text
// after a closing quote.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view bytes, const std::string& where) {
  std::vector<CsvRecord> records;
  std::size_t i = BomLength(bytes);
  std::size_t line = 1;
  const std::size_t size = bytes.size();
  auto at_record_end = [&]() { return i >= size || bytes[i] == '\n' || bytes[i] == '\r'; };
  auto skip_line_end = [&]() {
    if (i < size && bytes[i] == '\r') ++i;
    if (i < size && bytes[i] == '\n') ++i;
    ++line;
  };
  while (i < size) {
    CsvRecord record;
    record.line = line;
    if (at_record_end()) {  // blank line
      skip_line_end();
      continue;
    }
    while (true) {
      std::string field;
      if (i < size && bytes[i] == '"') {
        const std::size_t quote_line = line;
        ++i;
        while (true) {
          if (i >= size) return Malformed(where, quote_line, "unterminated quoted field");
          const char c = bytes[i];
          if (c == '"') {
            if (i + 1 < size && bytes[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (!at_record_end() && bytes[i] != ',') {
          return Malformed(where, line, "unexpected text after a closing quote");
        }
      } else {
        const std::size_t start = i;
        while (!at_record_end() && bytes[i] != ',') ++i;
        field.assign(bytes.substr(start, i - start));
      }
      record.fields.push_back(std::move(field));
      if (i < size && bytes[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    records.push_back(std::move(record));
    if (i < size) skip_line_end();
  }
  return records;
}

std::string* Column(ManifestRow& row, std::string_view column) {
  ArticleMetadata& m = row.metadata;
  if (column == "file") return &row.file;
  if (column == "source") return &m.source;
  if (column == "published") return &m.published;
  if (column == "url") return &m.url;
  if (column == "title") return &m.title;
  if (column == "kind") return &m.kind;
  if (column == "derived_from") return &m.derived_from;
  return nullptr;
}

}  // namespace

Result<std::vector<ManifestRow>> ParseManifest(std::string_view bytes, const std::string& where) {
  if (const std::size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return Status::InvalidInput(where, "invalid UTF-8 at byte " + std::to_string(bad));
  }
  auto records = ParseCsv(bytes, where);
  if (!records.ok()) return records.status();
  if (records->empty()) return Malformed(where, 1, "no header");

  const CsvRecord& header = records->front();
  std::vector<std::string> columns;
  for (const std::string& raw : header.fields) {
    std::string column = ToLower(Trim(raw));
    bool known = false;
    for (std::string_view expected : kColumns) known = known || column == expected;
    if (!known) {
      return Malformed(where, header.line,
                       "unknown column '" + column +
                           "' (expected file,source,published,url,title,kind,derived_from)");
    }
    for (const std::string& seen : columns) {
      if (seen == column) return Malformed(where, header.line, "column '" + column + "' twice");
    }
    columns.push_back(std::move(column));
  }
  bool has_file = false;
  for (const std::string& column : columns) has_file = has_file || column == "file";
  if (!has_file) return Malformed(where, header.line, "the header has no 'file' column");

  std::vector<ManifestRow> rows;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    if (record.fields.size() != columns.size()) {
      return Malformed(where, record.line,
                       "expected " + std::to_string(columns.size()) + " fields, found " +
                           std::to_string(record.fields.size()));
    }
    ManifestRow row;
    row.line = record.line;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      *Column(row, columns[c]) = std::string(Trim(record.fields[c]));
    }
    if (row.file.empty()) return Malformed(where, record.line, "empty file name");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace concord::corpus::internal
