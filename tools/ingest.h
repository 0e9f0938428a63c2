#pragma once
// `concord ingest` as a pipeline of stages joined by bounded queues (tools/work_queue.h), all
// running at once: a reader (lists nothing itself: reads each listed file, hashes its articles
// and passes over those the store holds unchanged), extraction workers, and one writer that
// stores batches while the workers extract the next ones. `--from-jsonl` has the same writer
// behind a reader of mapper output (tools/extraction_json.h) and no extraction at all.
//
// Guarantees (tests/e2e): a bad file or line is named and the rest ingested; an exception in
// one article's extraction rejects that article only; an interrupt (`interrupted` set by
// SIGINT/SIGTERM) stops at a batch boundary: the batch being gathered is dropped, every
// committed batch is whole; each batch is one transaction, so kill -9 leaves no half article.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"
#include "reconcile/store/store.h"
#include "tools/pipeline.h"

namespace concord::tools {

struct IngestSettings {
  unsigned threads = 2;               // extraction workers
  std::size_t batch_articles = 256;   // articles per transaction; bounds memory with the queues
  const std::atomic<bool>* interrupted = nullptr;
  bool progress = false;              // a progress line on stderr (only when it is a terminal)
};

struct IngestTotals {
  reconcile::BatchStats stats;
  std::size_t rejected = 0;  // files, lines and articles rejected, each named on stderr
  std::size_t bytes = 0;     // article text read that was not unchanged
  bool interrupted = false;  // stopped by `interrupted` before the end
};

// Gives the extraction pipeline, waiting while it loads (it loads while the reader runs: an
// ingest with nothing to extract does not wait for the patterns to compile); a failed load
// stops the ingest with its Status.
using PipelineSource = std::function<Result<const Pipeline*>()>;

// Reads, extracts and stores the articles of `files` (corpus::ListInputs' listing).
Status IngestFiles(const std::vector<corpus::InputFile>& files, const PipelineSource& pipeline, reconcile::Store& store,
                   const IngestSettings& settings, IngestTotals& totals);

// Stores the articles of `concord extract --jsonl` output files ("-" reads stdin), without
// extracting again; an article the store holds with the same id and content hash is passed over.
Status IngestExtractionFiles(const std::vector<std::string>& files, reconcile::Store& store,
                             const IngestSettings& settings, IngestTotals& totals);

// Extracts and normalizes one article. A failure inside the extractor (a bug: stages do not
// throw by contract) rejects that article alone, named with the message.
Status ExtractContained(const Pipeline& pipeline, const corpus::Article& article, extract::Extraction& extraction);

}  // namespace concord::tools
