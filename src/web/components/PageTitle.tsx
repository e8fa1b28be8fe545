/** The page's `<h1>`, which also sets the document title ("Page – Strata"). */
import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useI18n } from '../i18n/context.tsx';

/** Sets `document.title` for the page. */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t.app.pageTitle(title);
  }, [t, title]);
}

/** The page heading; `title` is the plain text used for the document title. */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Title order={1} mb="sm">
      {children ?? title}
    </Title>
  );
}
