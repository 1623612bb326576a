import { useId, useState } from 'react';
import type { ImportProblem } from '../../domain/plans/import/import-result.ts';
import { ApiError, api } from '../api/client.ts';
import type { PlanSummary } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import { Tabs } from '../components/tabs.tsx';
import { ImportPreviewTree, ProblemList } from './import-preview.tsx';
import {
  type ImportFormat,
  type ImportSource,
  readAsBase64,
  useImportPreview,
} from './use-import-preview.ts';

interface Props {
  processId: string;
  onClose: () => void;
  onCreated: (plan: PlanSummary) => void;
}

const TABS: { key: ImportFormat; label: string }[] = [
  { key: 'text', label: 'Paste text' },
  { key: 'docx', label: 'Upload .docx' },
  { key: 'json', label: 'Entente JSON' },
];

export function ImportDialog({ processId, onClose, onCreated }: Props) {
  const [format, setFormat] = useState<ImportFormat>('text');
  const [texts, setTexts] = useState<Record<'text' | 'json', string>>({ text: '', json: '' });
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<{ detail: string; problems: ImportProblem[] } | undefined>();
  const panelId = useId();

  const source: ImportSource | null =
    format === 'docx'
      ? file === null
        ? null
        : { format, contentBase64: file.base64 }
      : texts[format].trim() === ''
        ? null
        : { format, text: texts[format] };
  const preview = useImportPreview(processId, source);
  const result =
    preview.status === 'ready' ? preview.result : preview.status === 'loading' ? preview.last : undefined;
  const hasErrors = result?.problems.some((p) => p.severity === 'error') ?? false;
  const canCreate =
    source !== null && preview.status === 'ready' && preview.result.ok && !hasErrors && !creating;

  async function chooseFile(f: File | undefined) {
    setFileError(undefined);
    if (f === undefined) return setFile(null);
    if (!f.name.toLowerCase().endsWith('.docx'))
      return setFileError('Choose a Word document ending in .docx.');
    try {
      setFile({ name: f.name, base64: await readAsBase64(f) });
    } catch {
      setFileError('The file could not be read.');
    }
  }

  async function create() {
    if (source === null) return;
    setCreating(true);
    setCreateError(undefined);
    try {
      const body = title.trim() === '' ? source : { ...source, title: title.trim() };
      const { plan } = await api.post<{ plan: PlanSummary }>(`/processes/${processId}/plans/import`, body);
      onCreated(plan);
    } catch (err) {
      const problems = err instanceof ApiError && Array.isArray(err.extra.problems) ? err.extra.problems : [];
      setCreateError({
        detail: err instanceof ApiError ? err.detail : 'The plan could not be created.',
        problems: problems as ImportProblem[],
      });
      setCreating(false);
    }
  }

  const footer = (
    <>
      <span className="muted small">
        {hasErrors
          ? 'Fix the errors before creating the plan.'
          : 'Nothing is saved until you create the plan.'}
      </span>
      <button type="button" className="button button-quiet" onClick={onClose}>
        Cancel
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={!canCreate}
        onClick={() => void create()}
      >
        {creating ? 'Creating…' : 'Create plan'}
      </button>
    </>
  );

  return (
    <Dialog title="Import a plan" onClose={onClose} footer={footer} size="large">
      <Tabs label="Import from" tabs={TABS} active={format} onChange={setFormat} />
      <div className="import-grid">
        <div
          role="tabpanel"
          id={panelId}
          aria-label={TABS.find((t) => t.key === format)?.label}
          className="stack"
        >
          {format === 'docx' ? (
            <label className="field">
              <span className="field-label">Word document</span>
              <input type="file" accept=".docx" onChange={(e) => void chooseFile(e.target.files?.[0])} />
              {file !== null && <span className="muted small">{file.name}</span>}
              <InlineError message={fileError} />
            </label>
          ) : (
            <label className="field">
              <span className="field-label">
                {format === 'text'
                  ? 'Plan text — numbered points, headings become areas'
                  : 'Entente JSON export'}
              </span>
              <textarea
                className={`import-text${format === 'json' ? ' mono' : ''}`}
                rows={16}
                spellCheck={format === 'text'}
                value={texts[format]}
                placeholder={
                  format === 'text' ? '1. Ukraine’s sovereignty will be confirmed.\n2. …' : '{ "title": … }'
                }
                onChange={(e) => setTexts({ ...texts, [format]: e.target.value })}
              />
            </label>
          )}
          <label className="field">
            <span className="field-label">
              Title <span className="optional">optional, overrides the title found in the text</span>
            </span>
            <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </label>
        </div>
        <section
          className="import-preview"
          aria-label="Preview"
          aria-live="polite"
          aria-busy={preview.status === 'loading'}
        >
          <h3>Preview</h3>
          {preview.status === 'idle' && (
            <p className="muted">The structure found in the text appears here.</p>
          )}
          {preview.status === 'loading' && result === undefined && <Loading label="Reading…" />}
          {preview.status === 'failed' && <ErrorBox error={preview.error} title="Preview failed" />}
          {result !== undefined && (
            <>
              <h4>Problems</h4>
              <ProblemList problems={result.problems} />
              {result.plan !== null && (
                <>
                  <h4>Structure</h4>
                  <ImportPreviewTree plan={result.plan} />
                </>
              )}
            </>
          )}
          {createError !== undefined && (
            <div className="error-box" role="alert">
              <p>{createError.detail}</p>
              {createError.problems.length > 0 && <ProblemList problems={createError.problems} />}
            </div>
          )}
        </section>
      </div>
    </Dialog>
  );
}
