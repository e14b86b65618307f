#!/usr/bin/env bash
# `qahub new site`, as a new user would try it with only the built binary:
# the hub builds with --strict and no warning as of its creation date, `new
# meeting` and `new cycle` work inside it, a year later a plain build still
# succeeds with only date-driven warnings; every file it writes passes ajv;
# the workflow parses as YAML and its build step is the command run here; an
# existing new repository is accepted and a site is refused (exit 2, nothing
# written); a stale schema copy warns and `new schemas --refresh` fixes it.
set -uo pipefail
qahub="$(realpath "$1")"; root="$2"; yaml_to_json="$(realpath "$3")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
today="2026-12-02"  # SOURCE_DATE_EPOCH below: the date source a CI run would give
export SOURCE_DATE_EPOCH=1796212800  # 2026-12-02 12:00 UTC

cd "$work" || exit 1
"$qahub" new site hub --title "Children's services practice hub" --organisation "The county council" \
  >"$work/new.out" 2>"$work/new.err" || { bad "new site exited $?"; cat "$work/new.err"; }
grep -qx 'qahub: created qahub.yaml' "$work/new.out" || bad "no created line for qahub.yaml"
grep -qx "qahub: created data/meetings/$today-practice-forum.json" "$work/new.out" || bad "no meeting dated $today"
grep -qx "qahub: created a hub in hub as of $today; next: cd hub && qahub serve --open (AUTHORING.md says more)" \
  "$work/new.err" || { bad "new site summary"; cat "$work/new.err"; }
[ ! -e hub/.qahub-new-site ] || bad "the staging folder was left behind"
for f in qahub.yaml content/_index.md content/guidance/_index.md content/guidance/case-recording.md \
         data/forums/practice-forum.json data/cycles/2026-27-cycle-3.json data/search/synonyms.json \
         data/schemas/qahub.schema.json data/schemas/front-matter.schema.json .gitignore AUTHORING.md \
         .github/workflows/hub.yml; do
  [ -f "hub/$f" ] || bad "new site did not write $f"
done
cmp -s hub/data/search/synonyms.json "$root/data/search/synonyms.json" || bad "synonyms differ from the built-in ones"
for s in "$root"/data/schemas/*.schema.json; do
  cmp -s "$s" "hub/data/schemas/$(basename "$s")" || bad "hub/data/schemas/$(basename "$s") differs from $s"
done

# Every file it wrote, against its schema, by an independent validator.
node "$root/tests/cli/validate_site_files.mjs" "$work/hub" "$yaml_to_json" || bad "ajv found invalid files"

# The new hub builds with --strict: no warning at all, as of its creation date.
(cd hub && "$qahub" build --strict) >"$work/build.out" 2>&1 || { bad "build --strict failed"; cat "$work/build.out"; }
grep -q 'warning' "$work/build.out" && { bad "warnings in the new hub's build"; cat "$work/build.out"; }
grep -q "^qahub: building \. as of $today$" "$work/build.out" || bad "the build was not dated by SOURCE_DATE_EPOCH"
grep -q '<title>Children&apos;s services practice hub' hub/public/index.html \
  || bad "the title from --title is not on the home page"

# The workflow parses as YAML; the apt list of its build-from-source fallback
# comes from .ci/install-deps; its hub build step is run here as written, with
# this qahub for `qahub`. (tests/package/hub_workflow.sh runs every step
# against the package.)
"$yaml_to_json" hub/.github/workflows/hub.yml >"$work/workflow.json" || bad "the workflow is not valid YAML"
node -e '
  const w = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const deps = require("fs").readFileSync(process.argv[2], "utf8");
  const listed = new Set((deps.match(/packages=\(([\s\S]*?)\n\)/)[1]).split("\n")
    .map((l) => l.replace(/#.*/, "")).join(" ").split(/\s+/).filter(Boolean));
  const steps = w.jobs.build.steps;
  const fail = (m) => { console.log("FAIL: workflow: " + m); process.exitCode = 1; };
  if (!("push" in w.on)) fail("does not run on push");
  if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(w.env.QAHUB_VERSION)) fail("QAHUB_VERSION names no release: " + w.env.QAHUB_VERSION);
  const fromSource = steps.find((s) => (s.name || "").startsWith("Build qahub from source"));
  const pkgs = fromSource.run.match(/--no-install-recommends git ca-certificates (.*)/)[1].split(/\s+/);
  for (const p of pkgs) if (!listed.has(p)) fail(p + " is not in .ci/install-deps");
  for (const lib of ["libcmark-gfm-dev", "libxapian-dev", "libyaml-cpp-dev", "libvalijson-dev", "libjs-lunr"])
    if (!pkgs.includes(lib)) fail("no " + lib);
  if (fromSource.if !== "env.QAHUB_VERSION == \x27\x27") fail("the source build runs with a release named");
  const builds = steps.filter((s) => / build --site hub/.test(s.run || ""));
  if (builds.length !== 1 || builds[0].run.trim() !== "qahub build --site hub --strict --diagnostics=github")
    fail("the build step");
  const keep = steps.find((s) => (s.uses || "").startsWith("actions/upload-artifact@"));
  if (!keep || keep.with.path !== "hub/public/") fail("public/ is not kept as an artifact");
  console.log(builds[0].run);
' "$work/workflow.json" "$root/.ci/install-deps" >"$work/step" || { bad "workflow checks"; cat "$work/step"; }
step="$(tail -1 "$work/step")"
rm -rf hub/public
(eval "\"\$qahub\"${step#qahub}") >"$work/ci.out" 2>&1 || { bad "the workflow's build step failed"; cat "$work/ci.out"; }
[ -f hub/public/index.html ] || bad "the workflow's build step wrote no hub/public/"

# No placeholder anywhere in what it wrote (issue 30): its draft report builds
# with --strict --drafts, and says Draft with no empty publication field.
if grep -rl 'TODO:' hub; then bad "new site wrote a TODO: placeholder"; fi
(cd hub && "$qahub" build --strict --drafts --out "$work/drafts") >"$work/drafts.out" 2>&1 \
  || { bad "build --strict --drafts failed"; cat "$work/drafts.out"; }
grep -q 'Draft — not published' "$work/drafts/learning/2026-27-cycle-3/index.html" || bad "the draft report does not say Draft"
if grep -qE 'Published *[,<]|publication on *\.' "$work/drafts/learning/2026-27-cycle-3/index.html"; then
  bad "the draft report has an empty publication field"; fi

# new meeting and new cycle work inside a copy of it; their placeholders are
# warnings at their positions (a plain build passes, --strict fails on them).
cp -r hub more
(cd more && "$qahub" new meeting practice-forum --as-of 2026-12-09 && "$qahub" new cycle) >"$work/more.out" 2>&1 \
  || { bad "new meeting / new cycle in the new hub"; cat "$work/more.out"; }
grep -qx 'qahub: created data/meetings/2026-12-09-practice-forum.json' "$work/more.out" || bad "new meeting output"
grep -qx 'qahub: created data/cycles/2027-28-cycle-1.json' "$work/more.out" || bad "new cycle output"
(cd more && "$qahub" build --as-of 2026-12-09) >"$work/build2.out" 2>&1 || { bad "build after new"; cat "$work/build2.out"; }
grep -qxF 'data/meetings/2026-12-09-practice-forum.json:19:16: warning: placeholder "TODO:" left in the text; replace it with the finished text' \
  "$work/build2.out" || { bad "placeholder warning in the new meeting"; cat "$work/build2.out"; }
(cd more && "$qahub" build --strict --as-of 2026-12-09) >/dev/null 2>&1 && bad "--strict passed with placeholders left"

# A year on, with no commit: a plain build succeeds, and --strict too; no
# warning, only date-driven notices.
(cd hub && "$qahub" build --as-of 2027-12-10) >"$work/later.out" 2>&1 || { bad "the build a year later failed"; cat "$work/later.out"; }
others="$(grep ': warning: ' "$work/later.out" || true)"
[ -z "$others" ] || bad "warnings a year later: $others"
grep -qE ': notice: (review overdue|no meeting since|terms of reference)' "$work/later.out" \
  || bad "no date-driven notice a year later"
grep -q 'notice: review overdue' "$work/later.out" || bad "no review notice a year later"
grep -q 'notice: no meeting since' "$work/later.out" || bad "no missed-meeting notice a year later"
(cd hub && "$qahub" build --strict --as-of 2027-12-10) >"$work/later-strict.out" 2>&1 \
  || { bad "--strict a year later failed on notices"; cat "$work/later-strict.out"; }

# A stale schema copy: one warning naming the command; --refresh replaces it and says so.
sed -i 's/"title": "meeting"/"title": "meeting (older)"/' hub/data/schemas/meeting.schema.json
(cd hub && "$qahub" build) >"$work/stale.out" 2>&1
grep -qx 'data/schemas/meeting.schema.json: warning: not the same as the built-in meeting.schema.json of this qahub: run qahub new schemas --refresh to replace it (or give it an $id of your own to keep it as it is)' \
  "$work/stale.out" || { bad "stale schema warning"; cat "$work/stale.out"; }
(cd hub && "$qahub" new schemas --refresh) >"$work/refresh.out" 2>"$work/refresh.err" || bad "new schemas --refresh"
[ "$(cat "$work/refresh.out")" = "qahub: replaced data/schemas/meeting.schema.json" ] || { bad "refresh output"; cat "$work/refresh.out"; }
grep -qx 'qahub: --refresh overwrote 1 file; git diff data/schemas/ shows what changed' "$work/refresh.err" || bad "refresh note"
cmp -s hub/data/schemas/meeting.schema.json "$root/data/schemas/meeting.schema.json" || bad "refresh did not restore the schema"
(cd hub && "$qahub" new schemas) >/dev/null 2>"$work/schemas.err"
grep -qx 'qahub: every schema is already in data/schemas/; --refresh replaces older copies' "$work/schemas.err" || bad "new schemas with nothing to do"

# What a new GitHub repository holds is kept and named.
mkdir -p repo/.git && echo '# Our hub' >repo/README.md && echo 'node_modules/' >repo/.gitignore && echo MIT >repo/LICENSE
"$qahub" new site repo >"$work/repo.out" 2>&1 || { bad "new site in a new repository"; cat "$work/repo.out"; }
grep -qx 'qahub: kept .gitignore: add public/ and .qahub/ to it' "$work/repo.out" || bad "kept .gitignore line"
grep -qx 'qahub: kept README.md as it is' "$work/repo.out" || bad "kept README.md line"
grep -qx 'qahub: kept LICENSE as it is' "$work/repo.out" || bad "kept LICENSE line"
[ "$(cat repo/.gitignore)" = "node_modules/" ] || bad ".gitignore was changed"
[ -f repo/qahub.yaml ] || bad "no qahub.yaml in the repository"

# A site already there: usage error, nothing written.
mkdir -p taken/content && echo '---' >taken/content/a.md
before="$(find taken | sort)"
"$qahub" new site taken >"$work/taken.out" 2>&1; code=$?
[ "$code" = 2 ] || bad "new site over a site exited $code, expected 2"
[ "$(cat "$work/taken.out")" = 'qahub: error: "taken" already holds a site (content/); qahub new site starts a hub only in a new or empty directory, or one with just files such as README.md, LICENSE and .gitignore' ] \
  || { bad "new site over a site said:"; cat "$work/taken.out"; }
[ "$(find taken | sort)" = "$before" ] || bad "new site over a site wrote something"
"$qahub" new site hub >/dev/null 2>&1; [ $? = 2 ] || bad "new site over the new hub was not refused"

# A directory that cannot be made: an error, exit 1.
msg="$("$qahub" new site /proc/qahub-new-site 2>&1)"; code=$?
[ "$code" = 1 ] && [ "$msg" = $'/proc/qahub-new-site: error: cannot create the directory: No such file or directory\nqahub: no site was created in /proc/qahub-new-site' ] \
  || bad "new site in /proc ($code): $msg"

[ $fail = 0 ] && echo "new site: ok"
exit $fail
