import { formatDateTime } from '../components/format.ts';
import type { EventImport } from './event-types.ts';

/** Past imports, newest first: which file, how many rows, how many were new. */
export function ImportHistory({ items }: { items: readonly EventImport[] }) {
  if (items.length === 0) return <p className="empty">No file has been imported yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">File</th>
          <th scope="col">By</th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col" className="num">
            Imported
          </th>
          <th scope="col" className="num">
            Duplicates
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td className="date">{formatDateTime(i.createdAt)}</td>
            <td>{i.fileName}</td>
            <td>{i.createdBy?.name ?? '—'}</td>
            <td className="num">{i.rowsTotal.toLocaleString()}</td>
            <td className="num">{i.imported.toLocaleString()}</td>
            <td className="num">{i.duplicates.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
