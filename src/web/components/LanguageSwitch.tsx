/** FR / EN switch: two toggle buttons, each named in its own language. */
import { Group, UnstyledButton } from '@mantine/core';
import { useI18n } from '../i18n/context.tsx';
import type { Lang } from '../i18n/format.ts';

const OPTIONS: readonly { lang: Lang; short: string; name: string }[] = [
  { lang: 'fr', short: 'FR', name: 'Français' },
  { lang: 'en', short: 'EN', name: 'English' },
];

/** The language switch of the header. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Group gap={4} role="group" aria-label={t.app.language} wrap="nowrap">
      {OPTIONS.map((option) => {
        const active = option.lang === lang;
        return (
          <UnstyledButton
            key={option.lang}
            lang={option.lang}
            aria-pressed={active}
            title={option.name}
            onClick={() => {
              setLang(option.lang);
            }}
            style={{
              padding: '0.3rem 0.55rem',
              borderRadius: 4,
              fontWeight: 700,
              fontSize: '0.85rem',
              border: '1px solid #ffffff',
              background: active ? '#ffffff' : 'transparent',
              color: active ? '#102f54' : '#ffffff',
            }}
          >
            {option.short}
            <span className="st-visually-hidden"> – {option.name}</span>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
