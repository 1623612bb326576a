import type { Point } from '../../domain/plans/plan.ts';
import { Markdown, renderInline } from '../components/markdown.tsx';

/** A point's body, sub-items and tags, read-only; shared by the editor and the version view. */
export function PointBody({ point, tagLabel }: { point: Point; tagLabel: (key: string) => string }) {
  return (
    <>
      {point.text.trim() === '' ? (
        <p className="prose muted empty-text">Empty point — press Edit to write it.</p>
      ) : (
        <Markdown text={point.text} />
      )}
      {point.items.length > 0 && (
        <ul className="sub-items prose">
          {point.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sub-items are positional
            <li key={i}>
              {item.label !== null && <span className="sub-item-label">{item.label})</span>}
              <span>{renderInline(item.text)}</span>
            </li>
          ))}
        </ul>
      )}
      {point.tags.length > 0 && (
        <ul className="chip-row" aria-label="Tags">
          {point.tags.map((t) => (
            <li key={t} className="chip">
              {tagLabel(t)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
