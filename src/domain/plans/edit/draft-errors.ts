import { AppError } from '../../shared/app-error.ts';

/** The error for an id the op names but the draft does not hold; `field` is the op member that named it. */
export function unknownPoint(pointId: string, field = 'op.pointId'): AppError {
  const reason = `no point with id ${pointId} in the draft (it may have been deleted or merged); reload the draft`;
  return new AppError('point.not_found', `Point ${pointId} not found: ${reason}`, {
    problems: [{ field, reason }],
  });
}

/** The error for an unknown area id. */
export function unknownArea(areaId: string, field = 'op.areaId'): AppError {
  const reason = `no area with id ${areaId} in the draft; reload the draft`;
  return new AppError('area.not_found', `Area ${areaId} not found: ${reason}`, {
    problems: [{ field, reason }],
  });
}

/** The error for an unknown note id. */
export function unknownNote(noteId: string, field = 'op.noteId'): AppError {
  const reason = `no note with id ${noteId} in the draft; reload the draft`;
  return new AppError('not_found', `Note ${noteId} not found: ${reason}`, { problems: [{ field, reason }] });
}
