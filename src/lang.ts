/** The languages customertype reads customers in and speaks to agents in. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang => value === 'en' || value === 'zh';
