import type { Language, LocalizedText } from './types';

/**
 * The text in `language`, else English, else the first translation present. A checked instrument
 * has every declared language, so the fallbacks only serve languages it does not declare.
 */
export function localize(text: LocalizedText, language: Language): string {
  const own = (lang: string): string | undefined => (Object.prototype.hasOwnProperty.call(text, lang) ? text[lang] : undefined);
  return own(language) ?? own('en') ?? Object.values(text)[0] ?? '';
}
