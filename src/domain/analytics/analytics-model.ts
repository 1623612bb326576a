import { z } from 'zod';

// Scores, weights and reservation levels all live on one 0–100 scale so that a party's
// utility for a package (Σ weight/100 × score) is itself 0–100 and comparable to its reservation.
const scale = z.number().min(0).max(100);
const id = z.string().min(1);

/** A reference to one option of one point; for a good the option id is the receiving party's id. */
export const optionRefSchema = z.object({ pointId: id, optionId: id });

/** One alternative formulation of a contested point. */
export const pointOptionSchema = z.object({ id, label: z.string().optional() });

/** A contested point; a good (`good: true`) has no options of its own and is awarded to one party. */
export const contestedPointSchema = z.object({
  id,
  label: z.string().optional(),
  good: z.boolean().default(false),
  options: z.array(pointOptionSchema).default([]),
});

/** "option requires other" (choosing option forces other) or "option excludes other" (not both). */
export const pointConstraintSchema = z.object({
  kind: z.enum(['requires', 'excludes']),
  option: optionRefSchema,
  other: optionRefSchema,
});

/** One party's position: a 100-point weight allocation, option scores, red lines, reservation. */
export const partyPositionSchema = z.object({
  partyId: id,
  weights: z.record(z.string(), scale),
  scores: z.record(z.string(), z.record(z.string(), scale)).default({}),
  redLines: z.array(optionRefSchema).default([]),
  reservation: scale,
});

/** The whole negotiation instance, checked for internal consistency (problems carry paths). */
export const negotiationInstanceSchema = z
  .object({
    parties: z.array(z.object({ id, name: z.string().optional() })).min(1),
    points: z.array(contestedPointSchema).min(1),
    positions: z.array(partyPositionSchema),
    constraints: z.array(pointConstraintSchema).default([]),
  })
  .superRefine((instance, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const partyIds = new Set<string>();
    instance.parties.forEach((p, i) => {
      if (partyIds.has(p.id)) problem(['parties', i, 'id'], `duplicate party id ${p.id}`);
      partyIds.add(p.id);
    });
    const optionsOf = new Map<string, Set<string>>();
    instance.points.forEach((point, i) => {
      if (optionsOf.has(point.id)) problem(['points', i, 'id'], `duplicate point id ${point.id}`);
      if (point.good && point.options.length > 0)
        problem(['points', i, 'options'], 'a good has no options: it is awarded to one of the parties');
      if (!point.good && point.options.length === 0)
        problem(['points', i, 'options'], 'needs at least one option');
      const ids = new Set<string>();
      point.options.forEach((o, j) => {
        if (ids.has(o.id)) problem(['points', i, 'options', j, 'id'], `duplicate option id ${o.id}`);
        ids.add(o.id);
      });
      optionsOf.set(point.id, point.good ? partyIds : ids);
    });
    const checkRef = (ref: { pointId: string; optionId: string }, path: (string | number)[]) => {
      const options = optionsOf.get(ref.pointId);
      if (!options) problem([...path, 'pointId'], `unknown point ${ref.pointId}`);
      else if (!options.has(ref.optionId))
        problem([...path, 'optionId'], `unknown option ${ref.optionId} of point ${ref.pointId}`);
    };
    const positioned = new Set<string>();
    instance.positions.forEach((position, i) => {
      const at = ['positions', i];
      if (!partyIds.has(position.partyId)) problem([...at, 'partyId'], `unknown party ${position.partyId}`);
      if (positioned.has(position.partyId))
        problem([...at, 'partyId'], `second position for ${position.partyId}`);
      positioned.add(position.partyId);
      let total = 0;
      for (const [pointId, weight] of Object.entries(position.weights)) {
        if (!optionsOf.has(pointId)) problem([...at, 'weights', pointId], `unknown point ${pointId}`);
        total += weight;
      }
      if (Math.abs(total - 100) > 1e-9) problem([...at, 'weights'], `weights must sum to 100, not ${total}`);
      for (const [pointId, scores] of Object.entries(position.scores)) {
        const point = instance.points.find((p) => p.id === pointId);
        if (!point) problem([...at, 'scores', pointId], `unknown point ${pointId}`);
        else if (point.good)
          problem([...at, 'scores', pointId], 'a good is scored 100 for its recipient, not by hand');
        else
          for (const optionId of Object.keys(scores))
            if (!optionsOf.get(pointId)?.has(optionId))
              problem([...at, 'scores', pointId, optionId], `unknown option ${optionId} of point ${pointId}`);
      }
      for (const point of instance.points)
        if (!point.good)
          for (const option of point.options)
            if (position.scores[point.id]?.[option.id] === undefined)
              problem([...at, 'scores', point.id, option.id], 'needs a score from 0 to 100');
      position.redLines.forEach((ref, j) => {
        checkRef(ref, [...at, 'redLines', j]);
      });
    });
    for (const partyId of partyIds)
      if (!positioned.has(partyId)) problem(['positions'], `party ${partyId} has no position`);
    instance.constraints.forEach((c, i) => {
      checkRef(c.option, ['constraints', i, 'option']);
      checkRef(c.other, ['constraints', i, 'other']);
    });
  });

export type NegotiationInstance = z.output<typeof negotiationInstanceSchema>;
export type NegotiationInstanceInput = z.input<typeof negotiationInstanceSchema>;
export type PointConstraint = z.output<typeof pointConstraintSchema>;

/** A package: one option per point (for a good, the recipient party), with each party's utility 0–100. */
export interface Package {
  choice: Record<string, string>;
  /** Utilities in the order of `partyIds` of the result that holds the package. */
  utilities: number[];
}
