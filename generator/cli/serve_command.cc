#include "cli/serve_command.h"

namespace qahub::cli {

int run_serve(const serve::ServeOptions& options) { return serve::run_serve(options); }

}  // namespace qahub::cli
