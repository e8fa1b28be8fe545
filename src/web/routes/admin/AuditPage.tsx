/**
 * `/admin/audit` (strategy office and administrators): export the audit trail of a period as
 * CSV or JSON (plain download links), with a preview of the period's latest events. The period's
 * end is inclusive here; the API's `to` is exclusive, so the day after is sent.
 */
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { auditExportUrl } from '../../api/audit.ts';
import { AccessGate } from '../../components/AccessGate.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { isIsoDate } from '../../lib/as-of.ts';
import { AuditPreview } from './AuditPreview.tsx';

const DAY = 86_400_000;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The day after an ISO date. */
export function dayAfter(day: string): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + DAY);
}

function AuditExport() {
  const { t } = useI18n();
  const [today] = useState(() => Date.now());
  const [from, setFrom] = useState(() => isoDay(today - 30 * DAY));
  const [to, setTo] = useState(() => isoDay(today));
  const fromDay = isIsoDate(from) ? from : null;
  const toDay = isIsoDate(to) ? to : null;
  const reversed = fromDay !== null && toDay !== null && fromDay > toDay;
  const until = toDay ? dayAfter(toDay) : null;

  return (
    <>
      <Text maw={760}>{t.audit.intro}</Text>
      <Group align="flex-start" gap="sm" mt="md" wrap="wrap">
        <TextInput
          type="date"
          name="from"
          label={t.audit.from}
          value={from}
          max={toDay ?? undefined}
          onChange={(event) => {
            setFrom(event.currentTarget.value);
          }}
          w={200}
        />
        <TextInput
          type="date"
          name="to"
          label={t.audit.to}
          value={to}
          min={fromDay ?? undefined}
          onChange={(event) => {
            setTo(event.currentTarget.value);
          }}
          error={reversed ? t.audit.badRange : undefined}
          w={200}
        />
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t.audit.rangeHint}
      </Text>
      <Section title={t.audit.download}>
        {reversed ? (
          <Text>{t.audit.badRange}</Text>
        ) : (
          <Group gap="sm" data-testid="audit-downloads">
            <Button
              component="a"
              variant="outline"
              href={auditExportUrl('csv', fromDay, until)}
              download="strata-audit.csv"
            >
              {t.audit.csv}
            </Button>
            <Button
              component="a"
              variant="outline"
              href={auditExportUrl('json', fromDay, until)}
              download="strata-audit.json"
            >
              {t.audit.json}
            </Button>
          </Group>
        )}
      </Section>
      <Section title={t.audit.preview}>
        {reversed ? null : <AuditPreview from={fromDay} to={until} />}
      </Section>
    </>
  );
}

/** The audit export page. */
export function AuditPage() {
  const { t } = useI18n();
  return (
    <AccessGate allowed={(me) => me.can.exportAudit} title={t.audit.title}>
      {() => (
        <>
          <PageTitle title={t.audit.title} />
          <AuditExport />
        </>
      )}
    </AccessGate>
  );
}
