import type { ImportProblem } from '../../domain/plans/import/import-result.ts';
import type { PlanContent, Point } from '../../domain/plans/plan.ts';
import { plural } from '../components/format.ts';

/** The parsed structure as a tree: title, preamble, areas with their points and sub-items. */
export function ImportPreviewTree({ plan }: { plan: PlanContent }) {
  const groups: { id: string; title: string | null; points: Point[] }[] = [];
  const loose = plan.points.filter((p) => p.areaId === null);
  if (loose.length > 0) groups.push({ id: '_none', title: null, points: loose });
  for (const a of plan.areas)
    groups.push({ id: a.id, title: a.title, points: plan.points.filter((p) => p.areaId === a.id) });

  return (
    <div className="preview-tree">
      <p className="preview-title">
        {plan.title === '' ? <em className="muted">No title found</em> : plan.title}
      </p>
      <p className="muted small">
        {plural(plan.points.length, 'point')} in {plural(plan.areas.length, 'area')}
        {plan.notes.length > 0 ? `, ${plural(plan.notes.length, 'note')}` : ''}
      </p>
      {plan.preamble !== '' && <p className="preview-preamble">{firstWords(plan.preamble, 40)}</p>}
      <ul className="tree">
        {groups.map((g) => (
          <li key={g.id}>
            {g.title !== null && <span className="tree-area">{g.title}</span>}
            <ul>
              {g.points.map((p) => (
                <li key={p.id}>
                  <span className="tree-number">{p.number}</span> {firstWords(p.text, 14)}
                  {p.items.length > 0 && (
                    <ul>
                      {p.items.map((item, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: sub-items have no identity of their own
                        <li key={i}>
                          {item.label !== null && <span className="tree-number">{item.label}</span>}{' '}
                          {firstWords(item.text, 10)}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ProblemList({ problems }: { problems: ImportProblem[] }) {
  if (problems.length === 0) return <p className="ok-line">No problems found.</p>;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div>
      <p className="small">
        {plural(errors, 'error')}, {plural(problems.length - errors, 'warning')}
      </p>
      <ul className="problems">
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems are a fixed list per preview
          <li key={i} className={`problem problem-${p.severity}`}>
            <span className="problem-kind">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
            <span className="problem-line">line {p.line}</span>
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function firstWords(text: string, n: number): string {
  const words = text.replace(/[*_]/g, '').split(/\s+/).filter(Boolean);
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}
