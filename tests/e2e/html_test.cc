// `concord report` and `concord audit` on a real folder and database, through the CLI:
// formats, filters, byte-stable output, and the HTML page rendered in headless Chromium
// (screenshot decoded and checked for real content; no console message of any kind).

#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "e2e.h"

namespace concord::testing {
namespace {

// Invented outlets and companies, written for this test.
void WriteArticles(const TempDir& dir) {
  WriteFile(dir / "in" / "ledger.md",
            "---\ntitle: Brackenridge <b>bets</b> on Quillon & friends\nsource: Ledger Line\npublished: 2026-05-04\n"
            "url: https://ledger-line.example/brackenridge-quillon\n---\n"
            "Brackenridge Foods will invest up to $7 billion in Quillon Labs, the firms said on Monday.\n\n"
            "Quillon Labs agreed in April to acquire Ostrava Mills for $900 million.\n");
  WriteFile(dir / "in" / "wire.md",
            "---\ntitle: <script>alert(1)</script>\nsource: Wire Nine\npublished: 2026-05-05\n"
            "url: javascript:alert(1)\n---\n"
            "Brackenridge Foods will invest $7 billion in Quillon Labs, the firms said on Monday.\n\n"
            "Quillon Labs agreed in March to acquire Ostrava Mills for $900 million, a filing showed.\n");
  WriteFile(dir / "in" / "harbor.md",
            "---\ntitle: Quillon's backer raises its stake\nsource: Harbor Post\npublished: 2026-05-05\n---\n"
            "Brackenridge Foods will invest up to $9 billion in Quillon Labs, the firms said on Monday.\n\n"
            "Brackenridge Foods still pays Quillon Labs a revenue share of 4% through 2031.\n");
  WriteFile(dir / "in" / "ledger-2.md",
            "---\ntitle: Royalty ends\nsource: Ledger Line\npublished: 2026-05-06\n---\n"
            "Brackenridge Foods no longer pays Quillon Labs a revenue share of 4% through 2031.\n\n"
            "Tamsin Rail reported revenue of $3.4 billion in 2025.\n");
}

std::set<std::string> Relations(const std::string& json_text) {
  nlohmann::json json = nlohmann::json::parse(json_text, nullptr, false);
  REQUIRE(json.is_object());
  std::set<std::string> relations;
  for (const auto& fact : json["facts"]) relations.insert(fact["relation"].get<std::string>());
  return relations;
}

TEST_CASE("report CLI: formats, filters, usage errors and byte-identical runs") {
  TempDir dir;
  WriteArticles(dir);
  REQUIRE(Concord(dir, "ingest in --db c.db").exit_code == 0);

  Run md = Concord(dir, "report --db c.db");
  REQUIRE(md.exit_code == 0);
  CHECK(md.out.rfind("# Concord reconciliation report", 0) == 0);
  CHECK(md.out.find("## Timeline") != std::string::npos);
  for (const char* format : {"md", "json", "html"}) {
    CAPTURE(format);
    Run first = Concord(dir, std::string("report --db c.db --format ") + format);
    Run second = Concord(dir, std::string("report --db c.db --format ") + format + " --out again.txt");
    REQUIRE(first.exit_code == 0);
    REQUIRE(second.exit_code == 0);
    CHECK(second.out.empty());
    CHECK(first.out == ReadFile(dir / "again.txt"));  // stdout and --out, two runs: the same bytes
    Run audit = Concord(dir, std::string("audit --db c.db --format ") + format);
    CHECK(audit.exit_code == 0);
    CHECK_FALSE(audit.out.empty());
  }
  // The same folder ingested into another database reports the same bytes.
  REQUIRE(Concord(dir, "ingest in --db other.db --threads 1").exit_code == 0);
  CHECK(Concord(dir, "report --db other.db").out == md.out);
  CHECK(Concord(dir, "report --db other.db --format html").out == Concord(dir, "report --db c.db --format html").out);

  struct Case {
    const char* args;
    std::set<std::string> relations;
  };
  const Case cases[] = {
      {"", {"invest", "acquire", "pay_revenue_share", "revenue"}},
      {"--entity 'Ostrava Mills'", {"acquire"}},
      {"--relation revenue", {"revenue"}},
      {"--conflicts-only", {"invest", "acquire", "pay_revenue_share"}},
      {"--since 2026-05", {"invest", "pay_revenue_share"}},
      {"--until 2026-04", {"acquire", "revenue"}},
      {"--entity 'Quillon Labs' --since 2026 --until 2026-12-31 --conflicts-only", {"invest", "acquire"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    Run run = Concord(dir, std::string("report --db c.db --format json ") + c.args);
    REQUIRE(run.exit_code == 0);
    CHECK(Relations(run.out) == c.relations);
  }
  Run filtered = Concord(dir, "report --db c.db --entity 'Ostrava Mills' --format html");
  CHECK(filtered.out.find("Filtered: entity Ostrava Mills.") != std::string::npos);

  Run bad_date = Concord(dir, "report --db c.db --since 'May 2026'");
  CHECK(bad_date.exit_code == 2);
  CHECK(bad_date.err.find("--since") != std::string::npos);
  CHECK(Concord(dir, "report --db c.db --format pdf").exit_code == 2);
  CHECK(Concord(dir, "audit --db c.db --format pdf").exit_code == 2);
  Run missing = Concord(dir, "report --db nowhere.db --format html");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nowhere.db") != std::string::npos);
}

// --- Chromium -------------------------------------------------------------------------

std::optional<std::string> FindChromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string command = std::string("command -v ") + name + " > /dev/null 2>&1";
    if (std::system(command.c_str()) == 0) return name;
  }
  return std::nullopt;
}

struct Browser {
  int exit_code = -1;
  std::string out, log;
};

// One headless Chromium run on a local file with a fresh profile; its log on stderr.
Browser Headless(const TempDir& dir, const std::string& chromium, const std::string& action,
                 const std::filesystem::path& page) {
  static int run_count = 0;
  std::string profile = (dir / ("profile-" + std::to_string(++run_count))).string();
  std::string command = "timeout 120 " + chromium +
                        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                        " --disable-background-networking --disable-component-update --disable-sync"
                        " --user-data-dir='" +
                        profile + "' --enable-logging=stderr --v=0 " + action + " 'file://" + page.string() + "' > '" +
                        (dir / "browser.out").string() + "' 2> '" + (dir / "browser.log").string() + "'";
  int status = std::system(command.c_str());
  Browser browser;
  browser.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  browser.out = ReadFile(dir / "browser.out");
  browser.log = ReadFile(dir / "browser.log");
  return browser;
}

// Every message the page logged to the console (Chromium logs them as "...:CONSOLE:N] ...").
std::vector<std::string> ConsoleLines(const std::string& log) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(":CONSOLE") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

struct Image {
  std::uint32_t width = 0, height = 0;
  std::vector<std::array<std::uint8_t, 3>> pixels;  // RGB, row by row
};

std::uint32_t BigEndian(const std::string& bytes, std::size_t at) {
  return (std::uint32_t(std::uint8_t(bytes[at])) << 24) | (std::uint32_t(std::uint8_t(bytes[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(bytes[at + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[at + 3]));
}

// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes); nullopt otherwise.
std::optional<Image> DecodePng(const std::string& png) {
  if (png.size() < 8 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
  Image image;
  int channels = 0;
  std::string compressed;
  for (std::size_t at = 8; at + 12 <= png.size();) {
    std::uint32_t length = BigEndian(png, at);
    std::string type = png.substr(at + 4, 4);
    if (at + 12 + length > png.size()) return std::nullopt;
    if (type == "IHDR") {
      image.width = BigEndian(png, at + 8);
      image.height = BigEndian(png, at + 12);
      int depth = std::uint8_t(png[at + 16]), color = std::uint8_t(png[at + 17]),
          interlace = std::uint8_t(png[at + 20]);
      if (depth != 8 || interlace != 0 || (color != 2 && color != 6)) return std::nullopt;
      channels = color == 6 ? 4 : 3;
    } else if (type == "IDAT") {
      compressed += png.substr(at + 8, length);
    }
    at += 12 + length;
  }
  if (channels == 0 || image.width == 0 || image.height == 0) return std::nullopt;
  const std::size_t stride = std::size_t(image.width) * channels;
  std::vector<std::uint8_t> raw((stride + 1) * image.height);
  uLongf raw_size = raw.size();
  if (uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()) != Z_OK ||
      raw_size != raw.size()) {
    return std::nullopt;
  }
  // Undo the per-row filters (PNG spec, section 9).
  std::vector<std::uint8_t> previous(stride, 0), row(stride);
  image.pixels.reserve(std::size_t(image.width) * image.height);
  for (std::uint32_t y = 0; y < image.height; ++y) {
    const std::uint8_t filter = raw[y * (stride + 1)];
    const std::uint8_t* line = &raw[y * (stride + 1) + 1];
    for (std::size_t x = 0; x < stride; ++x) {
      int left = x >= std::size_t(channels) ? row[x - channels] : 0;
      int up = previous[x];
      int up_left = x >= std::size_t(channels) ? previous[x - channels] : 0;
      int predictor = 0;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) / 2; break;
        case 4: {
          int p = left + up - up_left, pa = std::abs(p - left), pb = std::abs(p - up), pc = std::abs(p - up_left);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : up_left;
          break;
        }
        default: return std::nullopt;
      }
      row[x] = std::uint8_t(line[x] + predictor);
    }
    for (std::size_t x = 0; x < stride; x += channels) image.pixels.push_back({row[x], row[x + 1], row[x + 2]});
    std::swap(previous, row);
  }
  return image;
}

// Pixels within `tolerance` of the colour "#rrggbb" on every channel.
std::size_t CountColor(const Image& image, const char* hex, int tolerance = 6) {
  unsigned r = 0, g = 0, b = 0;
  std::sscanf(hex, "#%02x%02x%02x", &r, &g, &b);
  std::size_t count = 0;
  for (const auto& pixel : image.pixels) {
    if (std::abs(pixel[0] - int(r)) <= tolerance && std::abs(pixel[1] - int(g)) <= tolerance &&
        std::abs(pixel[2] - int(b)) <= tolerance) {
      ++count;
    }
  }
  return count;
}

std::size_t NonWhite(const Image& image) {
  std::size_t count = 0;
  for (const auto& pixel : image.pixels) count += pixel[0] < 245 || pixel[1] < 245 || pixel[2] < 245;
  return count;
}

std::size_t DistinctColors(const Image& image) {
  std::set<std::uint32_t> colors;
  for (const auto& pixel : image.pixels) colors.insert((pixel[0] >> 3) << 10 | (pixel[1] >> 3) << 5 | (pixel[2] >> 3));
  return colors.size();
}

TEST_CASE("html: report and audit render in headless Chromium, not blank, no console messages") {
  std::optional<std::string> chromium = FindChromium();
  if (!chromium) {
    MESSAGE("skipped: no chromium on PATH (Debian package `chromium`; scripts/setup.sh installs it)");
    return;
  }
  TempDir dir;
  WriteArticles(dir);
  REQUIRE(Concord(dir, "ingest in --db c.db").exit_code == 0);
  REQUIRE(Concord(dir, "report --db c.db --format html --out report.html").exit_code == 0);
  REQUIRE(Concord(dir, "audit --db c.db --format html --out audit.html").exit_code == 0);

  // Control: the log scan sees what a page logs, and the report's policy blocks fetching.
  WriteFile(dir / "control.html",
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
            "</head><body><p>control</p><img src=\"https://example.invalid/pixel.png\"></body></html>");
  Browser control = Headless(dir, *chromium, "--dump-dom", dir / "control.html");
  REQUIRE(control.exit_code == 0);
  CHECK(control.out.find("<p>control</p>") != std::string::npos);
  CHECK(ConsoleLines(control.log).size() == 1);

  std::map<std::string, std::string> dom_of;  // page → the DOM Chromium built
  struct Page {
    const char* file;
    const char* header_text;
  };
  for (const Page& page :
       {Page{"report.html", "Concord reconciliation report"}, Page{"audit.html", "Concord source audit"}}) {
    const std::string file = page.file;
    CAPTURE(file);
    // The DOM as the browser built it: our elements, our escaped text.
    Browser dom = Headless(dir, *chromium, "--dump-dom", dir / page.file);
    REQUIRE(dom.exit_code == 0);
    CHECK(dom.out.find(page.header_text) != std::string::npos);
    CHECK(dom.out.find("<svg") != std::string::npos);
    CHECK(dom.out.find("<script") == std::string::npos);
    for (const std::string& line : ConsoleLines(dom.log)) MESSAGE(line);
    CHECK(ConsoleLines(dom.log).empty());
    dom_of[page.file] = dom.out;

    std::filesystem::path shot = dir / (std::string(page.file) + ".png");
    Browser screenshot =
        Headless(dir, *chromium, "--screenshot='" + shot.string() + "' --window-size=1200,2000", dir / page.file);
    REQUIRE(screenshot.exit_code == 0);
    CHECK(ConsoleLines(screenshot.log).empty());
    std::optional<Image> image = DecodePng(ReadFile(shot));
    REQUIRE(image.has_value());
    CHECK(image->width == 1200);
    CHECK(image->height == 2000);
    const std::size_t total = image->pixels.size();
    // Not blank: a twentieth of the page is ink or colour, in many shades (text, bars, cells).
    CHECK(NonWhite(*image) > total / 20);
    CHECK(DistinctColors(*image) > 50);
    // The header band (#1f3a5f) spans the page at least 60 px high.
    CHECK(CountColor(*image, "#1f3a5f") > 1200 * 60);
    if (std::string(page.file) == "report.html") {
      CHECK(CountColor(*image, "#ffd54f") > 300);   // <mark> on the differing figures
      CHECK(CountColor(*image, "#c0392b") > 2000);  // disputed: status bar, borders, badges
    } else {
      CHECK(CountColor(*image, "#1e8449") > 300);  // trust bars and agreeing heatmap cells
    }
  }
  // The browser saw the marks the report wrote, and the article title as text.
  CHECK(dom_of["report.html"].find("<mark>up to $9 billion</mark>") != std::string::npos);
  CHECK(dom_of["report.html"].find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

}  // namespace
}  // namespace concord::testing
