import { useState } from 'react';
import { Tabs } from '../components/tabs.tsx';
import { AggregateBars } from './aggregate-bars.tsx';
import type { MonitoringSnapshot } from './monitoring-types.ts';

type By = 'area' | 'party' | 'phase' | 'tag';

/** Implementation by area of the text, by obligated party, by phase and by provision tag, one tab each. */
export function BreakdownPanel({ snapshot }: { snapshot: MonitoringSnapshot }) {
  const [by, setBy] = useState<By>('area');
  const tabs: { key: By; label: string }[] = [
    { key: 'area', label: 'By area' },
    { key: 'party', label: 'By party' },
    ...(snapshot.agreement.phases.length > 0 ? [{ key: 'phase' as const, label: 'By phase' }] : []),
    { key: 'tag', label: 'By tag' },
  ];
  const colours = new Map(snapshot.parties.map((p) => [p.id, p.colour]));
  const rows = {
    area: snapshot.byArea,
    party: snapshot.byParty,
    phase: snapshot.byPhase,
    tag: snapshot.byTag,
  }[by];
  const label = tabs.find((t) => t.key === by)?.label ?? '';
  return (
    <section className="panel" aria-labelledby="breakdown-heading">
      <h2 id="breakdown-heading">Implementation by group</h2>
      <Tabs label="Group the commitments" tabs={tabs} active={by} onChange={setBy} />
      <div role="tabpanel" aria-label={label}>
        <AggregateBars
          rows={rows}
          {...(by === 'party' ? { colours } : {})}
          empty={
            by === 'area'
              ? 'No commitment is linked to a point in an area.'
              : by === 'tag'
                ? 'No commitment is linked to a tagged point.'
                : by === 'phase'
                  ? 'No commitment is assigned to a phase.'
                  : 'No commitment names an obligated party.'
          }
        />
        <p className="hint">A commitment shared by several parties or tags counts in each of them.</p>
      </div>
    </section>
  );
}
