#pragma once
/// `qahub serve`: the CLI side (options → serve::run_serve).
#include "serve/serve.h"

namespace qahub::cli {

/// Runs the dev server until Ctrl-C. Exit codes: 0 stopped cleanly, 1 could not start.
int run_serve(const serve::ServeOptions& options);

}  // namespace qahub::cli
