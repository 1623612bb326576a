import { type FormEvent, useId } from 'react';
import type { ApiError } from '../api/client.ts';
import type { VersionSummary } from '../api/types.ts';
import { InlineError } from '../components/status.tsx';
import { Tabs } from '../components/tabs.tsx';

export type SourceTab = 'text' | 'docx';

const TABS: { key: SourceTab; label: string }[] = [
  { key: 'text', label: 'Paste text' },
  { key: 'docx', label: 'Word file (.docx)' },
];

interface Props {
  versions: readonly VersionSummary[];
  baseVersionId: string;
  onBaseChange: (id: string) => void;
  tab: SourceTab;
  onTabChange: (tab: SourceTab) => void;
  text: string;
  onTextChange: (text: string) => void;
  fileName: string | null;
  onFile: (file: File | undefined) => void;
  fileError: string | undefined;
  aligning: boolean;
  error: ApiError | undefined;
  onAlign: () => void;
}

/** Step 1: the version the counter-proposal answers, and its text or Word file. */
export function CounterSourceForm(props: Props) {
  const { error } = props;
  const panelId = useId();
  const ready =
    props.baseVersionId !== '' && (props.tab === 'text' ? props.text.trim() !== '' : props.fileName !== null);
  const fieldError = (field: string) => error?.fieldReason(field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready && !props.aligning) props.onAlign();
  };

  return (
    <form className="counter-source panel stack" onSubmit={submit} aria-labelledby={`${panelId}-title`}>
      <h2 id={`${panelId}-title`}>1. Your counter-proposal</h2>
      <label className="field inline-field">
        <span className="field-label">It answers</span>
        <select value={props.baseVersionId} onChange={(e) => props.onBaseChange(e.target.value)}>
          {props.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        <InlineError message={fieldError('baseVersionId')} />
      </label>
      <Tabs label="Counter-proposal from" tabs={TABS} active={props.tab} onChange={props.onTabChange} />
      <div role="tabpanel" aria-label={TABS.find((t) => t.key === props.tab)?.label} className="stack">
        {props.tab === 'text' ? (
          <label className="field">
            <span className="field-label">
              The whole text, numbered your way — points are matched to the base by their content
            </span>
            <textarea
              className="counter-text"
              rows={14}
              value={props.text}
              placeholder={'1. A comprehensive cessation of hostilities shall take effect …\n2. …'}
              onChange={(e) => props.onTextChange(e.target.value)}
            />
            <InlineError message={fieldError('text')} />
          </label>
        ) : (
          <label className="field">
            <span className="field-label">Word document</span>
            <input type="file" accept=".docx" onChange={(e) => props.onFile(e.target.files?.[0])} />
            {props.fileName !== null && <span className="muted small">{props.fileName}</span>}
            <InlineError message={props.fileError ?? fieldError('dataBase64')} />
          </label>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!ready || props.aligning}>
          {props.aligning ? 'Aligning…' : 'Align'}
        </button>
        <span className="muted small">Nothing is saved until you create the draft amendments.</span>
      </div>
    </form>
  );
}
