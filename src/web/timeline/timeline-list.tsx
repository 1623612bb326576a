import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../components/format.ts';
import { PartySwatch } from '../process/party-swatch.tsx';
import { KIND_LABELS, type TimelineItem } from './timeline-types.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The same items as a list grouped by (local) day, oldest first: what a screen reader reads. */
export function TimelineList({
  processId,
  items,
  selectedId,
}: {
  processId: string;
  items: TimelineItem[];
  selectedId: string | null;
}) {
  const days = groupByDay(items);
  const selected = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selectedId) {
      selected.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      selected.current?.focus({ preventScroll: true });
    }
  }, [selectedId]);
  return (
    <div className="timeline-days">
      {days.map(({ day, items: dayItems }) => (
        <section key={day} className="timeline-day" aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>
            <time dateTime={day}>{formatDate(dayItems[0]!.at)}</time>
          </h3>
          <ol>
            {dayItems.map((item) => (
              <li
                key={item.id}
                ref={item.id === selectedId ? selected : undefined}
                tabIndex={item.id === selectedId ? -1 : undefined}
                className={`timeline-entry entry-${item.kind}${item.id === selectedId ? ' selected' : ''}`}
              >
                <time className="entry-time" dateTime={item.at}>
                  {timeFormat.format(new Date(item.at))}
                </time>
                <span className={`entry-kind kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
                <div className="entry-body">
                  <p className="entry-title">
                    <EntryLink processId={processId} item={item} />
                  </p>
                  {item.detail !== '' && <p className="entry-detail">{item.detail}</p>}
                  {item.parties.length > 0 && (
                    <p className="entry-parties">
                      {item.parties.map((p) => (
                        <span key={p.id} className="entry-party" title={p.name}>
                          <PartySwatch colour={p.colour} />
                          {p.code}
                        </span>
                      ))}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** The title, linked to where the item lives (a version, the meetings, amendments or positions). */
function EntryLink({ processId, item }: { processId: string; item: TimelineItem }) {
  const { planId, versionId, meetingId } = item.links;
  const href =
    item.kind === 'meeting' && meetingId
      ? `/processes/${processId}/meetings/${meetingId}`
      : item.kind === 'amendment' && planId
        ? `/plans/${planId}/amendments`
        : item.kind === 'position' && planId
          ? `/plans/${planId}/positions`
          : planId && versionId
            ? `/plans/${planId}/versions/${versionId}`
            : null;
  return href ? <Link href={href}>{item.title}</Link> : item.title;
}

function groupByDay(items: readonly TimelineItem[]) {
  const days: { day: string; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const d = new Date(item.at);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const last = days.at(-1);
    if (last && last.day === day) last.items.push(item);
    else days.push({ day, items: [item] });
  }
  return days;
}
