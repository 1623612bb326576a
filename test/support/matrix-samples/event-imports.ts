import { type MatrixRequest, next, type Sample } from '../authorization-cases.ts';

/** A two-row file in the public datasets' layout, different at every request so nothing is a duplicate. */
function matrixCsv(): string {
  const n = next();
  return [
    'event_id_cnty,event_date,event_type,sub_event_type,actor1,location,latitude,longitude,notes',
    `MX${n}a,2031-05-01,Battles,Armed clash,Matrix forces,Matrix town ${n},48.5,37.5,First`,
    `MX${n}b,2031-05-02,Protests,Peaceful protest,Matrix civilians,Matrix town ${n},48.6,37.6,Second`,
    '',
  ].join('\n');
}

export const EVENT_IMPORTS_SAMPLES: Record<string, Sample> = {
  'POST /api/v1/processes/:processId/event-imports': async (fx) => {
    // The file is the body itself; MatrixRequest does not name headers, which inject passes on.
    const request: MatrixRequest & { headers: Record<string, string> } = {
      method: 'POST',
      url: `/api/v1/processes/${fx.processId}/event-imports?fileName=matrix.csv`,
      headers: { 'content-type': 'text/csv' },
      payload: matrixCsv(),
    };
    return request;
  },
  'GET /api/v1/processes/:processId/event-imports': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/event-imports`,
  }),
};
