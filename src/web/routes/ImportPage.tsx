/**
 * `/import`: the import wizard. Download a template, choose a file, check it (a dry run that
 * lists every problem by row and column), then import it: all of it or nothing.
 */
import { Alert, Anchor, Button, FileInput, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../api/auth.ts';
import { templateUrl, uploadImport, type ImportKind, type ImportReport } from '../api/data-io.ts';
import { ApiError } from '../api/errors.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';

const KINDS: ImportKind[] = [
  'measurements',
  'targets',
  'indicators',
  'actions',
  'partners',
  'agreements',
];

/** The import wizard page. */
export function ImportPage() {
  const { t, lang } = useI18n();
  const d = t.dataio;
  const me = useMe();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await uploadImport(file, {
        dryRun,
        kind: (kind ?? undefined) as ImportKind | undefined,
      });
      if (dryRun) setReport(result);
      else {
        setDone(result);
        setReport(null);
        await client.invalidateQueries();
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (me.data && !me.data.can.write) {
    return (
      <>
        <PageTitle title={d.importTitle} />
        <Alert color="blue">{d.signIn}</Alert>
      </>
    );
  }

  return (
    <div style={{ maxWidth: 900 }}>
      <PageTitle title={d.importTitle} />
      <Text mb="md">{d.importIntro}</Text>

      <Section title={d.stepTemplate}>
        <Text size="sm" mb="xs">
          {d.templateHelp}
        </Text>
        <Table withTableBorder striped>
          <Table.Tbody>
            {KINDS.map((k) => (
              <Table.Tr key={k}>
                <Table.Th scope="row">{d.kinds[k]}</Table.Th>
                <Table.Td>
                  <Group gap="md">
                    <Anchor href={templateUrl(k, 'xlsx', lang)} download>
                      XLSX<span className="st-visually-hidden"> – {d.kinds[k]}</span>
                    </Anchor>
                    <Anchor href={templateUrl(k, 'csv', lang)} download>
                      CSV<span className="st-visually-hidden"> – {d.kinds[k]}</span>
                    </Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={d.stepFile}>
        <Stack gap="sm" maw={520}>
          <FileInput
            label={d.fileLabel}
            description={d.fileHelp}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              setReport(null);
              setDone(null);
              setError(null);
            }}
            clearable
            clearButtonProps={{ 'aria-label': d.clearFile }}
          />
          <Select
            label={d.kindLabel}
            placeholder={d.kindAuto}
            data={KINDS.map((k) => ({ value: k, label: d.kinds[k] }))}
            value={kind}
            onChange={setKind}
            clearable
          />
          <Group>
            <Button onClick={() => void run(true)} disabled={!file} loading={busy && !report}>
              {d.check}
            </Button>
          </Group>
        </Stack>
      </Section>

      {error ? (
        <Alert color="red" mt="md" role="alert">
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert color="green" mt="md" role="status">
          {d.done(done.created, done.updated, done.skipped)}
        </Alert>
      ) : null}
      {report ? <Preview report={report} busy={busy} onConfirm={() => void run(false)} /> : null}
    </div>
  );
}

function Preview({
  report,
  busy,
  onConfirm,
}: {
  report: ImportReport;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const d = t.dataio;
  const captionId = useId();
  return (
    <Section title={d.stepPreview}>
      <Text mb="xs">
        {report.fileName} – {d.kinds[report.kind]} –{' '}
        {d.summary(report.rows, report.created, report.updated, report.skipped)}
      </Text>
      {report.problems.length === 0 ? (
        <>
          <Alert color="green" mb="sm" role="status">
            {d.noProblem}
          </Alert>
          <Button onClick={onConfirm} loading={busy}>
            {d.confirm}
          </Button>
        </>
      ) : (
        <>
          <Alert color="orange" mb="sm" role="status">
            {d.problemsTitle(report.problems.length)}
          </Alert>
          <ScrollRegion labelId={captionId}>
            <Table withTableBorder striped>
              <Table.Caption id={captionId} className="st-visually-hidden">
                {d.problemsTitle(report.problems.length)}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{d.row}</Table.Th>
                  <Table.Th scope="col">{d.column}</Table.Th>
                  <Table.Th scope="col">{d.field}</Table.Th>
                  <Table.Th scope="col">{d.message}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.map((p, i) => (
                  <Table.Tr key={`${String(p.row)}-${p.column}-${String(i)}`}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td>{p.field}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </Section>
  );
}
