/**
 * The form that records a figure for a unit and period. When that unit × period already has a
 * figure, the form becomes a correction: it sends `If-Match` with the figure's ETag and needs a
 * note. Field errors (ours or the API problem's `errors[]`) show next to their field.
 */
import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useMe } from '../../api/auth.ts';
import { useMeasurements } from '../../api/queries.ts';
import { useCreateMeasurement } from '../../api/mutations.ts';
import type { Indicator, UnitRef } from '../../api/types.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { PROVENANCES } from '../../../domain/types.ts';
import type { Provenance } from '../../../domain/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate, formatValue, parseUserNumber, unitLabelName } from '../../i18n/format.ts';
import { refusedWriteMessage } from '../../lib/permissions.ts';
import { fieldOf, validateForm } from './form-validation.ts';
import type { FieldErrors, FormFields } from './form-validation.ts';

/** How many decimals a typed number has (1234.5 → 1), so it is shown as typed. */
function decimalsOf(value: number): number {
  return Math.min(6, (String(value).split('.')[1] ?? '').length);
}

const EMPTY: FormFields = { unitId: '', period: '', value: '', source: '', note: '' };

/** The value-entry form of an indicator, for the given units. */
export function MeasurementForm({
  indicator,
  units,
}: {
  indicator: Indicator;
  units: readonly UnitRef[];
}) {
  const { t, tx, lang } = useI18n();
  // A single unit to report for (an editor of one school) is chosen from the start.
  const [fields, setFields] = useState<FormFields>(() => ({
    ...EMPTY,
    unitId: units.length === 1 ? (units[0]?.id ?? '') : '',
  }));
  const [provenance, setProvenance] = useState<Provenance>('official');
  const [validated, setValidated] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useCreateMeasurement(indicator.id);
  const me = useMe();
  const measurements = useMeasurements(indicator.id, fields.unitId || null);
  const period = fields.period.trim();
  const existing =
    measurements.data?.items.find((m) => m.current && m.period === period && period !== '') ?? null;
  const isCorrection = existing !== null;

  const set = (name: keyof FormFields) => (value: string) => {
    setFields((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => ({ ...previous, [name]: undefined }));
  };

  const focusFirstError = (found: FieldErrors) => {
    const first = (['unitId', 'period', 'value', 'provenance', 'source', 'note'] as const).find(
      (name) => found[name],
    );
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    setFailure(null);
    const found = validateForm(fields, indicator.frequency, isCorrection, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }
    const value = parseUserNumber(fields.value) ?? 0;
    mutation.mutate(
      {
        body: {
          unitId: fields.unitId,
          period,
          value,
          provenance,
          validated,
          ...(fields.source.trim() ? { source: fields.source.trim() } : {}),
          ...(fields.note.trim() ? { note: fields.note.trim() } : {}),
        },
        ifMatch: existing?.etag ?? null,
      },
      {
        onSuccess: (saved) => {
          const shown = Math.max(indicator.decimals, decimalsOf(value));
          setMessage(
            t.form.saved(formatValue(value, indicator.unitLabel, shown, lang), saved.period),
          );
          setFields((previous) => ({ ...previous, value: '', note: '' }));
        },
        onError: (error) => {
          const fromApi: FieldErrors = {};
          const unplaced: string[] = [];
          for (const fieldError of error.fieldErrors) {
            const name = fieldOf(fieldError.field);
            if (name) fromApi[name] = fieldError.message;
            else unplaced.push(fieldError.message);
          }
          setErrors(fromApi);
          const base = refusedWriteMessage(error, me.data, t) ?? errorMessage(error, t);
          setFailure(unplaced.length > 0 ? `${base} ${unplaced.join(' ')}` : base);
          focusFirstError(fromApi);
        },
      },
    );
  };

  const fmt = (v: number | null) =>
    v === null ? t.common.none : formatValue(v, indicator.unitLabel, indicator.decimals, lang);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-describedby="measurement-intro">
      <Stack gap="sm" maw={760}>
        <Text id="measurement-intro" size="sm">
          {t.form.intro}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            name="unitId"
            label={t.form.unit}
            required
            value={fields.unitId}
            onChange={(event) => {
              set('unitId')(event.currentTarget.value);
            }}
            error={errors.unitId}
            data={[
              { value: '', label: t.form.chooseUnit },
              ...units.map((unit) => ({ value: unit.id, label: tx(unit.name) })),
            ]}
          />
          <TextInput
            name="period"
            label={t.form.period}
            description={t.periodHint[indicator.frequency]}
            required
            autoComplete="off"
            value={fields.period}
            onChange={(event) => {
              set('period')(event.currentTarget.value);
            }}
            error={errors.period}
          />
          <TextInput
            name="value"
            label={t.form.value}
            description={t.form.valueHint(
              unitLabelName(indicator.unitLabel, lang) || t.common.none,
              indicator.decimals,
            )}
            required
            inputMode="decimal"
            autoComplete="off"
            value={fields.value}
            onChange={(event) => {
              set('value')(event.currentTarget.value);
            }}
            error={errors.value}
          />
          <NativeSelect
            name="provenance"
            label={t.form.provenance}
            value={provenance}
            onChange={(event) => {
              const next = event.currentTarget.value;
              const found = PROVENANCES.find((p) => p === next);
              if (found) setProvenance(found);
            }}
            error={errors.provenance}
            data={PROVENANCES.map((p) => ({ value: p, label: t.provenance[p] }))}
          />
        </SimpleGrid>
        <TextInput
          name="source"
          label={t.form.source}
          description={t.form.sourceHint}
          value={fields.source}
          onChange={(event) => {
            set('source')(event.currentTarget.value);
          }}
          error={errors.source}
        />
        {existing ? (
          <Alert color="yellow" variant="light" role="status" data-testid="correction-notice">
            <Text size="sm" c="#5c4300">
              {t.form.existing(fmt(existing.value), formatDate(existing.recordedAt, lang))}
            </Text>
          </Alert>
        ) : null}
        <Textarea
          name="note"
          label={isCorrection ? t.form.noteRequired : t.form.note}
          required={isCorrection}
          autosize
          minRows={2}
          value={fields.note}
          onChange={(event) => {
            set('note')(event.currentTarget.value);
          }}
          error={errors.note}
        />
        <Checkbox
          name="validated"
          label={t.form.validated}
          checked={validated}
          onChange={(event) => {
            setValidated(event.currentTarget.checked);
          }}
        />
        {failure ? (
          <Alert role="alert" color="red" variant="light">
            <Text size="sm">{failure}</Text>
          </Alert>
        ) : null}
        <div role="status" aria-live="polite">
          {message ? (
            <Alert color="green" variant="light" role="none">
              <Text size="sm" c="#17602c">
                {message}
              </Text>
            </Alert>
          ) : null}
        </div>
        <div>
          <Button
            type="submit"
            loading={mutation.isPending}
            loaderProps={{ 'aria-label': t.form.saving }}
          >
            {isCorrection ? t.form.submitCorrection : t.form.submit}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
