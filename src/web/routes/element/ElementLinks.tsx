/** An element's neighbours: its children, the school elements aligned to it, what it serves. */
import { Group, Text } from '@mantine/core';
import type { ElementDetail } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusSummaryView } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;
const itemStyle = { padding: '0.45rem 0', borderBottom: '1px solid #e9ecef' } as const;

/** Children, aligned school elements and group elements served. */
export function ElementLinks({
  data,
  levelLabel,
}: {
  data: ElementDetail;
  levelLabel: (key: string) => string;
}) {
  const { t, tx } = useI18n();
  return (
    <>
      <Section title={t.element.children}>
        {data.children.length === 0 ? (
          <Text>{t.element.noneChildren}</Text>
        ) : (
          <ul style={listStyle}>
            {data.children.map(({ element, status }) => (
              <li key={element.id} style={itemStyle}>
                <Text component="span" size="xs" fw={600} c="#495057" tt="uppercase">
                  {levelLabel(element.level)}
                </Text>
                <div className="st-tree-main">
                  <AppLink to={`/elements/${element.id}`}>
                    <span className="st-code">{element.code}</span> {tx(element.title)}
                  </AppLink>
                  <StatusSummaryView summary={status} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {data.alignsTo.length > 0 ? (
        <Section title={t.element.alignsTo}>
          <ul style={listStyle}>
            {data.alignsTo.map((element) => (
              <li key={element.id} style={itemStyle}>
                <AppLink to={`/elements/${element.id}`}>
                  <span className="st-code">{element.code}</span> {tx(element.title)}
                </AppLink>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {data.alignsTo.length === 0 ? (
        <Section title={t.element.alignedFrom}>
          {data.alignedFrom.length === 0 ? (
            <Text>{t.element.noneAligned}</Text>
          ) : (
            <ul style={listStyle}>
              {data.alignedFrom.map(({ element, unit, status }) => (
                <li key={element.id} style={itemStyle}>
                  <Group gap="sm" wrap="wrap">
                    <AppLink to={`/units/${unit.id}`} fw={600}>
                      {unit.shortName}
                    </AppLink>
                    <AppLink to={`/elements/${element.id}`}>
                      <span className="st-code">{element.code}</span> {tx(element.title)}
                    </AppLink>
                    <StatusSummaryView summary={status} />
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
    </>
  );
}
