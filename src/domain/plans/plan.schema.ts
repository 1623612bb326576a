import { z } from 'zod';
import { type PlanContent, POINT_STATUSES } from './plan.ts';

/** Limits that keep a single plan well inside what a browser and a database row handle comfortably. */
export const PLAN_LIMITS = {
  titleLength: 300,
  textLength: 20_000,
  items: 100,
  points: 20_000,
  tags: 30,
} as const;

const id = z.string().min(1).max(64);
const longText = z
  .string()
  .max(
    PLAN_LIMITS.textLength,
    `is longer than ${PLAN_LIMITS.textLength.toLocaleString('en')} characters; split it`,
  );
const shortTitle = (min: number) =>
  z
    .string()
    .min(min, 'must not be empty')
    .max(PLAN_LIMITS.titleLength, `is longer than ${PLAN_LIMITS.titleLength} characters`);

export const planItemSchema = z.strictObject({
  label: z.string().max(16).nullable(),
  text: longText,
});

export const areaSchema = z.strictObject({
  id,
  title: shortTitle(1),
});

export const pointSchema = z.strictObject({
  id,
  number: z.string().max(32),
  areaId: id.nullable(),
  text: longText,
  items: z.array(planItemSchema).max(PLAN_LIMITS.items, `has more than ${PLAN_LIMITS.items} sub-items`),
  tags: z.array(z.string().min(1).max(64)).max(PLAN_LIMITS.tags),
  status: z.enum(
    POINT_STATUSES as [PlanContent['points'][number]['status'], ...PlanContent['points'][number]['status'][]],
  ),
  derivedFrom: z.array(id).max(100),
  changedAt: z.number().int().min(0),
});

export const planNoteSchema = z.strictObject({
  id,
  afterPointId: id.nullable(),
  text: longText,
});

/** The whole plan content; also checks that references (area ids, note anchors) resolve. */
export const planContentSchema = z
  .strictObject({
    title: shortTitle(0),
    preamble: longText,
    areas: z.array(areaSchema).max(500),
    points: z.array(pointSchema).max(PLAN_LIMITS.points),
    notes: z.array(planNoteSchema).max(PLAN_LIMITS.points),
  })
  .superRefine((plan, ctx) => {
    const areaIds = new Set(plan.areas.map((a) => a.id));
    const pointIds = new Set<string>();
    plan.points.forEach((p, i) => {
      if (pointIds.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['points', i, 'id'], message: `duplicate point id ${p.id}` });
      pointIds.add(p.id);
      if (p.areaId !== null && !areaIds.has(p.areaId)) {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'areaId'], message: `unknown area ${p.areaId}` });
      }
    });
    plan.notes.forEach((n, i) => {
      if (n.afterPointId !== null && !pointIds.has(n.afterPointId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['notes', i, 'afterPointId'],
          message: `unknown point ${n.afterPointId}`,
        });
      }
    });
  }) satisfies z.ZodType<PlanContent>;
