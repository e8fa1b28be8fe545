/** Completion of a cycle's items per school or per priority: counts by state and a bar. */
import { Progress, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { CycleDetail } from '../../api/cycles.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';

type Row = CycleDetail['bySchool'][number];

/** A captioned completion table; each row is named by `label`. */
export function CompletionTable({
  rows,
  caption,
  heading,
  label,
}: {
  rows: readonly Row[];
  caption: string;
  /** The header of the first column (school, priority). */
  heading: string;
  label: (row: Row) => string;
}) {
  const { t } = useI18n();
  const captionId = useId();
  const c = t.cycles.counts;
  return (
    <ScrollRegion labelId={captionId}>
      <Table verticalSpacing="xs" miw={640} captionSide="top">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{heading}</Table.Th>
            <Table.Th scope="col">{t.cycles.completion}</Table.Th>
            <Table.Th scope="col">{c.notStarted}</Table.Th>
            <Table.Th scope="col">{c.draft}</Table.Th>
            <Table.Th scope="col">{c.submitted}</Table.Th>
            <Table.Th scope="col">{c.returned}</Table.Th>
            <Table.Th scope="col">{c.validated}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const name = label(row);
            const done = row.completion;
            return (
              <Table.Tr key={name}>
                <Table.Th scope="row" fw={500}>
                  {name}
                </Table.Th>
                <Table.Td miw={160}>
                  <Text size="sm">{t.cycles.validatedOf(done.validated, done.total)}</Text>
                  <Progress
                    value={Math.round(done.rate * 100)}
                    size="sm"
                    mt={4}
                    aria-label={t.cycles.validatedOf(done.validated, done.total)}
                  />
                </Table.Td>
                <Table.Td>{done.notStarted}</Table.Td>
                <Table.Td>{done.draft}</Table.Td>
                <Table.Td>{done.submitted}</Table.Td>
                <Table.Td>{done.returned}</Table.Td>
                <Table.Td>{done.validated}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
