/**
 * The texts of a lazily loaded section (Koppla indata, Lämna in): their own catalogues, loaded
 * with the section's chunk rather than with the pane's (i18n/sv.ts), looked up the same way.
 */
import { useMemo } from 'react';
import { fillPlaceholders, useI18n, type Language, type MessageParams } from './index';

export type SectionCatalogues<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

/** The text of `key` in `language` (Swedish where the language lacks it), placeholders filled. */
export function sectionText<K extends string>(catalogues: SectionCatalogues<K>, language: Language, key: K, params?: MessageParams): string {
  return fillPlaceholders(catalogues[language][key] ?? catalogues.sv[key], params);
}

/** The section's translate function in the pane's language. */
export function useSectionText<K extends string>(catalogues: SectionCatalogues<K>): { t: (key: K, params?: MessageParams) => string; language: Language } {
  const { language } = useI18n();
  return useMemo(() => ({ language, t: (key: K, params?: MessageParams) => sectionText(catalogues, language, key, params) }), [language, catalogues]);
}
