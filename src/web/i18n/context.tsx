/**
 * The interface language: French by default, English on demand, remembered in localStorage
 * and mirrored on `<html lang>`. `tx` picks the language's side of a bilingual content field.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fr } from './fr.ts';
import type { Messages } from './fr.ts';
import { en } from './en.ts';
import { LOCALES } from './format.ts';
import type { Lang } from './format.ts';
import type { Bilingual } from '../../domain/types.ts';

const STORAGE_KEY = 'strata.lang';
const DICTIONARIES: Record<Lang, Messages> = { fr, en };

export interface I18n {
  lang: Lang;
  locale: string;
  t: Messages;
  setLang: (lang: Lang) => void;
  /** The text of a bilingual field in the current language (the other one when empty). */
  tx: (text: Bilingual | null | undefined) => string;
}

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage may be disabled: fall back to French.
  }
  return 'fr';
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language to the app and keeps `<html lang>` and localStorage in sync. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered, still applied.
    }
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const other: Lang = lang === 'fr' ? 'en' : 'fr';
    return {
      lang,
      locale: LOCALES[lang],
      t: DICTIONARIES[lang],
      setLang,
      tx: (text) => {
        if (!text) return '';
        return text[lang].trim() !== '' ? text[lang] : text[other];
      },
    };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language, its dictionary and helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <LanguageProvider>');
  return value;
}
