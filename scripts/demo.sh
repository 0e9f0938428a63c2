#!/usr/bin/env bash
# Builds Concord, ingests the bundled demo corpus into a fresh database and prints the
# reconciliation report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
rm -f demo.db demo.db-wal demo.db-shm
build/concord ingest corpus/demo --db demo.db
build/concord report --db demo.db
echo
# The digest in the demo corpus, audited against the articles it summarizes.
build/concord audit summary corpus/demo/12_dealbook_orbis-veltrix-summary.md --against corpus/demo
