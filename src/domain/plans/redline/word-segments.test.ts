import { describe, expect, it } from 'vitest';
import { alignMonotone } from './monotone-alignment.ts';
import { pointText } from './point-text.ts';
import { segmentSimilarity, wordSegments } from './word-segments.ts';

describe('wordSegments and segmentSimilarity', () => {
  it('marks the changed words and measures the shared share', () => {
    const segments = wordSegments('Forces withdraw within 14 days.', 'Forces withdraw within 30 days.');
    expect(segments).toEqual([
      { op: 'equal', text: 'Forces withdraw within ' },
      { op: 'delete', text: '14' },
      { op: 'insert', text: '30' },
      { op: 'equal', text: ' days.' },
    ]);
    expect(segmentSimilarity(segments)).toBeCloseTo(0.8, 5);
    expect(wordSegments('', '')).toEqual([]);
    expect(segmentSimilarity([])).toBe(1);
  });
});

describe('pointText', () => {
  it('puts each sub-item on its own line', () => {
    const items = [
      { label: 'a', text: 'first' },
      { label: '→', text: 'then' },
      { label: null, text: 'bullet' },
    ];
    expect(pointText({ text: 'Body.', items })).toBe('Body.\na) first\n→ then\n• bullet');
    expect(pointText({ text: '', items: items.slice(0, 1) })).toBe('a) first');
  });
});

describe('alignMonotone', () => {
  it('keeps the best non-crossing pairs and skips forbidden cells', () => {
    const table = [
      [0.9, null, 0.6],
      [null, null, 0.95],
    ];
    expect(alignMonotone(2, 3, (a, b) => table[a]![b]!)).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(alignMonotone(0, 3, () => 1)).toEqual([]);
  });
});
