import { Markdown } from '../components/markdown.tsx';
import type { AnalysisPoint } from './api-types.ts';

/** A point's number, area and the opening of the text the party holds. */
export function PointHead({ point, excerptId }: { point: AnalysisPoint; excerptId?: string }) {
  return (
    <div className="pref-point-head">
      <h3>
        Point {point.number}
        {point.area !== null && point.area !== '' && <span className="pref-area"> · {point.area}</span>}
        {point.good && <span className="pref-good-badge">Good</span>}
      </h3>
      <p className="pref-excerpt" id={excerptId}>
        {point.excerpt}
      </p>
    </div>
  );
}

/** An option's full wording, folded away until asked for: the label is usually enough to score. */
export function OptionText({ text, label }: { text: string; label: string }) {
  if (text.trim() === '') return null;
  return (
    <details className="pref-option-details">
      <summary>
        Read the wording<span className="visually-hidden"> of {label}</span>
      </summary>
      <Markdown text={text} className="prose pref-option-prose" />
    </details>
  );
}
