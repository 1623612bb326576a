import { z } from 'zod';
import {
  type NegotiationInstance,
  type NegotiationInstanceInput,
  negotiationInstanceSchema,
} from './analytics-model.ts';
import { branchAndBound } from './branch-and-bound.ts';
import { buildUtilityTable } from './utility-table.ts';

// The file format of `entente analyze` (issue 5): preferences keyed by party, references as
// [pointId, optionId] pairs. Objects are strict, so a misspelt key is reported, not ignored.
const id = z.string().min(1);
const ref = z.tuple([id, id]);

/** The analysis file, as written by hand or exported. */
export const analysisFileSchema = z.strictObject({
  parties: z.array(z.strictObject({ id, name: z.string() })).min(1),
  points: z
    .array(
      z.strictObject({
        id,
        title: z.string(),
        options: z.array(z.strictObject({ id, label: z.string() })).default([]),
        good: z.boolean().default(false),
      }),
    )
    .min(1),
  preferences: z.record(
    z.string(),
    z.strictObject({
      weights: z.record(z.string(), z.number()),
      scores: z.record(z.string(), z.record(z.string(), z.number())).default({}),
      redLines: z.array(ref).default([]),
      reservation: z.number(),
    }),
  ),
  constraints: z
    .array(
      z.union([
        z.strictObject({ requires: z.tuple([ref, ref]) }),
        z.strictObject({ excludes: z.tuple([ref, ref]) }),
      ]),
    )
    .default([]),
});

export type AnalysisFile = z.output<typeof analysisFileSchema>;

/** A problem in the file, with the path to the offending value ("preferences.karst.weights"). */
export interface FileProblem {
  path: string;
  message: string;
}

const pathOf = (parts: readonly PropertyKey[]) =>
  parts
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/**
 * Read an analysis file: shape (missing and extra keys), then consistency (sums of 100, known ids,
 * scores for every option, red lines that leave every point an option), each problem naming its path.
 */
export function readAnalysisFile(
  json: unknown,
): { ok: true; instance: NegotiationInstance; file: AnalysisFile } | { ok: false; problems: FileProblem[] } {
  const parsed = analysisFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: pathOf(
          issue.code === 'unrecognized_keys' && issue.keys.length === 1
            ? [...issue.path, issue.keys[0] ?? '']
            : issue.path,
        ),
        message: issue.message,
      })),
    };
  const file = parsed.data;
  const problems: FileProblem[] = [];
  const partyIds = file.parties.map((p) => p.id);
  for (const key of Object.keys(file.preferences))
    if (!partyIds.includes(key))
      problems.push({ path: `preferences.${key}`, message: `unknown party ${key}` });
  for (const partyId of partyIds) {
    const pref = file.preferences[partyId];
    if (!pref) {
      problems.push({
        path: `preferences.${partyId}`,
        message: `missing: party ${partyId} has no preferences`,
      });
      continue;
    }
    for (const point of file.points) {
      if (pref.weights[point.id] === undefined)
        problems.push({ path: `preferences.${partyId}.weights.${point.id}`, message: 'missing weight' });
      if (point.good && pref.scores[point.id] !== undefined)
        problems.push({
          path: `preferences.${partyId}.scores.${point.id}`,
          message: 'a good is not scored: it is worth 100 to the party that receives it',
        });
      if (!point.good && pref.scores[point.id] === undefined)
        problems.push({ path: `preferences.${partyId}.scores.${point.id}`, message: 'missing scores' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const instanceInput: NegotiationInstanceInput = {
    parties: file.parties.map((p) => ({ id: p.id, name: p.name })),
    points: file.points.map((p) => ({ id: p.id, label: p.title, good: p.good, options: p.options })),
    positions: partyIds.map((partyId) => {
      const pref = file.preferences[partyId]!;
      return {
        partyId,
        weights: pref.weights,
        scores: pref.scores,
        redLines: pref.redLines.map(([pointId, optionId]) => ({ pointId, optionId })),
        reservation: pref.reservation,
      };
    }),
    constraints: file.constraints.map((c) => {
      const [[p, o], [q, x]] = 'requires' in c ? c.requires : c.excludes;
      return {
        kind: 'requires' in c ? ('requires' as const) : ('excludes' as const),
        option: { pointId: p, optionId: o },
        other: { pointId: q, optionId: x },
      };
    }),
  };
  const checked = negotiationInstanceSchema.safeParse(instanceInput);
  if (!checked.success)
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        path: filePath(issue.path, partyIds, file),
        message: issue.message,
      })),
    };
  const instance = checked.data;
  const blocked = blockedPoints(instance, file);
  if (blocked.length > 0) return { ok: false, problems: blocked };
  if (!anyPackage(instance))
    return {
      ok: false,
      problems: [
        {
          path: 'constraints',
          message: 'the red lines and constraints together leave no possible package',
        },
      ],
    };
  return { ok: true, instance, file };
}

/** Map a path in the internal instance back to the same value's path in the file. */
function filePath(path: readonly PropertyKey[], partyIds: string[], file: AnalysisFile): string {
  const [head, index, field, ...rest] = path;
  if (head === 'positions' && typeof index === 'number') {
    const party = partyIds[index] ?? String(index);
    if (field === 'redLines' && typeof rest[0] === 'number')
      return pathOf(['preferences', party, 'redLines', rest[0], rest[1] === 'optionId' ? 1 : 0]);
    return pathOf(['preferences', party, ...(field === undefined ? [] : [field]), ...rest]);
  }
  if (head === 'constraints' && typeof index === 'number') {
    const c = file.constraints[index];
    const kind = c && 'requires' in c ? 'requires' : 'excludes';
    const which = field === 'other' ? 1 : 0;
    return pathOf([
      'constraints',
      index,
      kind,
      which,
      ...(rest[0] === 'optionId' ? [1] : rest[0] ? [0] : []),
    ]);
  }
  return pathOf(path);
}

/** Whether some package respects every red line and constraint (reservations aside), by a quick search. */
function anyPackage(instance: NegotiationInstance): boolean {
  const table = { ...buildUtilityTable(instance), reservation: instance.parties.map(() => 0) };
  const n = table.partyIds.length;
  const found = branchAndBound(table, {
    value: () => 0,
    bound: { constant: 0, weights: new Float64Array(n) }, // stops at the first package found
    floors: new Float64Array(n),
    maxNodes: 200_000,
  });
  return found.options !== null || !found.exact;
}

/** Points on which red lines leave no option at all: no package can exist. */
function blockedPoints(instance: NegotiationInstance, file: AnalysisFile): FileProblem[] {
  const partyIds = instance.parties.map((p) => p.id);
  return instance.points.flatMap((point, i) => {
    const options = point.good ? partyIds : point.options.map((o) => o.id);
    const by = (optionId: string) =>
      partyIds.flatMap((partyId) =>
        (file.preferences[partyId]?.redLines ?? []).flatMap(([p, o], j) =>
          p === point.id && o === optionId ? [`preferences.${partyId}.redLines[${j}]`] : [],
        ),
      );
    const lines = options.map(by);
    if (lines.every((l) => l.length > 0))
      return [
        {
          path: `points[${i}]`,
          message: `every option of point ${point.id} is a red line (${lines.flat().join(', ')}): no package is possible`,
        },
      ];
    return [];
  });
}
