/**
 * What the creation and editing forms share: the server's field errors (400/409 problem
 * fields, JSON-pointer paths such as `/title/fr`) put in words next to the named field, the
 * alert that announces a refusal (a 412 conflict says the item was reloaded), the success
 * status, and the choices (units, plan elements, actions) the forms offer.
 */
import { Alert, Button, Group, MultiSelect, Paper, Text, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useMe } from '../../api/auth.ts';
import type { ApiError } from '../../api/errors.ts';
import { useActions, usePlanTree, useWorkspace } from '../../api/queries.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import type { Messages } from '../../i18n/fr.ts';
import { refusedWriteMessage } from '../../lib/permissions.ts';

/** A server message about `field`, in the reader's language when the forms know it. */
export function localizeFieldError(field: string, message: string, t: Messages): string {
  const f = t.forms;
  if (field === 'siren') {
    if (/luhn/i.test(message)) return f.sirenLuhn;
    if (/already registered/i.test(message)) return f.sirenTaken;
    if (/country FR/i.test(message)) return f.sirenNotFrench;
    if (/pattern/i.test(message)) return f.sirenFormat;
  }
  if (field === 'website' && /pattern/i.test(message)) return f.websiteInvalid;
  if (field === 'endDate' && /before/i.test(message)) return f.endBeforeStart;
  if (field === 'country' && /pattern/i.test(message)) return f.countryInvalid;
  if (/fewer than 1 character|required property/i.test(message)) return f.required;
  const bound = /must be ([<>]=?) (-?[\d.]+)/.exec(message);
  if (bound?.[2] !== undefined) {
    return bound[1]?.startsWith('<') ? f.atMost(bound[2]) : f.atLeast(bound[2]);
  }
  if (/pattern|format/i.test(message)) return f.badFormat;
  return f.refused(message);
}

/** The server's message for `field` (e.g. `title/fr`), localised; undefined when none. */
export function useServerErrors(error: ApiError | null): (field: string) => string | undefined {
  const { t } = useI18n();
  return (field) => {
    const message = error?.fieldMessage(field) ?? null;
    return message === null ? undefined : localizeFieldError(field, message, t);
  };
}

/**
 * The values of a form and a setter per field. When the item is read again (`version`, its
 * ETag, changes — e.g. reloaded after a 412), the fields the person has not touched take the
 * new values, so a retry sends only what they meant to change over the latest version.
 */
export function useFormValues<V extends object>(
  initial: V,
  version: string,
): [V, <K extends keyof V>(key: K) => (value: V[K]) => void] {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<keyof V>>(() => new Set());
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    const merged = { ...values };
    for (const key of Object.keys(initial) as (keyof V)[]) {
      if (!touched.has(key)) merged[key] = initial[key];
    }
    setValues(merged);
  }
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) => {
      setValues((was) => ({ ...was, [key]: value }));
      setTouched((was) => new Set(was).add(key));
    };
  return [values, set];
}

/** Moves the focus to the first field marked invalid once the server has refused the form. */
export function useFocusFirstInvalid(
  form: RefObject<HTMLFormElement | null>,
  error: ApiError | null,
): void {
  useEffect(() => {
    if (!error || error.fieldErrors.length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}

/** The refusal alert (role=alert, so it is announced) and the polite success status. */
export function FormOutcome({ error, done }: { error: ApiError | null; done: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  const fields = new Set(error?.fieldErrors.map((e) => e.field)).size;
  return (
    <>
      {error ? (
        <Alert role="alert" color="red" variant="light" mt="sm" maw={760}>
          <Text size="sm">
            {fields > 0 && error.status !== 412
              ? t.forms.checkFields(fields)
              : (refusedWriteMessage(error, me.data, t) ?? errorMessage(error, t))}
          </Text>
        </Alert>
      ) : null}
      <div role="status" aria-live="polite">
        {done ? (
          <Text size="sm" mt="sm" c="#17602c">
            {done}
          </Text>
        ) : null}
      </div>
    </>
  );
}

/** The units of the workspace as select choices (short name), narrowed by `keep`. */
export function useUnitChoices(keep: (unitId: string) => boolean) {
  const { tx } = useI18n();
  const workspace = useWorkspace();
  return (workspace.data?.units ?? [])
    .filter((u) => u.kind === 'group' || u.kind === 'school' || u.kind === 'subsidiary')
    .filter((u) => keep(u.id))
    .map((u) => ({ value: u.id, label: u.shortName || tx(u.name) }));
}

/** The elements of the group plan and the actions, as multi-select choices. */
export function usePlanChoices() {
  const { tx } = useI18n();
  const workspace = useWorkspace();
  const tree = usePlanTree(workspace.data?.groupPlanId ?? null, null);
  const actions = useActions({ limit: 500 });
  return {
    elements: (tree.data?.nodes ?? []).map((n) => ({
      value: n.id,
      label: `${n.code} ${tx(n.title)}`,
    })),
    actions: (actions.data?.items ?? []).map((a) => ({
      value: a.id,
      label: `${a.code} ${tx(a.title)}`,
    })),
  };
}

/**
 * A button that opens a form in a titled, bordered panel (`aria-expanded`, `aria-controls`);
 * `children` gets `close(saved)` (the form's Cancel closes with false), and a save is then
 * announced politely.
 */
export function FormToggle({
  label,
  savedText,
  order = 2,
  children,
}: {
  label: string;
  savedText?: string;
  /** The panel heading's level: 3 inside a page section. */
  order?: 2 | 3;
  children: (close: (saved: boolean) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  // The live region appears once the form was opened, so pages keep no empty status at load.
  const [used, setUsed] = useState(false);
  const panel = useId();
  const heading = useId();
  return (
    <div style={{ marginBottom: '1rem' }}>
      {open ? null : (
        <Button
          variant="light"
          aria-expanded={false}
          aria-controls={panel}
          onClick={() => {
            setSaved(false);
            setOpen(true);
            setUsed(true);
          }}
        >
          {label}
        </Button>
      )}
      <div id={panel}>
        {open ? (
          <Paper component="section" aria-labelledby={heading} withBorder p="md" maw={800}>
            <Title order={order} id={heading} fz="h3" mb="xs">
              {label}
            </Title>
            {children((wasSaved) => {
              setSaved(wasSaved);
              setOpen(false);
            })}
          </Paper>
        ) : null}
      </div>
      {used && savedText ? (
        <div role="status" aria-live="polite">
          {saved ? (
            <Text size="sm" mt="sm" c="#17602c">
              {savedText}
            </Text>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The submit button of a form, with Cancel beside it when the form can be closed. */
export function FormButtons({
  submit,
  pending,
  onCancel,
}: {
  submit: string;
  pending: boolean;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <Group mt="md" gap="sm">
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t.forms.cancel}
        </Button>
      ) : null}
    </Group>
  );
}

/** A searchable multiple choice of a form (linked elements, actions, units, indicators). */
export function Picker(props: {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  data: { value: string; label: string }[];
  error: string | undefined;
}) {
  return <MultiSelect mt="sm" maw={760} searchable {...props} />;
}
