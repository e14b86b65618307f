#pragma once
/// The free-form `params:` map of `qahub.yaml` (Hugo's `params`, Zola's
/// `extra`): whatever a theme needs (a banner, a contact line, feature
/// switches), passed to every template as `params.*` and never checked for
/// unknown keys.
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "frontmatter/yaml_fields.h"

namespace qahub::config {

/// `node` as JSON: maps stay maps (key order kept sorted by nlohmann), lists stay
/// lists, plain `true`/`false` become booleans (so `{{#params.x}}` tests them),
/// plain `null`, `~` and empty values become null, every other scalar is its
/// text as written (`1.50` stays "1.50"). Not a mapping, or a key that is not
/// a scalar, is an error at its position and gives {}.
nlohmann::json read_params(const YAML::Node& node, const frontmatter::YamlSource& src, diag::Diagnostics& diags);

}  // namespace qahub::config
