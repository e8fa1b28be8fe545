/**
 * A value to hand over (a one-time link, a token's secret): a labelled read-only field, wrapped
 * so that the whole value shows at any width, with a copy button; the outcome is announced
 * politely. Without clipboard access the text is selected so that it can be copied by hand.
 */
import { Button, Group, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/context.tsx';

/** The field and its copy button; `testId` names the field for tests. */
export function CopyField({
  label,
  value,
  description,
  testId,
}: {
  label: string;
  value: string;
  description?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      input.current?.select();
      setOutcome('failed');
    }
  };

  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          ref={input}
          label={label}
          description={description}
          value={value}
          readOnly
          autosize
          minRows={1}
          maxRows={4}
          classNames={{ input: 'st-secret' }}
          style={{ flex: 1, minWidth: 0 }}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
          data-testid={testId}
        />
        <Button
          variant="outline"
          aria-label={t.users.copyNamed(label)}
          onClick={() => {
            void copy();
          }}
        >
          {t.users.copy}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {outcome ? (
          <Text size="sm" mt={4} c={outcome === 'copied' ? '#17602c' : '#9b1c1c'}>
            {outcome === 'copied' ? t.users.copied : t.users.copyFailed}
          </Text>
        ) : null}
      </div>
    </div>
  );
}
