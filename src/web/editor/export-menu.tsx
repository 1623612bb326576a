import { useId, useState } from 'react';
import type { VersionSummary } from '../api/types.ts';

const FORMATS = [
  { key: 'md', label: 'Markdown' },
  { key: 'json', label: 'JSON' },
  { key: 'docx', label: 'Word' },
  { key: 'pdf', label: 'PDF' },
] as const;

/** Plain download links, so the browser handles the file (Content-Disposition: attachment). */
export function ExportMenu({
  planId,
  versions,
  initial = 'draft',
  includeDraft = true,
}: {
  planId: string;
  versions: VersionSummary[];
  initial?: string;
  /** Offer the working draft (the mediator team only). */
  includeDraft?: boolean;
}) {
  const [source, setSource] = useState(initial);
  const id = useId();
  return (
    <section className="side-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="side-heading">
        Export
      </h2>
      <label className="field">
        <span className="field-label">Text to export</span>
        <select value={source} onChange={(e) => setSource(e.target.value)}>
          {includeDraft && <option value="draft">Working draft</option>}
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <ul className="export-links">
        {FORMATS.map((f) => (
          <li key={f.key}>
            <a
              className="button button-small"
              href={`/api/v1/plans/${planId}/export?format=${f.key}&version=${encodeURIComponent(source)}`}
              download
            >
              {f.label}
            </a>
          </li>
        ))}
        <li>
          <a
            className="button button-small"
            href={`/api/v1/plans/${planId}/export?format=pdf&print=1&version=${encodeURIComponent(source)}`}
            target="_blank"
            rel="noopener"
          >
            Print…
          </a>
        </li>
      </ul>
      {source !== 'draft' && (
        <p className="muted export-hint">
          Each copy of a version is marked invisibly for you, so that a leak can be traced.
        </p>
      )}
    </section>
  );
}
