import type { ColumnMapping } from '../../../domain/monitoring/event-import/event-fields.ts';
import type { ImportedEventRow } from '../../../domain/monitoring/event-import/read-event-csv.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import {
  beginImportWrite,
  insertEventImport,
  updateEventImportCounts,
} from '../../../store/monitoring/event-imports.repository.ts';
import {
  EVENT_INSERT_BATCH,
  type EventReportRow,
  eventsChangedSince,
  insertEventReports,
} from '../../../store/monitoring/event-reports.repository.ts';
import { insertImportedHistory } from '../../../store/monitoring/event-status-history.repository.ts';
import { authorize } from '../../access/authorize.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { processNotFound } from '../../processes/add-party.ts';
import { notStored } from './import-dedupe.ts';
import type { ImportSpool } from './import-spool.ts';

/**
 * Writes the rows an import accepted, in batches inside ONE transaction with the import's record
 * and its audit entry: a failure anywhere leaves nothing behind. When reports were written since
 * the file was checked (another import of the same data, say), each batch is checked again.
 */
export async function writeImportedEvents(
  database: Database,
  actor: Actor,
  processId: string,
  spool: ImportSpool<ImportedEventRow>,
  file: {
    fileName: string;
    mapping: ColumnMapping;
    rowsTotal: number;
    duplicates: number;
    rejected: number;
    /** When the file's rows were checked against the stored reports. */
    checkedSince: string;
  },
) {
  return database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadProcessViewer(tx, actor, processId);
    authorize(viewer, 'monitoring.import', () => processNotFound(processId));
    await beginImportWrite(tx, database.dialect, processId);
    const importId = newId('eim');
    const now = new Date().toISOString();
    await insertEventImport(tx, {
      id: importId,
      process_id: processId,
      file_name: file.fileName,
      mapping: JSON.stringify(file.mapping),
      rows_total: file.rowsTotal,
      rows_imported: 0,
      rows_duplicate: 0,
      created_by: actor.user.id,
      created_at: now,
    });
    // Only reports written since the file was checked can make one of its rows a duplicate now.
    const recheck = await eventsChangedSince(tx, processId, file.checkedSince);
    let imported = 0;
    let duplicates = file.duplicates;
    let anyVerified = false;
    for await (const rows of spool.batches(EVENT_INSERT_BATCH)) {
      const fresh = recheck ? await notStored(tx, processId, rows) : rows;
      duplicates += rows.length - fresh.length;
      const reports = fresh.map((r) => reportRow(r, processId, importId, actor.user.id, now));
      await insertEventReports(tx, reports);
      imported += reports.length;
      anyVerified ||= reports.some((r) => r.status === 'verified');
    }
    await insertImportedHistory(tx, importId);
    await updateEventImportCounts(tx, importId, { rows_imported: imported, rows_duplicate: duplicates });
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'event_import.create',
      subjectType: 'event_import',
      subjectId: importId,
      detail: { imported, duplicates, rejected: file.rejected, rowsTotal: file.rowsTotal },
    });
    return { importId, imported, duplicates, anyVerified };
  });
}

/** An accepted row as a stored report: filed by the importing member for no party. */
function reportRow(
  r: ImportedEventRow,
  processId: string,
  importId: string,
  userId: string,
  now: string,
): EventReportRow {
  return {
    id: newId('evt'),
    process_id: processId,
    external_id: r.externalId,
    dedupe_key: r.dedupeKey,
    occurred_at: r.occurredAt,
    time_precision: r.timePrecision,
    place_name: r.placeName,
    latitude: r.latitude,
    longitude: r.longitude,
    geo_precision: r.geoPrecision,
    event_type: r.eventType,
    sub_event_type: r.subEventType,
    actor1: r.actor1,
    actor2: r.actor2,
    fatalities: r.fatalities,
    description: r.description,
    source: r.source,
    source_reliability: r.sourceReliability,
    info_credibility: r.infoCredibility,
    status: r.status,
    attributed_party_id: null,
    reported_by_party_id: null,
    reported_by: userId,
    import_id: importId,
    created_at: now,
    updated_at: now,
    revision: 1,
  };
}
