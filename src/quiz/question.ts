import { catalogue } from '../i18n/index.js';
import type { Lang } from '../lang.js';
import { playbookText, quizMessagesIn } from '../playbooks/localize.js';
import type { Playbook } from '../playbooks/schema.js';
import type { Random } from '../random.js';

export type QuestionKind = 'which-type' | 'what-to-do';

export interface QuizOption {
  label: string;
  /** The type this option stands for (the type for "which type", the action's owner for "what to do"). */
  typeId: string;
}

/** A quiz question as posted and stored: everything needed to post, grade and reveal it later. */
export interface QuizQuestion {
  kind: QuestionKind;
  typeId: string;
  questionKey: string;
  prompt: string;
  /** The customer's message, for "which type is this customer?". */
  message?: string;
  options: QuizOption[];
  answer: number;
  why: string;
  keyAction: string;
  /** The language everything above is written in; questions stored before there was a choice are English. */
  lang?: Lang;
}

/** Keys of Chinese material differ from English ones, so asking one never marks the other as asked. */
const keyPart = (lang: Lang) => (lang === 'en' ? '' : `:${lang}`);


/** Deterministic when given a seeded random; Math.random in production. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export const OPTION_COUNT = 4;

/**
 * "Which type is this customer?": a quiz-only message of the type and four types to choose from.
 * The distractors are the types the classifier ranks closest for that message: the ones an agent
 * could plausibly mistake it for. In Chinese, the message is one of the type's Chinese quiz messages.
 */
export function whichTypeQuestion(
  playbook: Playbook,
  messageIndex: number,
  closestTypes: readonly Playbook[],
  random: Random,
  lang: Lang = 'en',
): QuizQuestion {
  const message = quizMessagesIn(playbook, lang)[messageIndex]!;
  const distractors = closestTypes.filter((other) => other.id !== playbook.id).slice(0, OPTION_COUNT - 1);
  const options = shuffle([playbook, ...distractors], random).map((type) => ({ label: playbookText(type, lang).name, typeId: type.id }));
  const text = playbookText(playbook, lang);
  return {
    kind: 'which-type',
    typeId: playbook.id,
    questionKey: `which:${playbook.id}${keyPart(lang)}:${messageIndex}`,
    prompt: catalogue(lang).quiz.whichType,
    message,
    options,
    answer: options.findIndex((option) => option.typeId === playbook.id),
    why: text.quizWhy,
    keyAction: text.actions[0]!,
    lang,
  };
}

/** "What should you do?": for a named type, its key action among three from other types, all in `lang`. */
export function whatToDoQuestion(playbook: Playbook, others: readonly Playbook[], random: Random, lang: Lang = 'en'): QuizQuestion {
  const distractors = shuffle(
    others.filter((other) => other.id !== playbook.id),
    random,
  ).slice(0, OPTION_COUNT - 1);
  const options = shuffle(
    [playbook, ...distractors].map((type) => ({ label: playbookText(type, lang).actions[0]!, typeId: type.id })),
    random,
  );
  const text = playbookText(playbook, lang);
  return {
    kind: 'what-to-do',
    typeId: playbook.id,
    questionKey: `do:${playbook.id}${keyPart(lang)}`,
    prompt: catalogue(lang).quiz.whatToDo(text.name),
    options,
    answer: options.findIndex((option) => option.typeId === playbook.id),
    why: text.summary,
    keyAction: text.actions[0]!,
    lang,
  };
}
