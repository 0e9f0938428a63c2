// Names of the closed sets, as they appear in JSON and in the store.

#include "extract/extract.h"

namespace concord::extract {

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kMoney: return "money";
    case MentionKind::kPercent: return "percent";
    case MentionKind::kDate: return "date";
    case MentionKind::kDuration: return "duration";
    case MentionKind::kCount: return "count";
    case MentionKind::kEntity: return "entity";
  }
  return "unknown";
}

const char* QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kUpTo: return "up_to";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kRange: return "range";
  }
  return "exact";
}

const char* PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::kNone: return "none";
    case Precision::kDay: return "day";
    case Precision::kWeek: return "week";
    case Precision::kMonth: return "month";
    case Precision::kQuarter: return "quarter";
    case Precision::kHalf: return "half";
    case Precision::kYear: return "year";
    case Precision::kDecade: return "decade";
  }
  return "none";
}

const char* BoundaryName(Boundary boundary) {
  switch (boundary) {
    case Boundary::kNone: return "none";
    case Boundary::kThrough: return "through";
    case Boundary::kUntil: return "until";
    case Boundary::kBefore: return "before";
    case Boundary::kBy: return "by";
    case Boundary::kAfter: return "after";
    case Boundary::kSince: return "since";
    case Boundary::kRange: return "range";
  }
  return "none";
}

const char* PolarityName(Polarity polarity) {
  switch (polarity) {
    case Polarity::kAffirmed: return "affirmed";
    case Polarity::kNegated: return "negated";
    case Polarity::kCeased: return "ceased";
    case Polarity::kContinues: return "continues";
  }
  return "affirmed";
}

const char* ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kFact: return "fact";
    case Modality::kPlan: return "plan";
    case Modality::kEstimate: return "estimate";
    case Modality::kReported: return "reported";
    case Modality::kConditional: return "conditional";
    case Modality::kConsidering: return "considering";
  }
  return "fact";
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kUnknown: return "unknown";
    case EntityType::kOrganization: return "org";
    case EntityType::kPerson: return "person";
    case EntityType::kProduct: return "product";
    case EntityType::kPlace: return "place";
    case EntityType::kPronoun: return "reference";
    case EntityType::kGovernment: return "government";
  }
  return "unknown";
}

const char* PercentUnitName(PercentUnit unit) {
  switch (unit) {
    case PercentUnit::kPercent: return "percent";
    case PercentUnit::kPercentagePoint: return "percentage_point";
    case PercentUnit::kBasisPoint: return "basis_point";
  }
  return "percent";
}

}  // namespace concord::extract
