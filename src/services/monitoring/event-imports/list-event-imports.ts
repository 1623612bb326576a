import { can } from '../../../domain/access/policies.ts';
import type { Database } from '../../../store/database.ts';
import { listEventImports as storeListEventImports } from '../../../store/monitoring/event-imports.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { loadProcessViewer } from '../../meetings/meeting-access.ts';
import { seesAllEvents } from '../events/event-access.ts';

/**
 * The imports of a process, newest first. They are the mission's: the reports they wrote stay
 * with it until verified, so other members get an empty history rather than a refusal.
 */
export async function listEventImports(database: Database, actor: Actor, processId: string) {
  const { viewer } = await loadProcessViewer(database.db, actor, processId);
  const rows = seesAllEvents(viewer) ? await storeListEventImports(database.db, processId) : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      mapping: JSON.parse(r.mapping) as Record<string, string>,
      rowsTotal: r.rows_total,
      imported: r.rows_imported,
      duplicates: r.rows_duplicate,
      createdBy: { id: r.created_by, name: r.created_by_name },
      createdAt: r.created_at,
    })),
    canImport: can(viewer, 'monitoring.import'),
  };
}
