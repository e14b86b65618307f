// A small test runner: test(name, fn) registers, run() executes in order and
// prints one line per test, then `N passed, N failed` as the last line.
// Consecutive tests registered with { parallel: true } run a few at a time
// (they must not share state); their lines still print in registration order.
// A test skips itself by throwing skip(reason).

const tests = [];

export function test(name, fn, { parallel = false } = {}) {
  tests.push({ name, fn, parallel });
}

class Skip extends Error {}

/// Throw the result to mark the running test as skipped, with the reason printed.
export function skip(reason) {
  return new Skip(reason);
}

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

async function runOne(t) {
  const started = Date.now();
  try {
    await t.fn();
    return { status: 'ok', text: `ok    ${t.name} (${Date.now() - started} ms)` };
  } catch (err) {
    if (err instanceof Skip) return { status: 'skip', text: `skip  ${t.name}: ${err.message}` };
    const detail = err instanceof AssertionError ? err.message : (err && err.stack) || String(err);
    return {
      status: 'fail',
      text: `FAIL  ${t.name} (${Date.now() - started} ms)\n${detail.split('\n').map((line) => `      ${line}`).join('\n')}`,
    };
  }
}

/// Runs every registered test (those whose name contains `only`, if given);
/// returns the number of failures.
export async function run({ only, concurrency = 3 } = {}) {
  const selected = tests.filter((t) => !only || t.name.includes(only));
  const counts = { ok: 0, fail: 0, skip: 0 };
  const failures = [];
  const report = (t, result) => {
    counts[result.status]++;
    if (result.status === 'fail') failures.push(t.name);
    console.log(result.text);
  };
  for (let i = 0; i < selected.length;) {
    if (!selected[i].parallel) {
      report(selected[i], await runOne(selected[i]));
      i++;
      continue;
    }
    let j = i;
    while (j < selected.length && selected[j].parallel) j++;
    const batch = selected.slice(i, j);
    const results = new Array(batch.length);
    const settled = batch.map(() => null);
    let next = 0;
    let printed = 0;
    const flush = () => {
      while (printed < batch.length && settled[printed]) report(batch[printed], results[printed]), printed++;
    };
    const worker = async () => {
      for (let k = next++; k < batch.length; k = next++) {
        results[k] = await runOne(batch[k]);
        settled[k] = true;
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    i = j;
  }
  if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
  if (counts.skip) console.log(`${counts.skip} skipped`);
  console.log(`${counts.ok} passed, ${counts.fail} failed`);
  return counts.fail;
}
