import type { ColumnMapping } from '../../domain/monitoring/event-import/event-fields.ts';
import { ApiError, networkError, toApiError } from '../api/api-error.ts';
import type { ImportReport } from './event-types.ts';

export interface UploadOptions {
  dryRun: boolean;
  fileName: string;
  encoding: string;
  mapping: ColumnMapping;
  skipInvalid: boolean;
}

/**
 * Sends a CSV file as the body of an import (text/csv, streamed by the browser from disk). A
 * file the server cannot read to its end comes back as import.failed with the same report in
 * the problem document; it is returned as a report too, so the page shows one kind of answer.
 */
export async function uploadEventCsv(processId: string, file: Blob, o: UploadOptions): Promise<ImportReport> {
  const q = new URLSearchParams({
    dryRun: String(o.dryRun),
    fileName: o.fileName.slice(0, 300) || 'upload.csv',
    encoding: o.encoding,
    mapping: JSON.stringify(o.mapping),
    skipInvalid: String(o.skipInvalid),
  });
  let res: Response;
  try {
    res = await fetch(`/api/v1/processes/${processId}/event-imports?${q}`, {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Content-Type': 'text/csv',
        'X-Entente-CSRF': '1',
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw networkError();
  }
  if (res.ok) return (await res.json()) as ImportReport;
  const error = await toApiError(res);
  const extra = error.extra as Partial<ImportReport>;
  if (error.code === 'import.failed' && Array.isArray(extra.problems))
    return {
      ok: false,
      dryRun: o.dryRun,
      headers: extra.headers ?? [],
      mapping: extra.mapping ?? {},
      rowsTotal: extra.rowsTotal ?? 0,
      imported: 0,
      duplicates: extra.duplicates ?? 0,
      rejected: extra.rejected ?? 0,
      problems: extra.problems,
      problemsNotShown: extra.problemsNotShown ?? 0,
      unreadable: error.detail,
    };
  throw error instanceof ApiError ? error : networkError();
}
