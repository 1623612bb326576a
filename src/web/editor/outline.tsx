import type { PlanContent } from '../../domain/plans/plan.ts';
import { firstWords, groupByArea } from './plan-groups.ts';

/** The plan at a glance: areas and points (number, first words, status dot); a click jumps to the point. */
export function Outline({ content, onJump }: { content: PlanContent; onJump: (pointId: string) => void }) {
  const groups = groupByArea(content);
  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="outline-heading">Outline</h2>
      {content.points.length === 0 && <p className="muted small">No points yet.</p>}
      {groups.map((g) => (
        <div key={g.area?.id ?? '_none'} className="outline-group">
          {g.area !== null && <p className="outline-area">{g.area.title}</p>}
          <ol>
            {g.points.map((p) => (
              <li key={p.id}>
                <a
                  href={`#point-${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onJump(p.id);
                  }}
                >
                  <span className={`status-dot status-${p.status}`} title={p.status} />
                  <span className="outline-number">{p.number}</span>
                  <span className="outline-words">{firstWords(p.text)}</span>
                </a>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </nav>
  );
}
