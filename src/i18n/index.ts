import type { Lang } from '../lang.js';
import { en, type Catalogue } from './en.js';
import { zh } from './zh.js';

export type { Catalogue } from './en.js';
export { en } from './en.js';
export { zh } from './zh.js';

const CATALOGUES: Record<Lang, Catalogue> = { en, zh };

/** The catalogue for a language; anything that is not one of ours reads English. */
export function catalogue(lang: Lang | undefined): Catalogue {
  return (lang && CATALOGUES[lang]) || en;
}
