import { DateTime } from 'luxon';
import type { Viewer } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import type { TimelineParty } from '../../domain/timeline/timeline-item.ts';

/** A version text the reader may read, for labels and point numbers. */
export interface ReadableVersion {
  id: string;
  planId: string;
  seq: number;
  label: string;
  content: PlanContent;
}

/**
 * What the timeline knows about its reader: who they are, the parties by id, and the texts they
 * may read. Labels and point numbers come only from those texts, so an item never names a version
 * (or a point) the reader was not given.
 */
export class TimelineScope {
  readonly mediator: boolean;
  readonly ownPartyId: string;
  private readonly versions: Map<string, ReadableVersion>;
  private readonly byPlan = new Map<string, ReadableVersion[]>();

  constructor(
    readonly viewer: Viewer,
    private readonly parties: ReadonlyMap<string, TimelineParty>,
    versions: readonly ReadableVersion[],
    /** The working drafts, by plan: the mediator team's only. */
    private readonly drafts: ReadonlyMap<string, PlanContent>,
  ) {
    this.mediator = viewer.membership?.role === 'mediator';
    this.ownPartyId = viewer.membership?.partyId ?? '';
    this.versions = new Map(versions.map((v) => [v.id, v]));
    for (const v of versions) this.byPlan.set(v.planId, [...(this.byPlan.get(v.planId) ?? []), v]);
    for (const list of this.byPlan.values()) list.sort((a, b) => b.seq - a.seq);
  }

  /** A readable version, or undefined for one the reader may not know of. */
  version(id: string | null | undefined): ReadableVersion | undefined {
    return id ? this.versions.get(id) : undefined;
  }

  party(id: string | null | undefined): TimelineParty | undefined {
    return id ? this.parties.get(id) : undefined;
  }

  partiesOf(ids: Iterable<string>): TimelineParty[] {
    const out: TimelineParty[] = [];
    for (const id of new Set(ids)) {
      const p = this.parties.get(id);
      if (p) out.push(p);
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** "the Karst Federation" for the mediator, "you" for the party's own members. */
  whoIs(partyId: string): string {
    if (!this.mediator && partyId === this.ownPartyId) return 'You';
    return this.parties.get(partyId)?.code ?? 'A party';
  }

  /**
   * A point's number as the reader knows it: from `preferVersionId` when readable and holding it,
   * else from the newest readable version of the plan that has it (the draft last, mediators only).
   */
  pointNumber(planId: string, pointId: string | null, preferVersionId?: string | null): string | null {
    if (!pointId) return null;
    const find = (c: PlanContent) => c.points.find((p) => p.id === pointId)?.number ?? null;
    const preferred = this.version(preferVersionId);
    if (preferred && preferred.planId === planId) {
      const n = find(preferred.content);
      if (n !== null) return n;
    }
    for (const v of this.byPlan.get(planId) ?? []) {
      const n = find(v.content);
      if (n !== null) return n;
    }
    const draft = this.mediator ? this.drafts.get(planId) : undefined;
    return draft ? find(draft) : null;
  }

  /** "point 7", or "a point" when the reader holds no text with it. */
  pointName(planId: string, pointId: string | null, preferVersionId?: string | null): string {
    const n = this.pointNumber(planId, pointId, preferVersionId);
    return n === null || n === '' ? 'a point' : `point ${n}`;
  }
}

/** "3 Mar 2026, 10:00 (Europe/Zurich)": a meeting's time as people at the venue read it. */
export function venueTime(iso: string, zone: string): string {
  const t = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  const shown = t.isValid ? t : DateTime.fromISO(iso, { zone: 'utc' });
  return `${shown.toFormat('d LLL yyyy, HH:mm')} (${shown.isValid && t.isValid ? zone : 'UTC'})`;
}
