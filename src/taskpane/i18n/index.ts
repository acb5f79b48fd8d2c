/**
 * Translation: the two catalogues, a `t(key, params)` per language, and dates written the way each
 * language writes them ("31 augusti 2027" / "31 August 2027"). Swedish is the default.
 */
import { createContext, useContext } from 'react';
import type { CalendarDate } from '../../core/calendar/annual-cycle';
import { en } from './en';
import { sv, type Catalogue, type MessageKey } from './sv';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];
export const DEFAULT_LANGUAGE: Language = 'sv';

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { sv, en };

/** BCP 47 locale for Intl. */
export const LOCALES: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}

/** The {name} placeholders of a text, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** `text` with its {name} placeholders filled from `params`; unknown names stay as written. */
export function fillPlaceholders(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(CATALOGUES[language][key] ?? sv[key], params);
}

/** "31 augusti 2027" / "31 August 2027". */
export function formatLongDate(language: Language, date: CalendarDate, withYear = true): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/** Short month names for the wheel: "jan", "feb", … (trailing dots dropped). */
export function shortMonthNames(language: Language): string[] {
  const format = new Intl.DateTimeFormat(LOCALES[language], { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2001, m, 1))).replace(/\.$/, ''));
}

/** Joins names as a list: "Ramar, Driftbudget och Volymer". */
export function formatList(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

export function makeI18n(language: Language, setLanguage: (language: Language) => void): I18n {
  return { language, setLanguage, t: (key, params) => translate(language, key, params) };
}

export const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LANGUAGE, () => undefined));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { MessageKey, Catalogue };
