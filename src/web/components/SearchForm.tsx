/** The header search box: a labelled field; submitting navigates to /search?q=. */
import { Button, Group, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../i18n/context.tsx';
import { SearchIcon } from './Icons.tsx';

/** A search form; `onDone` runs after navigating (e.g. to close the mobile menu). */
export function SearchForm({ onDone, dark = false }: { onDone?: () => void; dark?: boolean }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const inputId = useId();

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = query.trim();
    if (q === '') return;
    navigate(`/search?q=${encodeURIComponent(q)}`);
    onDone?.();
  };

  return (
    <form role="search" onSubmit={submit} aria-label={t.app.searchLabel}>
      <Group gap={6} wrap="nowrap" align="flex-end">
        <TextInput
          id={inputId}
          type="search"
          name="q"
          label={t.app.searchLabel}
          labelProps={{ className: 'st-visually-hidden' }}
          placeholder={t.app.searchPlaceholder}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
          }}
          leftSection={<SearchIcon />}
          size="sm"
          style={{ flex: 1, minWidth: 0 }}
          styles={dark ? { input: { borderColor: '#ffffff' } } : undefined}
        />
        <Button type="submit" size="sm" variant={dark ? 'white' : 'filled'}>
          {t.app.searchSubmit}
        </Button>
      </Group>
    </form>
  );
}
