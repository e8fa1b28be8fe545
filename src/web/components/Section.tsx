/** A titled section of a page: a `<section>` labelled by its `<h2>`. */
import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

/** A section with a level-2 (or 3) heading that names it. */
export function Section({
  title,
  children,
  order = 2,
  actions,
}: {
  title: ReactNode;
  children: ReactNode;
  order?: 2 | 3;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ marginTop: '1.75rem' }}>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'baseline',
          justifyContent: 'space-between',
          gap: '0.5rem',
          marginBottom: '0.6rem',
        }}
      >
        <Title order={order} id={id}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </section>
  );
}
