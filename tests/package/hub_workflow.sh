#!/usr/bin/env bash
# The hub workflow `qahub new site` writes (.github/workflows/hub.yml), run
# as GitHub would run it, step by step, with its install step pointed at the
# local package: `gh release download` gives the .deb and a SHA256SUMS made
# here, `apt-get install ./qahub_….deb` unpacks it (dpkg -x) and puts its
# qahub first on PATH. A new hub must build with --strict, print its
# annotations and write its step summary; the source-build fallback must be
# skipped. Prints the install + build time.
# usage: hub_workflow.sh BUILD_DIR YAML_TO_JSON
set -uo pipefail
build="$(cd "$1" && pwd)"
yaml_to_json="$2"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
deb="$(ls "$build"/package/qahub_*_amd64.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || { echo "FAIL: no package in $build/package (the package.deb test makes it)"; exit 1; }
version="$(dpkg-deb -f "$deb" Version)"

# The workspace: the hub checked out at hub/ (actions/checkout's `path: hub`).
mkdir -p "$work/ws" "$work/stubs" "$work/sysroot"
SOURCE_DATE_EPOCH=1796515200 "$build/qahub" new site "$work/ws/hub" >/dev/null 2>&1 || { echo "FAIL: new site"; exit 1; }

# Stand-ins for the network and the system: gh and apt-get.
cat >"$work/stubs/gh" <<STUB
#!/usr/bin/env bash
# gh release download TAG --repo R --dir D --pattern P ...
[ "\$1 \$2" = "release download" ] || { echo "gh stub: unexpected \$*" >&2; exit 1; }
[ "\$3" = "v$version" ] || { echo "gh stub: no release \$3 (this package is v$version)" >&2; exit 1; }
dir=.; shift 3
while [ \$# -gt 0 ]; do case \$1 in --dir) dir=\$2; shift 2 ;; *) shift ;; esac; done
[ -n "\$GH_TOKEN" ] || { echo "gh stub: no GH_TOKEN" >&2; exit 1; }
cp "$deb" "\$dir/" && (cd "\$dir" && sha256sum "$(basename "$deb")" >SHA256SUMS)
STUB
cat >"$work/stubs/apt-get" <<STUB
#!/usr/bin/env bash
# apt-get update | install [-y -qq --no-install-recommends] PACKAGES: a .deb is
# unpacked into the sysroot and its qahub put first on PATH; others are taken
# as installed.
[ "\$1" = update ] && exit 0
for a in "\$@"; do
  case \$a in
    *.deb) dpkg -x "\$a" "$work/sysroot" && ln -sf "$work/sysroot/usr/bin/qahub" "$work/stubs/qahub" || exit 1 ;;
  esac
done
STUB
chmod +x "$work/stubs/gh" "$work/stubs/apt-get"

# Each step as a script, with the workflow's env and the step's own.
"$yaml_to_json" "$work/ws/hub/.github/workflows/hub.yml" >"$work/workflow.json" || { echo "FAIL: hub.yml is not YAML"; exit 1; }
python3 - "$work/workflow.json" "$work/steps" >"$work/steps.list" <<'PY' || { cat "$work/steps.list"; exit 1; }
import json, os, re, shlex, sys
w = json.load(open(sys.argv[1]))
out = sys.argv[2]
os.makedirs(out)
env = {k: str(v) for k, v in w.get("env", {}).items()}
def holds(cond):  # the two conditions the workflow uses
    m = re.fullmatch(r"env\.(\w+) (==|!=) ''", cond.strip())
    if not m: raise SystemExit("FAIL: unknown condition " + cond)
    empty = env.get(m.group(1), "") == ""
    return empty if m.group(2) == "==" else not empty
for i, s in enumerate(w["jobs"]["build"]["steps"]):
    name = s.get("name", s.get("uses", ""))
    if "if" in s and not holds(s["if"]):
        print("skip", name); continue
    if "uses" in s:
        print("uses", s["uses"], json.dumps(s.get("with", {})))
        continue
    lines = ["set -eo pipefail"]
    for k, v in {**env, **{k: str(v) for k, v in s.get("env", {}).items()}}.items():
        v = re.sub(r"\$\{\{[^}]*\}\}", "token-from-the-test", v)
        lines.append("export %s=%s" % (k, shlex.quote(v)))
    lines.append(s["run"])
    path = os.path.join(out, "%02d.sh" % i)
    open(path, "w").write("\n".join(lines) + "\n")
    print("run", path, name)
PY
start=$(date +%s.%N)
export PATH="$work/stubs:$PATH"
export GITHUB_STEP_SUMMARY="$work/summary.md"
: >"$GITHUB_STEP_SUMMARY"
ran=0
while read -r what path rest; do
  case $what in
    skip) echo "skipped: $path $rest"; case "$path $rest" in *"from source"*) ;; *) bad "step skipped: $path $rest" ;; esac ;;
    uses) case $path in
            actions/checkout@*) [ -f "$work/ws/hub/qahub.yaml" ] || bad "no hub checked out" ;;
            actions/upload-artifact@*) [ -f "$work/ws/hub/public/index.html" ] || bad "the artifact's hub/public/ was not built" ;;
            *) bad "a step uses $path, which this test does not know" ;;
          esac ;;
    run) ran=$((ran + 1))
         (cd "$work/ws" && bash --noprofile --norc "$path") >"$work/step.out" 2>&1 \
           || { bad "step failed: $rest"; cat "$work/step.out"; }
         cat "$work/step.out" >>"$work/all.out" ;;
  esac
done <"$work/steps.list"
end=$(date +%s.%N)
[ "$ran" -ge 2 ] || bad "only $ran run steps ran"
grep -q "^qahub $version\$" "$work/all.out" || bad "the install step did not run the packaged qahub --version"
grep -q '^qahub: built ' "$work/all.out" || bad "the hub did not build"
grep -q 'Build qahub from source' "$work/steps.list" && ! grep -q '^skip.*from source' "$work/steps.list" \
  && bad "the source build ran although a release is named"
grep -q '^### qahub build$' "$GITHUB_STEP_SUMMARY" || bad "no step summary"
grep -q '^| 0 | 0 | ' "$GITHUB_STEP_SUMMARY" || bad "the summary's counts: $(grep '^| [0-9]' "$GITHUB_STEP_SUMMARY")"
awk -v a="$start" -v b="$end" 'BEGIN { printf "ok: install + build of a new hub took %.1f s\n", b - a }'
exit "$fail"
