import type { DiffEntry } from '@/lib/builder/diff';

/** The amendment's changes against the current protocol, field by field. */
export function DiffTable({ entries, against }: { readonly entries: readonly DiffEntry[]; readonly against: number | null }) {
  if (entries.length === 0) return <p data-testid="amend-diff">No changes against protocol version {against ?? '—'}.</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="diff-caption" tabIndex={0} data-testid="amend-diff">
      <table className="table builder-diff">
        <caption id="diff-caption">
          {entries.length} {entries.length === 1 ? 'change' : 'changes'} against protocol version {against ?? '—'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Now</th>
            <th scope="col">Amended</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.path}>
              <th scope="row" className="mono">
                {entry.path.replace(/^design\./, '')}
              </th>
              <td>{entry.before === null ? <span className="muted">(none)</span> : <del>{entry.before}</del>}</td>
              <td>{entry.after === null ? <span className="muted">(removed)</span> : <ins>{entry.after}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
