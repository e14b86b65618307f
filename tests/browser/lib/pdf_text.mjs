// Just enough of a PDF text extractor for the PDFs Chromium (Skia) writes:
// uncompressed object table, Flate content streams, Type0 fonts with
// Identity-H encoding and a ToUnicode CMap. Good for asserting that some text
// is, or is not, in a printed page; not a general PDF reader.

import zlib from 'node:zlib';

function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2];
    const s = body.indexOf('stream');
    let dict = body;
    let stream = null;
    if (s >= 0) {
      dict = body.slice(0, s);
      let start = s + 'stream'.length;
      if (body[start] === '\r') start++;
      if (body[start] === '\n') start++;
      const end = body.lastIndexOf('endstream');
      const raw = Buffer.from(body.slice(start, end), 'latin1');
      stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

function hexToString(hex) {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCodePoint(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function parseCMap(text) {
  const map = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1], 16), hexToString(m[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      const dst = parseInt(m[3], 16);
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(dst + (c - lo)));
    }
  }
  return map;
}

/// The text of every page, in content-stream order, one string per page.
export function pdfText(pdf) {
  const objs = objects(pdf);
  const cmaps = new Map(); // font object number -> Map(glyph -> text)
  for (const [num, { dict }] of objs) {
    const tu = dict.match(/\/Type\s*\/Font[\s\S]*\/ToUnicode\s+(\d+) 0 R/);
    if (tu && objs.get(Number(tu[1]))?.stream) cmaps.set(num, parseCMap(objs.get(Number(tu[1])).stream.toString('latin1')));
  }
  const pages = [];
  for (const { dict } of objs.values()) {
    if (!/\/Type\s*\/Page\b/.test(dict)) continue;
    const fonts = new Map();
    const fontDict = dict.match(/\/Font\s*<<([\s\S]*?)>>/);
    if (fontDict) for (const m of fontDict[1].matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fonts.set(m[1], cmaps.get(Number(m[2])));
    const contents = dict.match(/\/Contents\s+(\d+) 0 R/);
    const stream = contents && objs.get(Number(contents[1]))?.stream;
    if (!stream) { pages.push(''); continue; }
    let cmap = null;
    let text = '';
    const decode = (hex) => {
      for (let i = 0; i + 4 <= hex.length; i += 4) {
        const code = parseInt(hex.slice(i, i + 4), 16);
        text += (cmap && cmap.get(code)) || '';
      }
    };
    const ops = /\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\bET\b/g;
    for (const m of stream.toString('latin1').matchAll(ops)) {
      if (m[1]) cmap = fonts.get(m[1]) || null;
      else if (m[2] !== undefined) decode(m[2]);
      else if (m[3] !== undefined) for (const h of m[3].matchAll(/<([0-9A-Fa-f]*)>/g)) decode(h[1]);
      else text += '\n';
    }
    pages.push(text);
  }
  return pages;
}
