import type { CsvHead } from './csv-head.ts';

/** The head of the file as read with the chosen encoding: its columns and first rows. */
export function CsvPreview({ head }: { head: CsvHead }) {
  if (head.headers.length === 0)
    return <p className="field-error">The file is empty: it has no header line.</p>;
  return (
    <div className="csv-preview">
      <table className="table">
        <caption className="visually-hidden">The first rows of the file</caption>
        <thead>
          <tr>
            {head.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their place
              <th key={i} scope="col">
                {h === '' ? <span className="muted">(no name)</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {head.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sample rows are a fixed list
            <tr key={i}>
              {head.headers.map((_, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are identified by their place
                <td key={j} title={r[j] ?? ''}>
                  {r[j] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
