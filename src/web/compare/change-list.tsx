import { useState } from 'react';
import type { RedlineChange } from '../../domain/plans/redline/redline-types.ts';
import { plural } from '../components/format.ts';
import { ChangeHead, ChangeNotes } from './change-head.tsx';
import { changeNumber, isQuiet } from './kinds.ts';
import { Segments } from './segments.tsx';

type Layout = 'inline' | 'side';

interface Props {
  changes: RedlineChange[];
  layout: Layout;
  showUnchanged: boolean;
  fromLabel: string;
  toLabel: string;
}

type Run = { quiet: false; change: RedlineChange } | { quiet: true; changes: RedlineChange[] };

/** Consecutive unchanged points fold into one expander ("12 unchanged points"). */
function toRuns(changes: RedlineChange[]): Run[] {
  const runs: Run[] = [];
  for (const change of changes) {
    const last = runs.at(-1);
    if (!isQuiet(change)) runs.push({ quiet: false, change });
    else if (last?.quiet === true) last.changes.push(change);
    else runs.push({ quiet: true, changes: [change] });
  }
  return runs;
}

const changeKey = (c: RedlineChange) =>
  `${c.kind}:${c.old.map((r) => r.id).join('+')}>${c.new.map((r) => r.id).join('+')}`;

export function ChangeList({ changes, layout, showUnchanged, fromLabel, toLabel }: Props) {
  const runs = toRuns(changes);
  return (
    <div className={`change-list layout-${layout}`}>
      {layout === 'side' && (
        <div className="side-header" aria-hidden="true">
          <span>{fromLabel}</span>
          <span>{toLabel}</span>
        </div>
      )}
      {runs.map((run) =>
        run.quiet ? (
          <QuietRun
            key={changeKey(run.changes[0] as RedlineChange)}
            changes={run.changes}
            layout={layout}
            open={showUnchanged}
          />
        ) : (
          <Change key={changeKey(run.change)} change={run.change} layout={layout} />
        ),
      )}
    </div>
  );
}

function QuietRun({ changes, layout, open }: { changes: RedlineChange[]; layout: Layout; open: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const first = changes[0];
  const last = changes.at(-1);
  if (open || expanded) {
    return (
      <>
        {!open && (
          <button
            type="button"
            className="quiet-toggle"
            aria-expanded="true"
            onClick={() => setExpanded(false)}
          >
            Hide {plural(changes.length, 'unchanged point')}
          </button>
        )}
        {changes.map((c) => (
          <Change key={changeKey(c)} change={c} layout={layout} />
        ))}
      </>
    );
  }
  const range =
    first === undefined || last === undefined
      ? ''
      : changes.length === 1
        ? ` (${changeNumber(first)})`
        : ` (${changeNumber(first)}–${changeNumber(last)})`;
  const renumbered = changes.filter((c) => c.renumbered).length;
  return (
    <button type="button" className="quiet-toggle" aria-expanded="false" onClick={() => setExpanded(true)}>
      {plural(changes.length, 'unchanged point')}
      {range}
      {renumbered > 0 && ` · ${renumbered === changes.length ? 'all' : renumbered} renumbered`}
      <span className="quiet-action"> — show</span>
    </button>
  );
}

function Change({ change, layout }: { change: RedlineChange; layout: Layout }) {
  const quiet = isQuiet(change);
  const cls = `change kind-border-${change.kind}${quiet ? ' change-quiet' : ''}`;
  if (layout === 'inline') {
    return (
      <article className={cls} aria-label={`Point ${changeNumber(change)}: ${change.kind}`}>
        <ChangeHead change={change} />
        <Segments segments={change.segments} />
        <ChangeNotes notes={change.notes} />
      </article>
    );
  }
  const hasOld = change.old.length > 0;
  const hasNew = change.new.length > 0;
  return (
    <article className={`${cls} side-row`} aria-label={`Point ${changeNumber(change)}: ${change.kind}`}>
      <ChangeHead change={change} />
      <div className="side-cols">
        <div className={`side-col side-old${hasOld ? '' : ' side-empty'}`}>
          {hasOld ? (
            <Segments segments={change.segments} side="old" />
          ) : (
            <span className="muted small">not in this text</span>
          )}
        </div>
        <div className={`side-col side-new${hasNew ? '' : ' side-empty'}`}>
          {hasNew ? (
            <Segments segments={change.segments} side="new" />
          ) : (
            <span className="muted small">deleted</span>
          )}
        </div>
      </div>
      <ChangeNotes notes={change.notes} />
    </article>
  );
}
