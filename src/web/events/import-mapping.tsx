import {
  type ColumnMapping,
  EVENT_FIELDS,
  type EventField,
} from '../../domain/monitoring/event-import/event-fields.ts';
import type { CsvHead } from './csv-head.ts';
import { columnChoices, IMPORT_FIELD_LABELS, REQUIRED_FIELDS } from './import-fields.ts';

/** The column-mapping step: for each field, the column of the file that fills it, with a sample value. */
export function ImportMapping({
  head,
  mapping,
  onChange,
}: {
  head: CsvHead;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const choices = columnChoices(head.headers);
  const sample = (column: string | undefined) => {
    const choice = choices.find((c) => c.value === column);
    if (choice === undefined) return '';
    return head.rows.map((r) => r[choice.index] ?? '').find((v) => v.trim() !== '') ?? '';
  };
  const set = (field: EventField, column: string) => {
    const next = { ...mapping };
    if (column === '') delete next[field];
    else next[field] = column;
    onChange(next);
  };
  return (
    <table className="table mapping-table">
      <caption className="visually-hidden">Which column fills each field</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Column of the file</th>
          <th scope="col">First value</th>
        </tr>
      </thead>
      <tbody>
        {EVENT_FIELDS.map((field) => {
          const { label, hint } = IMPORT_FIELD_LABELS[field];
          const value = mapping[field] ?? '';
          const id = `mapping-${field}`;
          return (
            <tr key={field}>
              <th scope="row">
                <label htmlFor={id}>
                  {label}
                  {REQUIRED_FIELDS.has(field) && (
                    <span className="mapping-required" title="required">
                      {' '}
                      *
                    </span>
                  )}
                </label>
                <span className="hint">{hint}</span>
              </th>
              <td>
                <select id={id} value={value} onChange={(e) => set(field, e.target.value)}>
                  <option value="">— not in the file —</option>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                  {value !== '' && !choices.some((c) => c.value === value) && (
                    <option value={value}>{value}</option>
                  )}
                </select>
              </td>
              <td className="mapping-sample" title={sample(value)}>
                {sample(value)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
