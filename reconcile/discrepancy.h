#pragma once
// A discrepancy between two accounts of one fact, as the reconcile pass stores it and the
// summary audit and the report show it (types and severities: SCORING.md).

#include <cstdint>
#include <string>

namespace concord::reconcile {

struct ReportDiscrepancy {
  std::string type;      // value, magnitude, hedge_lost, date, boundary, direction, polarity, condition, entity
  std::string severity;  // high, medium, low
  std::string detail;    // one line a reader understands
  std::int64_t claim_a = 0;  // the two claims (ids); 0 where no claim carries a side
  std::int64_t claim_b = 0;
  bool operator==(const ReportDiscrepancy&) const = default;
};

}  // namespace concord::reconcile
