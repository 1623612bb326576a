import { AppError } from '../../shared/app-error.ts';
import type { IdGenerator } from '../../shared/ids.ts';
import { PLAN_LIMITS } from '../plan.schema.ts';
import type { PlanContent } from '../plan.ts';
import { unknownNote } from './draft-errors.ts';
import { requirePoint } from './draft-layout.ts';
import { type OpOf, type OpOutcome, outcome } from './op-outcome.ts';

/** Adds an unnumbered note after a point (or before the first point); notes carry no number. */
export function addNote(content: PlanContent, op: OpOf<'addNote'>, newId: IdGenerator): OpOutcome {
  if (content.notes.length >= PLAN_LIMITS.points) {
    throw new AppError('payload.too_large', `A plan holds at most ${PLAN_LIMITS.points} notes`);
  }
  if (op.afterPointId !== null) requirePoint(content.points, op.afterPointId, 'op.afterPointId');
  const note = { id: newId('note'), afterPointId: op.afterPointId, text: op.text };
  // Kept after the anchor's existing notes: the array is in reading order.
  const lastOfAnchor = content.notes.findLastIndex((n) => n.afterPointId === op.afterPointId);
  const at = lastOfAnchor === -1 ? content.notes.length : lastOfAnchor + 1;
  const notes = [...content.notes.slice(0, at), note, ...content.notes.slice(at)];
  return outcome({ ...content, notes });
}

/** Replaces a note's text. */
export function updateNote(content: PlanContent, op: OpOf<'updateNote'>): OpOutcome {
  const index = content.notes.findIndex((n) => n.id === op.noteId);
  const note = content.notes[index];
  if (note === undefined) throw unknownNote(op.noteId);
  const notes = content.notes.with(index, { ...note, text: op.text });
  return outcome({ ...content, notes }, { unversioned: note.text === op.text ? null : 'the note' });
}

/** Removes a note. */
export function deleteNote(content: PlanContent, op: OpOf<'deleteNote'>): OpOutcome {
  const note = content.notes.find((n) => n.id === op.noteId);
  if (note === undefined) throw unknownNote(op.noteId);
  const notes = content.notes.filter((n) => n.id !== note.id);
  return outcome({ ...content, notes }, { unversioned: 'the note' });
}
