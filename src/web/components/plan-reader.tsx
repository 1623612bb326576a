import { Fragment, type ReactNode } from 'react';
import type { PlanContent } from '../../domain/plans/plan.ts';
import type { ProvisionTag } from '../../domain/plans/taxonomy.ts';
import { groupByArea, notesByAnchor } from '../editor/plan-groups.ts';
import { STATUS_LABELS } from '../editor/point-form.tsx';
import { PointBody } from '../editor/point-view.tsx';
import { Markdown } from './markdown.tsx';
import { PlanNoteView } from './plan-note.tsx';

/** A plan's content, read-only, laid out like the editor without its controls. */
export function PlanReader({
  content,
  taxonomy,
  afterPoint,
}: {
  content: PlanContent;
  taxonomy: ProvisionTag[];
  /** What the page shows under a point (a party's private notes). */
  afterPoint?: (point: { id: string; number: string }) => ReactNode;
}) {
  const tagLabel = (key: string) => taxonomy.find((t) => t.key === key)?.label ?? key;
  const notes = notesByAnchor(content);
  const notesAfter = (anchor: string | null) =>
    (notes.get(anchor) ?? []).map((n) => <PlanNoteView key={n.id} note={n} />);
  return (
    <article className="plan-reader">
      <header className="plan-head">
        <h1 className="plan-title">{content.title === '' ? 'Untitled plan' : content.title}</h1>
        {content.preamble !== '' && <Markdown text={content.preamble} className="prose preamble" />}
      </header>
      {notesAfter(null)}
      {groupByArea(content).map((g) => (
        <section key={g.area?.id ?? '_none'} className="area">
          {g.area !== null && <h2 className="area-title area-head">{g.area.title}</h2>}
          {g.points.map((p) => [
            <article
              key={p.id}
              id={`point-${p.id}`}
              className={`point-card read-only status-${p.status}`}
              aria-label={`Point ${p.number}`}
            >
              <header className="point-head">
                <span className="point-number">{p.number}</span>
                <span className={`status-dot status-${p.status}`} aria-hidden="true" />
                <span className="status-text">{STATUS_LABELS[p.status]}</span>
              </header>
              <PointBody point={p} tagLabel={tagLabel} />
            </article>,
            afterPoint ? <Fragment key={`after-${p.id}`}>{afterPoint(p)}</Fragment> : null,
            ...notesAfter(p.id),
          ])}
        </section>
      ))}
    </article>
  );
}
