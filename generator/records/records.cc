#include "records/records.h"

namespace qahub::records {

RecordsResult build_records(const RecordsInput&, diag::Diagnostics&) { return {}; }

}  // namespace qahub::records
