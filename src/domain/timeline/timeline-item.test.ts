import { describe, expect, it } from 'vitest';
import { excerpt, filterTimeline, type TimelineItem } from './timeline-item.ts';

const item = (id: string, kind: TimelineItem['kind'], at: string, parties: string[] = []): TimelineItem => ({
  id,
  kind,
  event: 'x',
  at,
  title: id,
  detail: '',
  links: {},
  parties: parties.map((p) => ({ id: p, name: p, code: p, colour: '#000' })),
});

describe('filterTimeline', () => {
  const items = [
    item('c', 'position', '2025-03-03T00:00:00.000Z', ['krf']),
    item('a', 'meeting', '2025-03-01T00:00:00.000Z', ['krf', 'vel']),
    item('b2', 'version', '2025-03-02T00:00:00.000Z'),
    item('b1', 'meeting', '2025-03-02T00:00:00.000Z', ['vel']),
  ];
  it('sorts oldest first, ties by lane then id', () => {
    expect(filterTimeline(items, {}).map((i) => i.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });
  it('keeps the range inclusive, the kinds asked for, and the items involving a party', () => {
    expect(
      filterTimeline(items, { from: '2025-03-02T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' }).map(
        (i) => i.id,
      ),
    ).toEqual(['b1', 'b2', 'c']);
    expect(filterTimeline(items, { kinds: ['meeting'] }).map((i) => i.id)).toEqual(['a', 'b1']);
    expect(filterTimeline(items, { partyId: 'krf' }).map((i) => i.id)).toEqual(['a', 'c']);
    expect(filterTimeline(items, { kinds: [] })).toHaveLength(4);
  });
});

describe('excerpt', () => {
  it('keeps short text, and cuts long text at a word', () => {
    expect(excerpt('  A *short*\n\ntext. ')).toBe('A short text.');
    const cut = excerpt('word '.repeat(60), 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('word…')).toBe(true);
  });
});
