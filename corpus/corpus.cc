// Listing inputs, dispatching to the readers, and turning raw articles into Article records:
// metadata precedence, dates, kinds, derived_from ids, and the content hash.

#include "corpus/corpus.h"

#include <xxhash.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "corpus/manifest.h"
#include "corpus/readers.h"
#include "corpus/text_util.h"
#include "corpus/warc_reader.h"

namespace concord::corpus {
namespace {

namespace fs = std::filesystem;
using internal::RawArticle;
using internal::ReaderOutput;

// ---- Listing ----------------------------------------------------------------------------

bool IsHidden(const fs::path& path) { return path.filename().string().starts_with('.'); }
bool IsManifest(const fs::path& path) { return path.filename() == internal::kManifestName; }
// A folder's README (README.md, readme.txt, ...) describes the folder: it is not an article.
// corpus/demo/README.md quotes every planted disagreement; ingested, it would corroborate
// both sides of each as an "unknown" source.
bool IsReadme(const fs::path& path) { return internal::ToLower(path.stem().string()) == "readme"; }

// The canonical absolute form used for ids and manifest lookups; falls back to the absolute
// lexical form if the file system cannot answer (weakly_canonical fails only on I/O errors).
std::string CanonicalId(const fs::path& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(path, error);
  if (error) canonical = fs::absolute(path, error).lexically_normal();
  return canonical.string();
}

// derived_from as written (a URL, an article id, or a file name relative to `folder`) → the
// id of the article it names. A "#L<n>" or "#<n>" suffix naming one record of a JSON or JSON
// lines file is kept on the canonical path.
std::string ResolveDerivedFrom(std::string_view value, const fs::path& folder) {
  value = internal::Trim(value);
  if (value.empty() || internal::LooksLikeUrl(value)) return std::string(value);
  std::string_view suffix;
  if (const std::size_t hash = value.rfind('#'); hash != std::string_view::npos) {
    std::string_view number = value.substr(hash + 1);
    if (number.starts_with('L')) number.remove_prefix(1);
    if (!number.empty() &&
        std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      suffix = value.substr(hash);
      value = value.substr(0, hash);
    }
  }
  return CanonicalId(folder / fs::path(value)) + std::string(suffix);
}

// True when `path` (canonical) is `folder` (canonical) or lies under it.
bool IsUnder(const fs::path& path, const fs::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first == folder.end();
}

// What a symbolic link found while walking resolves to. A link is followed only when its
// target, resolved fully, stays under the folder given on the command line: a link out of it
// (`in/passwd.txt -> /etc/passwd`) would read what the user never handed over. A dangling link
// and a loop are inputs that cannot be read: rejections, named like any other.
enum class LinkTarget { kFile, kFolder, kOther, kRejected };

LinkTarget ResolveLink(const fs::path& link, const fs::path& root, std::vector<Status>& rejections) {
  std::error_code error;
  const fs::path target = fs::canonical(link, error);
  if (error) {
    std::error_code ignored;
    const fs::path written = fs::read_symlink(link, ignored);
    const bool loop = error == std::errc::too_many_symbolic_link_levels;
    rejections.push_back(Status::InvalidInput(
        link.string(), std::string(loop ? "symbolic link loop" : "dangling symbolic link") + " (-> " +
                           written.string() + "): " + error.message()));
    return LinkTarget::kRejected;
  }
  if (!IsUnder(target, root)) {
    rejections.push_back(Status::InvalidInput(
        link.string(), "symbolic link to " + target.string() + ", outside " + root.string() +
                           ": not followed (links are followed only within the folder given)"));
    return LinkTarget::kRejected;
  }
  const fs::file_status status = fs::status(target, error);
  if (fs::is_regular_file(status)) return LinkTarget::kFile;
  if (fs::is_directory(status)) return LinkTarget::kFolder;
  return LinkTarget::kOther;
}

// Files and manifests under one folder (hidden files and folders and READMEs left out; a
// README given as a root on its own is read). Each folder is read on its own, so one unreadable
// subfolder is a rejection and the rest of the tree is still listed. `root` is the canonical
// folder given on the command line: symbolic links are followed only to files under it
// (ResolveLink); a link to a folder under it is not walked again (that folder is walked
// already, and a link to an ancestor would loop).
//
// Each file comes with its id (CanonicalId): for a file that is not a link, the canonical folder
// (`canonical`, tracked down the walk) joined with its name, which is what weakly_canonical
// would answer without the system calls per path component it makes (6% of an ingest's time).
struct WalkedFile {
  fs::path path;
  std::string id;
  bool operator<(const WalkedFile& other) const { return path < other.path; }
};

void WalkFolder(const fs::path& folder, const fs::path& canonical, const fs::path& root,
                std::vector<WalkedFile>& files, std::vector<fs::path>& manifests, std::vector<Status>& rejections,
                bool& complete) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  std::vector<fs::path> subfolders;
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    const fs::path& path = entry.path();
    if (IsHidden(path)) continue;
    std::error_code type_error;
    bool regular = false;
    bool link = false;
    if (entry.is_symlink(type_error)) {
      regular = ResolveLink(path, root, rejections) == LinkTarget::kFile;
      link = true;
    } else if (entry.is_directory(type_error)) {
      subfolders.push_back(path);
    } else {
      regular = entry.is_regular_file(type_error);
    }
    if (!regular) continue;
    if (IsManifest(path)) {
      manifests.push_back(path);
    } else if (!IsReadme(path)) {
      files.push_back({path, link ? CanonicalId(path) : (canonical / path.filename()).string()});
    }
  }
  if (error) {
    complete = false;
    rejections.push_back(
        Status::InvalidInput(folder.string(), "cannot read folder: " + error.message()));
  }
  for (const fs::path& subfolder : subfolders) {
    WalkFolder(subfolder, canonical / subfolder.filename(), root, files, manifests, rejections, complete);
  }
}

// Manifest rows by the canonical path of the file they name. A deeper manifest wins over a
// shallower one for the same file; a malformed manifest contributes nothing.
std::map<std::string, ArticleMetadata> LoadManifests(std::vector<fs::path> manifests,
                                                     std::vector<Status>& rejections,
                                                     std::vector<Status>& warnings) {
  std::stable_sort(manifests.begin(), manifests.end(), [](const fs::path& a, const fs::path& b) {
    return std::distance(a.begin(), a.end()) < std::distance(b.begin(), b.end());
  });
  std::map<std::string, ArticleMetadata> by_file;
  for (const fs::path& manifest : manifests) {
    auto bytes = internal::ReadWholeFile(manifest);
    if (!bytes.ok()) {
      rejections.push_back(bytes.status());
      continue;
    }
    auto rows = internal::ParseManifest(*bytes, manifest.string());
    if (!rows.ok()) {
      rejections.push_back(rows.status());
      continue;
    }
    const fs::path folder = manifest.parent_path();
    std::set<std::string> seen_here;
    for (internal::ManifestRow& row : *rows) {
      std::string key = CanonicalId(folder / fs::path(row.file));
      if (!seen_here.insert(key).second) continue;  // the first row for a file wins
      // A row for a file that is not there is most often a renamed or deleted file: its
      // metadata reaches nothing, which the user should hear about.
      std::error_code missing;
      if (!fs::exists(folder / fs::path(row.file), missing)) {
        warnings.push_back(Status::InvalidInput(manifest.string() + ":" + std::to_string(row.line),
                                                "names " + row.file + ", which does not exist"));
      }
      // Resolved here, where the manifest's folder is known; ReadArticles sees an id.
      row.metadata.derived_from = ResolveDerivedFrom(row.metadata.derived_from, folder);
      by_file[std::move(key)] = std::move(row.metadata);
    }
  }
  return by_file;
}

// ---- Reading ----------------------------------------------------------------------------

// What ReadArticles knows about the file beyond its bytes.
struct Origin {
  std::string id;     // canonical path (or the name, for text from memory)
  std::string name;   // what reports show
  std::string where;  // what messages name: the path as listed
  fs::path folder;    // relative derived_from values are resolved against it
  ArticleMetadata manifest;
  bool stream = false;  // a line of an article stream: derived_from names an id, kept as written
};

enum class Format { kText, kJson, kJsonLines, kHtml, kUnknown };

Format FormatOf(std::string_view extension) {
  if (extension.starts_with('.')) extension.remove_prefix(1);
  const std::string lower = internal::ToLower(extension);
  if (lower == "txt" || lower == "md" || lower == "markdown" || lower == "text") {
    return Format::kText;
  }
  if (lower == "json") return Format::kJson;
  if (lower == "jsonl" || lower == "ndjson") return Format::kJsonLines;
  if (lower == "html" || lower == "htm") return Format::kHtml;
  return Format::kUnknown;
}

std::optional<ArticleKind> ParseKind(std::string_view value) {
  std::string lower = internal::ToLower(internal::Trim(value));
  std::replace(lower.begin(), lower.end(), '_', '-');
  std::replace(lower.begin(), lower.end(), ' ', '-');
  if (lower == "article") return ArticleKind::kArticle;
  if (lower == "summary") return ArticleKind::kSummary;
  if (lower == "press-release") return ArticleKind::kPressRelease;
  return std::nullopt;
}

}  // namespace

// Hashes the text and every metadata field that reaches the store, each followed by a NUL
// so that moving bytes from one field to the next changes the hash.
std::uint64_t ContentHash(const Article& article) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const std::string_view field :
       {std::string_view(article.text), std::string_view(article.title),
        std::string_view(article.source), std::string_view(article.url),
        std::string_view(article.published), std::string_view(KindName(article.kind)),
        std::string_view(article.derived_from)}) {
    XXH3_64bits_update(state, field.data(), field.size());
    XXH3_64bits_update(state, "", 1);
  }
  const std::uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
}

namespace {

// Metadata is text too: a NUL in a field rejects the article (as a NUL in the text does),
// naming the field; other C0 and C1 control characters (an ESC starting a terminal escape,
// a line break in a title) would reach every report, so a tab or line break becomes a space
// and the rest are dropped.
Status CleanMetadata(ArticleMetadata& metadata, const std::string& where) {
  struct Field {
    const char* name;
    std::string* value;
  };
  const Field fields[] = {{"source", &metadata.source},   {"published", &metadata.published},
                          {"url", &metadata.url},         {"title", &metadata.title},
                          {"kind", &metadata.kind},       {"derived_from", &metadata.derived_from}};
  for (const Field& field : fields) {
    std::string& value = *field.value;
    if (const std::size_t nul = value.find('\0'); nul != std::string::npos) {
      return Status::InvalidInput(where, std::string("NUL character in metadata field '") + field.name +
                                             "' at byte " + std::to_string(nul));
    }
    std::string clean;
    clean.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto byte = static_cast<unsigned char>(value[i]);
      if (byte == '\t' || byte == '\n' || byte == '\r') {
        clean += ' ';
      } else if (byte < 0x20 || byte == 0x7F) {
        continue;
      } else if (byte == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
        ++i;  // U+0080..U+009F, the C1 controls (CSI is U+009B)
      } else {
        clean += value[i];
      }
    }
    value = std::move(clean);
  }
  return Status::Ok();
}

// The file's own metadata first, then the manifest's; checks dates and kinds.
Article Finish(RawArticle raw, const Origin& origin, std::vector<Status>& warnings) {
  const ArticleMetadata& own = raw.metadata;
  const ArticleMetadata& manifest = origin.manifest;
  auto first = [](std::string_view a, std::string_view b) {
    a = internal::Trim(a);
    return std::string(a.empty() ? internal::Trim(b) : a);
  };
  Article article;
  article.id = origin.id + raw.suffix;
  article.name = origin.name + raw.suffix;
  article.title = first(own.title, manifest.title);
  article.url = first(own.url, manifest.url);
  article.source = first(own.source, manifest.source);
  if (article.source.empty()) article.source = internal::UrlHost(article.url);
  if (article.source.empty()) article.source = "unknown";

  // A date the file gives but nobody can read falls back to the manifest's, with a warning.
  for (const std::string& given : {own.published, manifest.published}) {
    if (internal::IsBlank(given)) continue;
    article.published = ParsePublishedDate(given);
    if (!article.published.empty()) break;
    warnings.push_back(Status::InvalidInput(
        raw.where, "unreadable published date '" + std::string(internal::Trim(given)) + "'"));
  }

  const std::string kind = first(own.kind, manifest.kind);
  if (!kind.empty()) {
    if (const auto parsed = ParseKind(kind)) {
      article.kind = *parsed;
    } else {
      warnings.push_back(Status::InvalidInput(
          raw.where, "unknown kind '" + kind +
                         "' (expected article, summary or press-release); read as article"));
    }
  }

  if (origin.stream) {
    article.derived_from = internal::Trim(own.derived_from);
  } else if (!internal::IsBlank(own.derived_from)) {
    article.derived_from = ResolveDerivedFrom(own.derived_from, origin.folder);
  } else {
    article.derived_from = ResolveDerivedFrom(manifest.derived_from, origin.folder);
  }

  article.text = std::move(raw.text);
  article.body_offset = raw.body_offset;
  article.content_hash = ContentHash(article);
  return article;
}

FileArticles ReadBytes(std::string_view bytes, std::string_view extension, const Origin& origin) {
  FileArticles result;
  auto reject = [&](std::string message) {
    result.rejections.push_back(Status::InvalidInput(origin.where, std::move(message)));
    return result;
  };
  const Format format = FormatOf(extension);
  if (format == Format::kUnknown) {
    if (extension.empty()) return reject("unknown format (no extension)");
    const std::string dotted =
        extension.starts_with('.') ? std::string(extension) : "." + std::string(extension);
    return reject("unknown format (extension " + dotted + ")");
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return reject("UTF-16 text is not supported (save the file as UTF-8)");
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return reject("binary file (NUL byte at offset " + std::to_string(nul) + ")");
  }
  // JSON lines check each line, so that one bad line keeps the good ones.
  if (format != Format::kJsonLines) {
    if (const std::size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
      return reject("invalid UTF-8 at byte " + std::to_string(bad));
    }
  }
  ReaderOutput output;
  switch (format) {
    case Format::kText:
      output = internal::ReadPlainText(bytes, origin.where);
      break;
    case Format::kJson:
      output = internal::ReadJson(bytes, origin.where);
      break;
    case Format::kJsonLines:
      output = internal::ReadJsonLines(bytes, origin.where);
      break;
    case Format::kHtml:
      output = internal::ReadHtml(bytes, origin.where);
      break;
    case Format::kUnknown:
      break;
  }
  result.rejections = std::move(output.rejections);
  Origin cleaned = origin;
  if (Status bad = CleanMetadata(cleaned.manifest, origin.where + " (its manifest.csv row)"); !bad.ok()) {
    result.rejections.push_back(std::move(bad));
    result.articles.clear();
    return result;
  }
  for (RawArticle& raw : output.articles) {
    if (Status bad = CleanMetadata(raw.metadata, raw.where); !bad.ok()) {
      result.rejections.push_back(std::move(bad));
      continue;
    }
    result.articles.push_back(Finish(std::move(raw), cleaned, result.warnings));
  }
  return result;
}

// "sub/a.txt" for a file under a folder root; the file name for a file given on its own.
std::string DisplayName(const fs::path& path, const fs::path& root) {
  if (!root.empty() && path != root) {
    const fs::path relative = path.lexically_relative(root);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  }
  return path.filename().string();
}

}  // namespace

Listing ListInputs(const std::vector<fs::path>& roots) {
  Listing listing;
  std::set<std::string> listed;  // canonical paths: a file given twice is listed once
  for (const fs::path& root : roots) {
    std::error_code error;
    const fs::file_status status = fs::status(root, error);
    if (!fs::exists(status)) {
      listing.rejections.push_back(Status::InvalidInput(root.string(), "no such file or folder"));
      continue;
    }
    std::vector<WalkedFile> files;
    std::vector<fs::path> manifests;
    if (fs::is_directory(status)) {
      const fs::path canonical_root = fs::canonical(root, error);
      if (error) {
        listing.rejections.push_back(Status::InvalidInput(root.string(), "cannot read folder: " + error.message()));
        continue;
      }
      listing.folders.push_back(canonical_root);
      WalkFolder(root, canonical_root, canonical_root, files, manifests, listing.rejections, listing.complete);
    } else if (fs::is_regular_file(status)) {
      // A shell glob (`concord ingest news/*`) names the manifest too: it is still not an input.
      if (IsManifest(root)) continue;
      files.push_back({root, CanonicalId(root)});
      // The file's own folder's manifest describes it, even when it is given alone.
      const fs::path manifest = root.parent_path() / internal::kManifestName;
      if (fs::is_regular_file(manifest, error)) manifests.push_back(manifest);
    } else {
      listing.rejections.push_back(Status::InvalidInput(root.string(), "not a file or folder"));
      continue;
    }
    std::sort(files.begin(), files.end());
    const std::map<std::string, ArticleMetadata> metadata =
        LoadManifests(std::move(manifests), listing.rejections, listing.warnings);
    for (WalkedFile& file : files) {
      if (!listed.insert(file.id).second) continue;
      listing.ids.push_back(file.id);
      InputFile input;
      if (const auto it = metadata.find(file.id); it != metadata.end()) input.manifest = it->second;
      input.path = std::move(file.path);
      input.root = root;
      input.id = std::move(file.id);
      listing.files.push_back(std::move(input));
    }
  }
  return listing;
}

namespace {

Origin OriginOf(const InputFile& file) {
  Origin origin;
  origin.where = file.path.string();
  origin.id = file.id.empty() ? CanonicalId(file.path) : file.id;
  origin.name = DisplayName(file.path, file.root);
  origin.folder = file.path.parent_path();
  origin.manifest = file.manifest;
  return origin;
}

}  // namespace

FileArticles ReadArticles(const InputFile& file, const std::function<void(Article)>& on_article) {
  const Origin origin = OriginOf(file);
  if (internal::IsWarcFile(file.path)) {  // .warc, .warc.gz: streamed record by record
    FileArticles result;
    internal::ReadWarc(file.path, origin.where, [&](RawArticle raw) {
      on_article(Finish(std::move(raw), origin, result.warnings));
    }, result.rejections);
    return result;
  }
  auto bytes = internal::ReadWholeFile(file.path);
  if (!bytes.ok()) {
    FileArticles result;
    result.rejections.push_back(bytes.status());
    return result;
  }
  FileArticles result = ReadBytes(*bytes, file.path.extension().string(), origin);
  for (Article& article : result.articles) on_article(std::move(article));
  result.articles.clear();
  return result;
}

FileArticles ReadArticles(const InputFile& file) {
  std::vector<Article> articles;
  FileArticles result = ReadArticles(file, [&](Article article) { articles.push_back(std::move(article)); });
  result.articles = std::move(articles);
  return result;
}

FileArticles ReadArticlesFromText(std::string_view bytes, const std::string& name,
                                  const std::string& extension) {
  Origin origin;
  origin.id = name;
  origin.name = name;
  origin.where = name;
  origin.folder = fs::path(name).parent_path();
  // Text from memory (stdin) has no file name to go by: plain text unless told otherwise.
  return ReadBytes(bytes, extension.empty() ? std::string_view("txt") : extension, origin);
}

FileArticles ReadArticleLine(std::string_view line, const std::string& stream, std::size_t line_number) {
  FileArticles result;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (internal::IsBlank(line)) return result;
  const std::string where = stream + ":" + std::to_string(line_number);
  if (const std::size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
    result.rejections.push_back(Status::InvalidInput(where, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line"));
    return result;
  }
  if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos) {
    result.rejections.push_back(Status::InvalidInput(where, "NUL byte at byte " + std::to_string(nul) + " of the line"));
    return result;
  }
  internal::ReaderOutput output = internal::ReadJsonLine(line, where);
  result.rejections = std::move(output.rejections);
  for (RawArticle& raw : output.articles) {
    if (Status bad = CleanMetadata(raw.metadata, where); !bad.ok()) {
      result.rejections.push_back(std::move(bad));
      continue;
    }
    Origin origin;
    origin.where = where;
    origin.stream = true;
    if (!raw.given_id.empty()) {
      // Shown in every report as the article's name: no control characters (as metadata).
      for (char& c : raw.given_id) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
      }
      origin.id = raw.given_id;
    } else if (const std::string_view url = internal::Trim(raw.metadata.url); !url.empty()) {
      origin.id = std::string(url);
    } else {
      origin.id = stream;
      raw.suffix = "#L" + std::to_string(line_number);
    }
    origin.name = origin.id;
    result.articles.push_back(Finish(std::move(raw), origin, result.warnings));
  }
  return result;
}

const char* KindName(ArticleKind kind) {
  switch (kind) {
    case ArticleKind::kArticle:
      return "article";
    case ArticleKind::kSummary:
      return "summary";
    case ArticleKind::kPressRelease:
      return "press-release";
  }
  return "article";
}

}  // namespace concord::corpus
