import type { ReactNode } from 'react';

export type Column<T> = {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  className?: string;
};

/**
 * A data table with a caption (its accessible name) and column headers. The wrapper scrolls
 * sideways on a phone and is focusable, so keyboard users can scroll it too.
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  hideCaption = false,
  stackOnPhone = false,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: string;
  hideCaption?: boolean;
  /** On a narrow screen each row becomes a small labelled block instead of a sideways-scrolling table. */
  stackOnPhone?: boolean;
}) {
  // Explicit roles keep the table semantics when CSS turns rows into blocks on a phone.
  const roles = stackOnPhone;
  return (
    <div className={['table-wrap', stackOnPhone && 'table-wrap--stack'].filter(Boolean).join(' ')} tabIndex={0} role="region" aria-label={caption}>
      <table className="table" role={roles ? 'table' : undefined}>
        <caption className={hideCaption ? 'sr-only' : undefined}>{caption}</caption>
        <thead role={roles ? 'rowgroup' : undefined}>
          <tr role={roles ? 'row' : undefined}>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className} role={roles ? 'columnheader' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role={roles ? 'rowgroup' : undefined}>
          {rows.map((row) => (
            <tr key={rowKey(row)} role={roles ? 'row' : undefined}>
              {columns.map((c) => (
                <td key={c.key} className={c.className} role={roles ? 'cell' : undefined} data-label={typeof c.header === 'string' ? c.header : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="table-empty">{empty}</p>}
    </div>
  );
}
