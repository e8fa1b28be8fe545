/** Fields several forms share: a bilingual title, and a select over a fixed list of choices. */
import { NativeSelect, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/context.tsx';

/** The two required inputs of a bilingual title; server errors at `title/fr` and `title/en`. */
export function TitleFields({
  fr,
  en,
  onChange,
  error,
}: {
  fr: string;
  en: string;
  onChange: (lang: 'fr' | 'en', value: string) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      {(['fr', 'en'] as const).map((lang) => (
        <TextInput
          key={lang}
          name={lang === 'fr' ? 'titleFr' : 'titleEn'}
          label={lang === 'fr' ? t.forms.titleFr : t.forms.titleEn}
          required
          maxLength={500}
          value={lang === 'fr' ? fr : en}
          onChange={(e) => {
            onChange(lang, e.currentTarget.value);
          }}
          error={error(`title/${lang}`)}
        />
      ))}
    </>
  );
}

/** A native select over `choices` (a domain list), each shown by its label. */
export function ChoiceSelect<T extends string>({
  name,
  label,
  value,
  choices,
  labels,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: T;
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  return (
    <NativeSelect
      name={name}
      label={label}
      value={value}
      onChange={(e) => {
        const found = choices.find((c) => c === e.currentTarget.value);
        if (found) onChange(found);
      }}
      data={choices.map((c) => ({ value: c, label: labels[c] }))}
      error={error}
    />
  );
}
