/**
 * An attachment (or inline) header for a file name that may hold any letters. Header values must be Latin-1
 * (Node refuses anything else, which surfaced as a 500), so a non-ASCII name goes in RFC 6266
 * form: an ASCII `filename` for old clients and the full name as UTF-8 in `filename*`.
 */
export function attachmentHeader(fileName: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const asciiStem = stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const ascii = `${asciiStem || 'plan'}${ext.replace(/[^A-Za-z0-9.]/g, '')}`;
  if (ascii === fileName) return `${kind}; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
