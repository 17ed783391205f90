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
}


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
 * could plausibly mistake it for.
 */
export function whichTypeQuestion(
  playbook: Playbook,
  messageIndex: number,
  closestTypes: readonly Playbook[],
  random: Random,
): QuizQuestion {
  const message = playbook.quiz.messages[messageIndex]!;
  const distractors = closestTypes.filter((other) => other.id !== playbook.id).slice(0, OPTION_COUNT - 1);
  const options = shuffle([playbook, ...distractors], random).map((type) => ({ label: type.name, typeId: type.id }));
  return {
    kind: 'which-type',
    typeId: playbook.id,
    questionKey: `which:${playbook.id}:${messageIndex}`,
    prompt: 'Which type is this customer?',
    message,
    options,
    answer: options.findIndex((option) => option.typeId === playbook.id),
    why: playbook.quiz.why,
    keyAction: playbook.actions[0]!,
  };
}

/** "What should you do?": for a named type, its key action among three from other types. */
export function whatToDoQuestion(playbook: Playbook, others: readonly Playbook[], random: Random): QuizQuestion {
  const distractors = shuffle(
    others.filter((other) => other.id !== playbook.id),
    random,
  ).slice(0, OPTION_COUNT - 1);
  const options = shuffle(
    [playbook, ...distractors].map((type) => ({ label: type.actions[0]!, typeId: type.id })),
    random,
  );
  return {
    kind: 'what-to-do',
    typeId: playbook.id,
    questionKey: `do:${playbook.id}`,
    prompt: `A customer is ${playbook.name}. What should you do first?`,
    options,
    answer: options.findIndex((option) => option.typeId === playbook.id),
    why: playbook.summary,
    keyAction: playbook.actions[0]!,
  };
}
