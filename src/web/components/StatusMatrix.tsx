/**
 * A status matrix (rows × columns) as a real table: column and row headers, a caption, each
 * cell a coloured chip with icon, status text and coverage, linking to the row's element.
 * Scrolls horizontally inside a labelled region at phone width.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { StatusSummary } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';
import { StatusIcon } from './Icons.tsx';

export interface MatrixRow {
  id: string;
  code: string;
  title: string;
  href: string;
}

export interface MatrixColumn {
  id: string;
  label: string;
  /** Full name when the label is short (e.g. the school's full name). */
  title?: string;
}

/** A captioned status matrix; `cell` returns the status at a row × column, if any. */
export function StatusMatrix({
  caption,
  corner,
  rows,
  columns,
  cell,
}: {
  caption: string;
  corner: string;
  rows: readonly MatrixRow[];
  columns: readonly MatrixColumn[];
  cell: (rowId: string, columnId: string) => StatusSummary | undefined;
}) {
  const { t } = useI18n();
  const captionId = useId();
  return (
    <div className="st-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="st-matrix">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.title ? (
                  <abbr title={column.title} style={{ textDecoration: 'none' }}>
                    {column.label}
                  </abbr>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <AppLink to={row.href} title={`${row.code} ${row.title}`}>
                  <span className="st-clamp">
                    <span className="st-code">{row.code}</span> {row.title}
                  </span>
                </AppLink>
              </th>
              {columns.map((column) => {
                const summary = cell(row.id, column.id);
                return (
                  <td key={column.id}>
                    {summary ? (
                      <MatrixCell
                        summary={summary}
                        href={row.href}
                        context={`${row.code} × ${column.title ?? column.label}${t.common.colon} `}
                      />
                    ) : (
                      <span className="st-cell-empty">
                        <span aria-hidden="true">—</span>
                        <span className="st-visually-hidden">{t.dashboard.notConcerned}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCell({
  summary,
  href,
  context,
}: {
  summary: StatusSummary;
  href: string;
  context: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <AppLink bare to={href} className={`st-cell st-${summary.status}`}>
      <span className="st-visually-hidden">{context}</span>
      <span className="st-cell-label" data-status={summary.status}>
        <StatusIcon status={summary.status} />
        {t.status[summary.status]}
      </span>
      <span className="st-cell-sub">{t.common.coverage(summary.scored, summary.total)}</span>
    </AppLink>
  );
}
