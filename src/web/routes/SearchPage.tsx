/** `/search?q=`: search results grouped by kind (elements, indicators, actions, units). */
import { Text } from '@mantine/core';
import { useSearchParams } from 'wouter';
import { useSearchResults } from '../api/queries.ts';
import type { SearchHit } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';

const KINDS: readonly SearchHit['kind'][] = ['element', 'indicator', 'action', 'unit'];
const PATHS: Record<SearchHit['kind'], string> = {
  element: '/elements/',
  indicator: '/indicators/',
  action: '/actions/',
  unit: '/units/',
};

/** The search page. */
export function SearchPage() {
  const { t, tx } = useI18n();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const results = useSearchResults(q);
  return (
    <>
      <PageTitle title={q ? `${t.search.title}${t.common.colon} ${q}` : t.search.title}>
        {q ? t.search.resultsFor(q) : t.search.title}
      </PageTitle>
      {q === '' ? (
        <Text>{t.search.empty}</Text>
      ) : (
        <QueryView query={results}>
          {(data) => (
            <>
              <Text role="status" fw={600}>
                {t.search.count(data.hits.length)}
              </Text>
              {KINDS.map((kind) => {
                const hits = data.hits.filter((hit) => hit.kind === kind);
                if (hits.length === 0) return null;
                return (
                  <Section key={kind} title={`${t.search.kinds[kind]} (${hits.length})`}>
                    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                      {hits.map((hit) => (
                        <li key={hit.id} style={{ padding: '0.2rem 0' }}>
                          <AppLink to={`${PATHS[kind]}${hit.id}`}>
                            <span className="st-code">{hit.code}</span> {tx(hit.title)}
                          </AppLink>
                        </li>
                      ))}
                    </ul>
                  </Section>
                );
              })}
            </>
          )}
        </QueryView>
      )}
    </>
  );
}
