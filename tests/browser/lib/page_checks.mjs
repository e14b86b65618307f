// Checks that run inside a page: axe-core, console watching, focus styles,
// print-media visibility and reflow.

import path from 'node:path';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// Records everything the browser complains about while a page is open:
/// console messages of any type, uncaught errors, failed requests and
/// responses with status >= 400. `allow(problem)` filters deliberate ones.
export function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    const where = msg.location()?.url ? ` (${msg.location().url})` : '';
    problems.push({ kind: `console.${msg.type()}`, text: `${msg.text()}${where}`, url: msg.location()?.url || '' });
  });
  page.on('pageerror', (err) => problems.push({ kind: 'pageerror', text: err.stack || String(err), url: '' }));
  page.on('requestfailed', (req) => {
    problems.push({ kind: 'requestfailed', text: `${req.method()} ${req.url()}: ${req.failure()?.errorText}`, url: req.url() });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push({ kind: `http ${res.status()}`, text: `${res.request().method()} ${res.url()}`, url: res.url(), status: res.status() });
  });
  return problems;
}

export function formatProblems(problems) {
  return problems.map((p) => `  ${p.kind}: ${p.text}`).join('\n');
}

/// Injects axe-core from node_modules and runs the WCAG 2.x A/AA rules.
export async function runAxe(page, repo, { injected = false } = {}) {
  if (!injected) await page.addScriptTag({ path: path.join(repo, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`  ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    target: ${n.target}`);
      if (n.summary) lines.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/// Marks every keyboard-focusable element with data-qh-idx and returns its
/// unfocused look, so a later focus can be compared with it.
export async function snapshotFocusables(page) {
  return page.evaluate(() => {
    const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const look = (el) => {
      const s = getComputedStyle(el);
      return {
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none',
        boxShadow: s.boxShadow,
        background: s.backgroundColor,
        color: s.color,
        textDecoration: s.textDecorationLine,
        border: `${s.borderTopColor} ${s.borderBottomColor} ${s.borderBottomWidth}`,
      };
    };
    window.__qhLook = look;
    const out = {};
    document.querySelectorAll(sel).forEach((el, i) => {
      el.setAttribute('data-qh-idx', String(i));
      out[i] = look(el);
    });
    return out;
  });
}

/// Describes the focused element and how its look differs from `before`.
export async function focusedState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const label = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    return {
      idx: el.getAttribute('data-qh-idx'),
      id: el.id,
      label,
      look: window.__qhLook ? window.__qhLook(el) : null,
      visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0,
      inViewport: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    };
  });
}

/// Which properties changed between an unfocused and a focused look.
export function focusChanges(before, after) {
  return Object.keys(before).filter((k) => before[k] !== after[k]);
}

/// For each selector, whether an element matches and whether it is rendered
/// (no display:none on it or an ancestor, not visibility:hidden).
export async function renderState(page, selectors) {
  return page.evaluate((sels) => {
    const out = {};
    for (const sel of sels) {
      const els = [...document.querySelectorAll(sel)];
      out[sel] = {
        count: els.length,
        rendered: els.filter((el) => {
          for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return false;
          return getComputedStyle(el).visibility !== 'hidden';
        }).length,
        text: els.map((el) => el.innerText || '').join(' ').replace(/\s+/g, ' ').trim(),
      };
    }
    return out;
  }, selectors);
}

export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits = [];
    if (scrollWidth > width) {
      const clipped = (el) => {
        for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
          if (getComputedStyle(e).overflowX !== 'visible') return true;
        }
        return false;
      };
      for (const el of document.body.querySelectorAll('*')) {
        if (clipped(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5 && r.width > 0) {
          culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} right=${Math.round(r.right)}`);
        }
        if (culprits.length >= 5) break;
      }
    }
    return { width, scrollWidth, culprits };
  });
}
