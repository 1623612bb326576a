import { INFO_CREDIBILITY, SOURCE_RELIABILITY } from '../../domain/monitoring/monitoring-model.ts';
import { InlineError } from '../components/status.tsx';
import { gradingLabel } from './event-format.ts';
import type { InfoCredibility, SourceReliability } from './event-types.ts';

const RELIABILITY = Object.keys(SOURCE_RELIABILITY) as SourceReliability[];
const CREDIBILITY = Object.keys(INFO_CREDIBILITY).map(Number) as InfoCredibility[];

/** The source and its Admiralty grading: how reliable the source is (A–F), how credible this report (1–6). */
export function GradingFields({
  source,
  reliability,
  credibility,
  onSource,
  onReliability,
  onCredibility,
  fieldError,
}: {
  source: string;
  reliability: SourceReliability;
  credibility: InfoCredibility;
  onSource: (s: string) => void;
  onReliability: (r: SourceReliability) => void;
  onCredibility: (c: InfoCredibility) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <fieldset className="field">
      <legend className="field-label">Source</legend>
      <label className="field">
        <span className="field-label">Who or what reported it</span>
        <input
          value={source}
          maxLength={500}
          placeholder="Patrol report, local authority, news agency, social media post…"
          onChange={(e) => onSource(e.target.value)}
        />
        <InlineError message={fieldError('source')} />
      </label>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">Reliability of the source</span>
          <select value={reliability} onChange={(e) => onReliability(e.target.value as SourceReliability)}>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {r} — {SOURCE_RELIABILITY[r]}
              </option>
            ))}
          </select>
          <InlineError message={fieldError('sourceReliability')} />
        </label>
        <label className="field grow">
          <span className="field-label">Credibility of the information</span>
          <select
            value={credibility}
            onChange={(e) => onCredibility(Number(e.target.value) as InfoCredibility)}
          >
            {CREDIBILITY.map((c) => (
              <option key={c} value={c}>
                {c} — {INFO_CREDIBILITY[c]}
              </option>
            ))}
          </select>
          <InlineError message={fieldError('infoCredibility')} />
        </label>
      </div>
      <p className="hint" aria-live="polite">
        Graded <strong>{gradingLabel(reliability, credibility)}</strong>. The two are judged apart: a reliable
        source can pass on a doubtful report.
      </p>
    </fieldset>
  );
}
