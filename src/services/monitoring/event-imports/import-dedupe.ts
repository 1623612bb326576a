import type { ImportedEventRow } from '../../../domain/monitoring/event-import/read-event-csv.ts';
import { existingEventKeys } from '../../../store/monitoring/event-reports.repository.ts';
import type { Tx } from '../../../store/transaction.ts';

/**
 * A row is a duplicate of an event already known: by the dataset's own id when the row has one
 * (a different id is a different event, however alike), else by its dedupe key (the same time,
 * place, type, actors and source; see event-dedupe.ts).
 */
const byId = (r: ImportedEventRow) => r.externalId !== null;

/** The rows of a batch whose event the process does not hold yet. */
export async function notStored(tx: Tx, processId: string, rows: readonly ImportedEventRow[]) {
  const found = await existingEventKeys(
    tx,
    processId,
    rows.filter(byId).map((r) => r.externalId ?? ''),
    rows.filter((r) => !byId(r)).map((r) => r.dedupeKey),
  );
  return rows.filter((r) =>
    byId(r) ? !found.externalIds.has(r.externalId ?? '') : !found.dedupeKeys.has(r.dedupeKey),
  );
}

/**
 * Remembers the events seen earlier in the same file. Keys are kept by their first 64 bits: a
 * chance collision among a million rows is about one in thirty million, and 100,000 rows cost a
 * few megabytes rather than tens.
 */
export class SeenInFile {
  private readonly ids = new Set<string>();
  private readonly keys = new Set<string>();

  /** False when the row's event came earlier in the file; records it otherwise. */
  firstTime(row: ImportedEventRow): boolean {
    const [set, key] = byId(row) ? [this.ids, row.externalId ?? ''] : [this.keys, row.dedupeKey.slice(0, 16)];
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }
}
