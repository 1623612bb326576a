import { Link } from 'wouter';
import { Markdown } from '../components/markdown.tsx';
import type { Agreement } from './monitoring-types.ts';
import { useAdoptedText } from './use-adopted-text.ts';

/** The point of the adopted text a commitment comes from, its sub-item marked, as it was signed. */
export function AdoptedPoint({
  agreement,
  pointId,
  subItem,
}: {
  agreement: Agreement;
  pointId: string | null;
  subItem: number | null;
}) {
  const text = useAdoptedText(pointId === null ? undefined : agreement);
  if (pointId === null)
    return <p className="empty">This commitment stands for the agreement as a whole, not one point.</p>;
  if (text.error !== undefined)
    return <p className="empty">The adopted text could not be loaded: {text.error.detail}</p>;
  if (text.points === null) return <p className="muted">Loading the adopted text…</p>;
  const found = text.points.find((p) => p.point.id === pointId);
  if (found === undefined) return <p className="empty">The point is no longer in the adopted version.</p>;
  const { point, area } = found;
  return (
    <figure className="adopted-point">
      <figcaption className="muted">
        Point {point.number}
        {area !== null && ` · ${area}`} ·{' '}
        <Link href={`/plans/${agreement.planId}/versions/${agreement.versionId}#point-${point.id}`}>
          {agreement.versionLabel}
        </Link>
      </figcaption>
      <blockquote className="prose">
        <Markdown text={point.text} />
        {point.items.length > 0 && (
          <ul className="adopted-items">
            {point.items.map((item, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: sub-items are identified by their place in the point.
                key={i}
                className={i === subItem ? 'is-current' : undefined}
                aria-current={i === subItem ? 'true' : undefined}
              >
                {item.label !== null && <strong>{item.label} </strong>}
                {item.text}
              </li>
            ))}
          </ul>
        )}
      </blockquote>
    </figure>
  );
}
