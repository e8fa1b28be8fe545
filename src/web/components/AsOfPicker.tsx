/** The "as of" date field: a plain labelled date input that rewrites `?asOf=` in the URL. */
import { Button, Group, TextInput } from '@mantine/core';
import { useI18n } from '../i18n/context.tsx';
import { isIsoDate, useAsOf } from '../lib/as-of.ts';

/** Picks the date at which the data is shown (empty = now). */
export function AsOfPicker() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput
        type="date"
        label={t.common.asOf}
        description={t.common.asOfHelp}
        value={asOf ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setAsOf(isIsoDate(value) ? value : null);
        }}
        style={{ maxWidth: 340 }}
        data-testid="as-of"
      />
      {asOf ? (
        <Button
          variant="outline"
          onClick={() => {
            setAsOf(null);
          }}
        >
          {t.common.today}
        </Button>
      ) : null}
    </Group>
  );
}
