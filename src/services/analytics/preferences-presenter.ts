import type { findPartyPreferences } from '../../store/analytics/party-preferences.repository.ts';

type PreferencesRow = NonNullable<Awaited<ReturnType<typeof findPartyPreferences>>>;

/** A party's stored preferences as its readers see them. */
export function presentPreferences(row: PreferencesRow) {
  return {
    partyId: row.party_id,
    weights: JSON.parse(row.weights) as Record<string, number>,
    scores: JSON.parse(row.scores) as Record<string, Record<string, number>>,
    redLines: (JSON.parse(row.red_lines) as [string, string][]).map(([pointId, optionId]) => ({
      pointId,
      optionId,
    })),
    reservation: Number(row.reservation),
    sharedWithMediator: row.shared_with_mediator === 1,
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    revision: Number(row.revision),
  };
}
