import { useState } from 'react';
import { Link } from 'wouter';
import { checkMapping, suggestMapping } from '../../domain/monitoring/event-import/event-columns.ts';
import type { ColumnMapping } from '../../domain/monitoring/event-import/event-fields.ts';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { useProcessTitle } from '../api/titles.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { plural } from '../components/format.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import { type CsvHead, readCsvHead } from '../events/csv-head.ts';
import { CsvPreview } from '../events/csv-preview.tsx';
import type { EventImportList, ImportReport } from '../events/event-types.ts';
import { ImportHistory } from '../events/import-history.tsx';
import { ImportMapping } from '../events/import-mapping.tsx';
import { ImportReportView } from '../events/import-report.tsx';
import { uploadEventCsv } from '../events/upload-csv.ts';
import '../styles/events.css';

const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8 (most exports, “CSV UTF-8” in Excel)' },
  { value: 'windows-1252', label: 'Windows-1252 (Excel “CSV” on Western European Windows)' },
  { value: 'iso-8859-1', label: 'ISO-8859-1 (Latin-1)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'utf-16le', label: 'UTF-16 LE (“Unicode text” from Excel)' },
];
const LIMIT = 100 * 1024 * 1024;
const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** CSV import of event reports: choose the file, map its columns, check it, then import (all, or the valid rows). */
export default function EventImportPage({ processId }: { processId: string }) {
  const history = useResource<EventImportList>(`/processes/${processId}/event-imports`);
  const processTitle = useProcessTitle(processId);
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: 'Event reports', href: `/processes/${processId}/events` },
    { label: 'Import' },
  ]);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('utf-8');
  const [head, setHead] = useState<CsvHead | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function readHead(f: File, enc: string, keepMapping: boolean) {
    setReport(null);
    setError(undefined);
    try {
      const h = await readCsvHead(f, enc);
      setHead(h);
      if (!keepMapping) setMapping(suggestMapping(h.headers));
    } catch {
      setHead(null);
      setError(`This browser cannot read the encoding “${enc}”: choose another.`);
    }
  }

  async function send(dryRun: boolean, skipInvalid: boolean) {
    if (file === null) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(undefined);
    try {
      const r = await uploadEventCsv(processId, file, {
        dryRun,
        fileName: file.name,
        encoding,
        mapping,
        skipInvalid,
      });
      setReport(r);
      if (!dryRun && r.ok) history.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  if (history.state === 'loading') return <Loading label="Opening the import…" />;
  if (history.state === 'error') return <ErrorBox error={history.error} onRetry={history.reload} />;
  if (!history.data.canImport)
    return (
      <div className="narrow">
        <h1>Import event reports</h1>
        <p>Only the monitoring mission and the mediator team import event data.</p>
        <Link href={`/processes/${processId}/events`}>Back to the event reports</Link>
      </div>
    );
  const mappingProblems = head === null ? [] : checkMapping(mapping, head.headers).problems;
  const tooBig = file !== null && file.size > LIMIT;
  const imported = report !== null && !report.dryRun && report.ok;

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Monitoring · event reports</p>
        <h1>Import event reports from CSV</h1>
        <p className="lead">
          Files in the layout of the public conflict-event datasets (ACLED: event_date, event_type,
          sub_event_type, actor1, actor2, location, latitude, longitude, geo_precision, fatalities, source,
          notes…) are mapped by themselves; for other layouts, say which column is which. Nothing is written
          until the whole file has been checked, and events already in are skipped.
        </p>
      </header>
      <div className="import-steps">
        <section className="panel" aria-labelledby="import-file">
          <h2 id="import-file">1. The file</h2>
          <div className="import-file-row">
            <label className="field">
              <span className="field-label">CSV file (up to 100 MB)</span>
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f) void readHead(f, encoding, false);
                  else setHead(null);
                }}
              />
            </label>
            <label className="field">
              <span className="field-label">Encoding</span>
              <select
                value={encoding}
                onChange={(e) => {
                  setEncoding(e.target.value);
                  if (file) void readHead(file, e.target.value, true);
                }}
              >
                {ENCODINGS.map((enc) => (
                  <option key={enc.value} value={enc.value}>
                    {enc.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {file !== null && (
            <p className="hint">
              {file.name}, {sizeLabel(file.size)}
              {head !== null &&
                `: ${plural(head.headers.length, 'column')}, separated by ${head.delimiter === '\t' ? 'tabs' : `“${head.delimiter}”`}`}
              . If letters look garbled below (Ã© for é, or �), choose the file’s encoding.
            </p>
          )}
          {head !== null && <CsvPreview head={head} />}
          {tooBig && (
            <InlineError
              message={`The file is ${sizeLabel(file.size)}: the limit is 100 MB. Split it into smaller files.`}
            />
          )}
        </section>

        {head !== null && (
          <section className="panel" aria-labelledby="import-mapping">
            <h2 id="import-mapping">2. Columns</h2>
            <p className="hint">
              Suggested from the column names; change any that are wrong. Fields marked * are required, and a
              place needs a place name or both coordinates.
            </p>
            <ImportMapping
              head={head}
              mapping={mapping}
              onChange={(m) => {
                setMapping(m);
                setReport(null);
              }}
            />
            {mappingProblems.length > 0 && (
              <ul className="mapping-problems">
                {mappingProblems.map((p) => (
                  <li key={`${p.field}-${p.message}`} className="field-error">
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {head !== null && (
          <section className="panel" aria-labelledby="import-check">
            <h2 id="import-check">3. Check and import</h2>
            <div className="button-row">
              <button
                type="button"
                className={`button${report === null ? ' button-primary' : ''}`}
                disabled={busy !== null || mappingProblems.length > 0 || tooBig}
                onClick={() => void send(true, false)}
              >
                {busy === 'check' ? 'Checking the whole file…' : 'Check'}
              </button>
              {report?.dryRun &&
                report.unreadable === undefined &&
                report.rejected === 0 &&
                report.imported > 0 && (
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={busy !== null}
                    onClick={() => void send(false, false)}
                  >
                    {busy === 'import' ? 'Importing…' : `Import ${plural(report.imported, 'event report')}`}
                  </button>
                )}
              {report !== null && !imported && report.unreadable === undefined && report.rejected > 0 && (
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  onClick={() => void send(false, true)}
                >
                  {busy === 'import'
                    ? 'Importing…'
                    : `Import the valid rows, skip ${report.rejected.toLocaleString()}`}
                </button>
              )}
            </div>
            {report?.dryRun &&
              report.rejected === 0 &&
              report.imported === 0 &&
              report.unreadable === undefined && (
                <p className="hint">
                  Every event of this file is already in: there is nothing new to import.
                </p>
              )}
            <InlineError message={error} />
            {report !== null && <ImportReportView report={report} />}
            {imported && (
              <p>
                <Link href={`/processes/${processId}/events`}>See the event reports</Link> ·{' '}
                <Link href={`/processes/${processId}/map`}>on the map</Link>
              </p>
            )}
          </section>
        )}

        <section className="panel" aria-labelledby="import-history">
          <h2 id="import-history">Imports so far</h2>
          <ImportHistory items={history.data.items} />
        </section>
      </div>
    </div>
  );
}
