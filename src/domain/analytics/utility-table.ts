import type { NegotiationInstance, Package } from './analytics-model.ts';

/** A constraint between two (point, option) index pairs of a utility table. */
export interface IndexedConstraint {
  kind: 'requires' | 'excludes';
  point: number;
  option: number;
  otherPoint: number;
  otherOption: number;
}

/** An instance compiled to arrays, so the algorithms work on indices and integers. */
export interface UtilityTable {
  partyIds: string[];
  pointIds: string[];
  optionIds: string[][];
  /** Indices of the options of each point that no party has declared a red line. */
  allowed: number[][];
  /** value[point][option][party] = weight × score, in hundredths of a utility point (exact for integers). */
  value: number[][][];
  /** Reservation levels in the same hundredths. */
  reservation: number[];
  constraints: IndexedConstraint[];
}

/** Compile a validated instance; a good becomes a point whose options are the parties (score 100 to the recipient). */
export function buildUtilityTable(instance: NegotiationInstance): UtilityTable {
  const partyIds = instance.parties.map((p) => p.id);
  const positions = partyIds.map((partyId) => {
    const position = instance.positions.find((p) => p.partyId === partyId);
    if (!position) throw new Error(`party ${partyId} has no position; validate the instance first`);
    return position;
  });
  const optionIds = instance.points.map((point) => (point.good ? partyIds : point.options.map((o) => o.id)));
  const value = instance.points.map((point, i) =>
    (optionIds[i] ?? []).map((optionId) =>
      positions.map((position) => {
        const weight = position.weights[point.id] ?? 0;
        const score = point.good
          ? optionId === position.partyId
            ? 100
            : 0
          : (position.scores[point.id]?.[optionId] ?? 0);
        return weight * score;
      }),
    ),
  );
  const redLined = new Set(
    positions.flatMap((p) => p.redLines.map((r) => `${r.pointId}\u0000${r.optionId}`)),
  );
  const allowed = instance.points.map((point, i) =>
    (optionIds[i] ?? []).flatMap((optionId, j) => (redLined.has(`${point.id}\u0000${optionId}`) ? [] : [j])),
  );
  const pointIndex = (pointId: string) => instance.points.findIndex((p) => p.id === pointId);
  const optionIndex = (point: number, optionId: string) => (optionIds[point] ?? []).indexOf(optionId);
  const constraints = instance.constraints.map((c) => {
    const point = pointIndex(c.option.pointId);
    const otherPoint = pointIndex(c.other.pointId);
    return {
      kind: c.kind,
      point,
      option: optionIndex(point, c.option.optionId),
      otherPoint,
      otherOption: optionIndex(otherPoint, c.other.optionId),
    };
  });
  return {
    partyIds,
    pointIds: instance.points.map((p) => p.id),
    optionIds,
    allowed,
    value,
    reservation: positions.map((p) => p.reservation * 100),
    constraints,
  };
}

/** Whether a constraint is broken, given the options chosen at its two points. */
export function breaksConstraint(c: IndexedConstraint, chosen: number, otherChosen: number): boolean {
  const picked = chosen === c.option;
  const otherPicked = otherChosen === c.otherOption;
  return c.kind === 'requires' ? picked && !otherPicked : picked && otherPicked;
}

/** Turn an option-index per point (in table order) and hundredths utilities into a `Package`. */
export function toPackage(
  table: UtilityTable,
  options: readonly number[],
  hundredths: readonly number[],
): Package {
  const choice: Record<string, string> = {};
  table.pointIds.forEach((pointId, i) => {
    choice[pointId] = table.optionIds[i]?.[options[i] ?? -1] ?? '';
  });
  return { choice, utilities: hundredths.map((u) => u / 100) };
}
