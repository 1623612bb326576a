import { plural } from '../components/format.ts';
import type { ImportReport } from './event-types.ts';
import { IMPORT_FIELD_LABELS } from './import-fields.ts';

/** "mapping.event_date" → "Date (mapping)", "latitude" → "Latitude", "encoding" → "encoding". */
function fieldLabel(field: string | undefined): string | null {
  if (field === undefined || field === '') return null;
  const [head, rest] = field.startsWith('mapping.') ? ['mapping', field.slice(8)] : ['', field];
  const known = IMPORT_FIELD_LABELS[rest as keyof typeof IMPORT_FIELD_LABELS]?.label;
  return `${known ?? rest}${head === '' ? '' : ' (column mapping)'}`;
}

/** What a check or an import found: the tally, then each rejected row by line. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const done = !report.dryRun && report.ok;
  // A check that found rejected rows counts what importing the valid ones would write.
  const writable = report.dryRun
    ? report.ok
      ? report.imported
      : Math.max(0, report.rowsTotal - report.rejected - report.duplicates)
    : 0;
  return (
    <div className={report.ok ? 'import-ok' : 'import-failed'} role="status">
      {report.unreadable !== undefined ? (
        <p>
          <strong>The file cannot be imported.</strong> {report.unreadable}
        </p>
      ) : done ? (
        <p>
          <strong>Imported {plural(report.imported, 'event report')}.</strong>
          {report.duplicates > 0 && ` ${plural(report.duplicates, 'row')} already in were skipped.`}
          {report.rejected > 0 && ` ${plural(report.rejected, 'rejected row')} left out.`}
        </p>
      ) : report.dryRun ? (
        <p>
          <strong>
            {report.rejected === 0
              ? `Ready: ${plural(writable, 'new event report')} would be imported.`
              : `${plural(report.rejected, 'row')} cannot be imported as they are.`}
          </strong>{' '}
          Nothing has been written yet.
        </p>
      ) : (
        <p>
          <strong>Nothing was imported</strong>: {plural(report.rejected, 'row')} have problems. Fix them in
          the file, or import the valid rows only.
        </p>
      )}
      <ul className="import-tally">
        <li>
          <strong>{report.rowsTotal.toLocaleString()}</strong> rows read
        </li>
        <li>
          <strong>{(report.dryRun ? writable : report.imported).toLocaleString()}</strong>{' '}
          {report.dryRun ? (report.rejected > 0 ? 'valid, to import' : 'to import') : 'imported'}
        </li>
        <li>
          <strong>{report.duplicates.toLocaleString()}</strong> already in (duplicates)
        </li>
        <li>
          <strong>{report.rejected.toLocaleString()}</strong> rejected
        </li>
      </ul>
      {report.problems.length > 0 && (
        <div className="import-problems">
          <ul className="problems">
            {report.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems are a fixed list per report
              <li key={i} className="problem problem-error import-problem">
                <span className="problem-line">line {p.line}</span>
                <span className="problem-field">{fieldLabel(p.field)}</span>
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
          {report.problemsNotShown > 0 && (
            <p className="hint">…and {plural(report.problemsNotShown, 'more problem')} not listed.</p>
          )}
        </div>
      )}
    </div>
  );
}
