import type { ClassifiesMessages } from '../classifier/classifier.js';
import type { Lang } from '../lang.js';
import { quizMessagesIn } from '../playbooks/localize.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { Playbook } from '../playbooks/schema.js';
import type { Random } from '../random.js';
import { shuffle, whatToDoQuestion, whichTypeQuestion, type QuizQuestion } from './question.js';

export interface TypeRecord {
  answers: number;
  wrong: number;
}

export interface ChoiceInputs {
  /** The team's answers per type over the last 14 days. */
  recentByType: ReadonlyMap<string, TypeRecord>;
  /** Question keys asked in this channel in the last 30 days. */
  recentKeys: ReadonlySet<string>;
  random: Random;
  /** Only these types (practice on the weakest), when given. */
  onlyTypes?: readonly string[];
  /** The questions' language; English unless said. */
  lang?: Lang;
}

/** How much more often a type the team always gets wrong comes up than one it always gets right. */
const WEAKNESS_BOOST = 3;
const WHICH_TYPE_SHARE = 0.7;

/** A type's weight: 1, plus up to 3 more the more the team got it wrong lately. */
export function typeWeight(record: TypeRecord | undefined): number {
  if (!record || record.answers === 0) return 1;
  return 1 + WEAKNESS_BOOST * (record.wrong / record.answers);
}

function weightedPick<T>(items: readonly T[], weight: (item: T) => number, random: Random): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let point = random() * total;
  for (const item of items) {
    point -= weight(item);
    if (point <= 0) return item;
  }
  return items[items.length - 1]!;
}

type Candidate = { type: Playbook; key: string; build: () => QuizQuestion };
type Kind = 'which' | 'do';

/** A type has a "what to do" question in a language when its actions are written in it. */
const hasActionsIn = (type: Playbook, lang: Lang) => lang === 'en' || type.zh?.actions !== undefined;
/** Types with a name in the language first, so a Chinese question offers Chinese names where it can. */
const namedFirst = (types: readonly Playbook[], lang: Lang) =>
  lang === 'en' ? [...types] : [...types.filter((type) => type.zh?.name !== undefined), ...types.filter((type) => type.zh?.name === undefined)];

function candidatesFor(pool: readonly Playbook[], kind: Kind, lang: Lang, playbooks: PlaybookSet, classifier: ClassifiesMessages, random: Random): Candidate[] {
  const candidates: Candidate[] = [];
  for (const type of pool) {
    if (kind === 'which') {
      quizMessagesIn(type, lang).forEach((message, index) => {
        candidates.push({
          type,
          key: `which:${type.id}${lang === 'en' ? '' : `:${lang}`}:${index}`,
          build: () => {
            const result = classifier.classify(message);
            const others = result.ranked.map((entry) => playbooks.get(entry.type)!).filter((other) => other && other.id !== type.id);
            // An abstention ranks nothing (every score equal): any three types are as close as any other.
            const ranked = result.type === null && result.ranked.every((entry) => entry.score === result.ranked[0]!.score);
            return whichTypeQuestion(type, index, namedFirst(ranked ? shuffle(others, random) : others, lang), random, lang);
          },
        });
      });
    } else if (hasActionsIn(type, lang)) {
      const others = playbooks.all.filter((other) => hasActionsIn(other, lang));
      candidates.push({ type, key: `do:${type.id}${lang === 'en' ? '' : `:${lang}`}`, build: () => whatToDoQuestion(type, others, random, lang) });
    }
  }
  return candidates;
}

/**
 * The day's question, in the language asked for. Types the team got wrong most in the last 14 days
 * come up more often, by weighted chance; playbook material asked in this channel in the last 30
 * days is skipped while other material remains. A Chinese quiz uses only Chinese material: a type
 * without Chinese quiz messages is not asked "which type", and "what to do" offers Chinese actions.
 * With no Chinese material at all it asks in English rather than not at all.
 */
export function chooseQuestion(playbooks: PlaybookSet, classifier: ClassifiesMessages, inputs: ChoiceInputs): QuizQuestion {
  const { random, recentKeys } = inputs;
  const lang = inputs.lang ?? 'en';
  const pool = inputs.onlyTypes ? playbooks.all.filter((type) => inputs.onlyTypes!.includes(type.id)) : playbooks.all;
  const wanted: Kind = random() < WHICH_TYPE_SHARE ? 'which' : 'do';
  const other: Kind = wanted === 'which' ? 'do' : 'which';
  const types = pool.length > 0 ? pool : playbooks.all;
  let candidates = candidatesFor(types, wanted, lang, playbooks, classifier, random);
  if (candidates.length === 0) candidates = candidatesFor(types, other, lang, playbooks, classifier, random);
  if (candidates.length === 0 && types !== playbooks.all) candidates = candidatesFor(playbooks.all, wanted, lang, playbooks, classifier, random);
  if (candidates.length === 0 && lang !== 'en') return chooseQuestion(playbooks, classifier, { ...inputs, lang: 'en' });
  const fresh = candidates.filter((candidate) => !recentKeys.has(candidate.key));
  const usable = fresh.length > 0 ? fresh : candidates;
  // First the type, by weight; then, evenly, one of its questions not asked lately.
  const typesLeft = [...new Set(usable.map((candidate) => candidate.type))];
  const type = weightedPick(typesLeft, (each) => typeWeight(inputs.recentByType.get(each.id)), random);
  const ofType = usable.filter((candidate) => candidate.type === type);
  return ofType[Math.floor(random() * ofType.length)]!.build();
}
