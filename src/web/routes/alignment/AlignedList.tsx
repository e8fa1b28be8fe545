/** The school elements aligned to one group element: unit, element, status. */
import { Group, Text } from '@mantine/core';
import type { AlignmentView } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { StatusSummaryView } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';

type Aligned = AlignmentView['rows'][number]['aligned'];

/** A list of aligned school elements, or a sentence when there is none. */
export function AlignedList({ aligned, showEmpty }: { aligned: Aligned; showEmpty: boolean }) {
  const { t, tx } = useI18n();
  if (aligned.length === 0) {
    return showEmpty ? <Text size="sm">{t.alignment.none}</Text> : null;
  }
  return (
    <>
      <Text size="sm" fw={600} mb={4}>
        {t.alignment.count(aligned.length)}
      </Text>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {aligned.map(({ element, unit, status }) => (
          <li key={element.id} style={{ padding: '0.35rem 0', borderTop: '1px solid #f1f3f5' }}>
            <Group gap="sm" wrap="wrap">
              <AppLink to={`/units/${unit.id}`} fw={700} title={tx(unit.name)}>
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
    </>
  );
}
