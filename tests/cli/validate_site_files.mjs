#!/usr/bin/env node
// Checks every file `qahub new site` wrote with an independent validator:
// npm ajv 8 (draft-07) with ajv-formats ("format": "date" is checked).
//   each JSON file   against the schema its "$schema" names (relative path);
//   each schema      against the draft-07 meta-schema;
//   qahub.yaml       against data/schemas/qahub.schema.json;
//   each page's front matter against data/schemas/front-matter.schema.json.
// YAML is turned into JSON by tests/cli/yaml_to_json (yaml-cpp, YAML 1.2 core).
// Usage: validate_site_files.mjs SITE YAML_TO_JSON
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname, relative, resolve } from "node:path";

const [site, yamlToJson] = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === ".git" || name === "public" || name === ".qahub") continue;  // a build's, not new site's
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(site);

let failures = 0, checked = 0;
const schemaCache = new Map();
function validatorFor(schemaPath) {
  if (!schemaCache.has(schemaPath)) {
    // One Ajv per schema: each has its own $id.
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    schemaCache.set(schemaPath, ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8"))));
  }
  return schemaCache.get(schemaPath);
}
function check(label, doc, schemaPath) {
  const validate = validatorFor(schemaPath);
  checked++;
  if (!validate(doc)) {
    failures++;
    console.log(`FAIL: ${label} against ${relative(site, schemaPath)}: ${JSON.stringify(validate.errors)}`);
  }
}
const yaml = (args) => JSON.parse(execFileSync(yamlToJson, args, { encoding: "utf8" }));

const meta = new Ajv({ strict: true, allowUnionTypes: true });
addFormats(meta);
for (const file of files.sort()) {
  const rel = relative(site, file);
  if (file.endsWith(".json")) {
    const doc = JSON.parse(readFileSync(file, "utf8"));
    if (rel.startsWith("data/schemas/")) {
      checked++;
      if (doc.$schema !== "http://json-schema.org/draft-07/schema#" || !meta.validateSchema(doc)) {
        failures++;
        console.log(`FAIL: ${rel} is not a valid draft-07 schema: ${JSON.stringify(meta.errors)}`);
      }
      continue;
    }
    if (typeof doc.$schema !== "string") {
      failures++;
      console.log(`FAIL: ${rel} has no $schema`);
      continue;
    }
    check(rel, doc, resolve(dirname(file), doc.$schema));
  } else if (rel === "qahub.yaml") {
    const first = readFileSync(file, "utf8").split("\n")[0];
    if (first !== "# yaml-language-server: $schema=data/schemas/qahub.schema.json") {
      failures++;
      console.log(`FAIL: qahub.yaml starts with ${first}`);
    }
    check(rel, yaml([file]), join(site, "data/schemas/qahub.schema.json"));
  } else if (rel.startsWith("content/") && rel.endsWith(".md")) {
    check(`${rel} front matter`, yaml(["--front-matter", file]), join(site, "data/schemas/front-matter.schema.json"));
  }
}
console.log(`validated ${checked} files with ajv, ${failures} failures`);
process.exit(failures ? 1 : 0);
