#!/usr/bin/env bash
# .ci/kind_lists.py (run by .ci/lint): a hand-written list of three record
# kinds in generator/ fails with its line; the same names spread over a
# function, or in the kinds table itself, do not.
set -euo pipefail
root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/generator/record_pages" "$work/generator/x"
cp "$root/generator/record_pages/kinds.cc" "$work/generator/record_pages/"
cat > "$work/generator/x/list.cc" <<'CC'
// "cycle", "audit", "meeting" in a comment is no list
bool cited(const std::string& k) {
  return k == "cycle" ||
         k == "audit" || k == "meeting";
}
CC
cat > "$work/generator/x/spread.cc" <<'CC'
void refs() {
  add("forum");


  add("cycle");


  add("action");
}
CC
if out="$(python3 "$root/.ci/kind_lists.py" "$work" 2>&1)"; then
  echo "FAIL: a list of kinds passed"; exit 1
fi
want='generator/x/list.cc:3: "audit", "cycle", "meeting": a list of kinds; follow the kinds table (record_pages/kinds.h)'
[ "$out" = "$want" ] || { echo "FAIL: got"; echo "$out"; echo "want"; echo "$want"; exit 1; }
rm "$work/generator/x/list.cc"
python3 "$root/.ci/kind_lists.py" "$work" || { echo "FAIL: names spread over a function were taken for a list"; exit 1; }
echo "kind_lists: a list of kinds fails, spread names and the table pass"
