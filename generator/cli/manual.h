#pragma once
/// The manual page and the bash completion, both made from the command line
/// as main.cc declares it, so they say what --help says and never drift:
/// `qahub manual` (hidden; the package's qahub.1) and `qahub completion bash`.
#include <string>

namespace CLI {
class App;
}

namespace qahub::cli {

/// qahub.1 in roff (man(7)): name, synopsis, each command with its options
/// and their --help descriptions, exit status from the footer. `version`
/// goes in the title line; no date, so the page is the same on every build.
std::string man_page(const CLI::App& app, const std::string& version);

/// A bash completion script: commands, nested commands (`new site`), each
/// command's options, folders after --site, --out and --cache-dir, files
/// after other options that take a value and for positional arguments.
std::string bash_completion(const CLI::App& app);

}  // namespace qahub::cli
