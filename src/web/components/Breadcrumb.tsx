/** A breadcrumb trail: `<nav>` with an ordered list; the last item is the current page. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';

export interface Crumb {
  to: string;
  label: ReactNode;
}

/** Links to each ancestor, then the current page's name (aria-current). */
export function Breadcrumb({ items, current }: { items: readonly Crumb[]; current: ReactNode }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t.element.breadcrumb} style={{ marginBottom: '0.5rem' }}>
      <ol
        style={{
          listStyle: 'none',
          display: 'flex',
          flexWrap: 'wrap',
          gap: '0.25rem 0.5rem',
          margin: 0,
          padding: 0,
          fontSize: '0.875rem',
        }}
      >
        {items.map((item, index) => (
          <li key={index} className="st-crumb">
            <AppLink
              to={item.to}
              size="sm"
              className="st-crumb-link"
              title={typeof item.label === 'string' ? item.label : undefined}
            >
              {item.label}
            </AppLink>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
