import { preferencesSchemaFor } from '../../services/analytics/preferences.schema.ts';
import { type ApiError, asSentence, normaliseField } from '../api/api-error.ts';
import type { AnalysisPoint } from './api-types.ts';
import { bodyOf, emptyFieldProblems, type PreferencesDraft } from './preferences-draft.ts';

/** Field → message, keyed like the server's field errors without "body." ("scores.<p>.<o>"). */
export type Problems = Map<string, string>;

/**
 * What is wrong with the form before anything is sent: the backend's own schema over the points
 * the party holds, with empty fields phrased for a person rather than for an API.
 */
export function checkDraft(points: AnalysisPoint[], draft: PreferencesDraft): Problems {
  const problems: Problems = new Map();
  const checked = preferencesSchemaFor(points).safeParse(bodyOf(points, draft, undefined));
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const field = issue.path.map(String).join('.');
      if (!problems.has(field)) problems.set(field, phrase(field, issue.message));
    }
  for (const [field, message] of emptyFieldProblems(points, draft)) problems.set(field, message);
  return problems;
}

/** The server's field errors in the same shape, so they show next to the same fields. */
export function serverProblems(error: ApiError): Problems {
  const problems: Problems = new Map();
  for (const e of error.errors) {
    const field = normaliseField(e.field);
    if (!problems.has(field)) problems.set(field, phrase(field, e.reason));
  }
  return problems;
}

/** "must be 0 to 100" under a score reads as "Score must be 0 to 100." */
function phrase(field: string, reason: string): string {
  const [head, , option] = field.split('.');
  const subject =
    head === 'weights'
      ? field === 'weights'
        ? 'The weights'
        : 'Weight'
      : head === 'scores'
        ? option === undefined
          ? 'Scores'
          : 'Score'
        : head === 'reservation'
          ? 'Reservation level'
          : head === 'redLines'
            ? 'Red lines'
            : undefined;
  return asSentence(subject === undefined ? reason : `${subject} ${reason}`);
}
