import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit, as a reader would copy it: each text operation's glyph
 * codes mapped through its font's ToUnicode table. Enough for pdfkit's own output (Type0 fonts
 * with Identity-H codes, TJ arrays), which is all the tests read; not a general PDF parser.
 */
export function pdfText(bytes: Uint8Array): string {
  const pdf = Buffer.from(bytes);
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    let stream: string | null = null;
    if (at >= 0 && /stream\r?\n/.test(body.slice(at, at + 8))) {
      const start = m.index + m[0].indexOf('stream') + body.slice(at).match(/^stream\r?\n/)![0].length;
      const end = raw.indexOf('endstream', start);
      const data = pdf.subarray(start, end);
      try {
        stream = inflateSync(data).toString('latin1');
      } catch {
        stream = data.toString('latin1');
      }
    }
    objects.set(m[1]!, { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  const cmaps = new Map<string, Map<number, string>>();
  const cmapOf = (fontRef: string) => {
    const cached = cmaps.get(fontRef);
    if (cached) return cached;
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontRef)?.dict ?? '')?.[1];
    const map = parseCmap(ref ? (objects.get(ref)?.stream ?? '') : '');
    cmaps.set(fontRef, map);
    return map;
  };
  const out: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(dict)?.[1];
    const resources = /\/Resources (\d+) 0 R/.exec(dict)?.[1];
    const fontDict = resources ? (objects.get(resources)?.dict ?? '') : '';
    const fonts = new Map([...fontDict.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((f) => [f[1]!, f[2]!]));
    const content = contents ? (objects.get(contents)?.stream ?? '') : (stream ?? '');
    let map = new Map<number, string>();
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ/g)) {
      if (op[1]) {
        map = cmapOf(fonts.get(op[1]) ?? '');
        continue;
      }
      let line = '';
      for (const hex of (op[2] ?? '').matchAll(/<([0-9a-fA-F]*)>/g))
        for (let i = 0; i + 4 <= hex[1]!.length; i += 4)
          line += map.get(Number.parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '';
      out.push(line);
    }
  }
  return out.join(' ');
}

function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const lo = Number.parseInt(r[1]!, 16);
      const hi = Number.parseInt(r[2]!, 16);
      const target = r[3]!;
      if (target.startsWith('[')) {
        // A ligature maps to several characters, written with a space between them: <0066 0069>.
        const list = [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) =>
          unicode(x[1]!.replace(/\s+/g, '')),
        );
        for (const [i, u] of list.entries()) map.set(lo + i, u);
      } else {
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(r[1]!, 16), unicode(r[2]!));
  return map;
}

/** Text with every kind of space removed, for comparing words that may wrap across lines. */
export const squeeze = (text: string) => text.replace(/[\s\u00a0\u200b\u2060]+/g, '');
