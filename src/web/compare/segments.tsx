import type { WordSegment } from '../../domain/plans/redline/redline-types.ts';

type Side = 'both' | 'old' | 'new';

/** Word segments as text with <ins>/<del>; `side` shows only what one text contained. */
export function Segments({ segments, side = 'both' }: { segments: WordSegment[]; side?: Side }) {
  let offset = 0;
  const parts = segments.map((s) => {
    // The running character offset identifies a segment within this redline.
    const key = `${s.op}@${offset}`;
    offset += s.text.length;
    if (s.op === 'equal') return <span key={key}>{s.text}</span>;
    if (s.op === 'insert') return side === 'old' ? null : <ins key={key}>{s.text}</ins>;
    return side === 'new' ? null : <del key={key}>{s.text}</del>;
  });
  return <div className="redline-text">{parts}</div>;
}
