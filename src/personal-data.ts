/**
 * The shapes of personal data that must never reach a log or the database. Each pattern can only
 * start where its first part starts and its parts cannot overlap, so a hostile message (4,000 × "@",
 * a 40 KB word) costs linear time: these run on every message and every log line.
 */
export const EMAIL_ADDRESS = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// 13 to 19 digits, optionally grouped by spaces or dashes ("4111 - 1111 …" too): every card scheme's length.
const CARD_NUMBER = /\b\d(?:(?: ?- ?| )?\d){12,18}\b/g;
// Nine or more digits with the separators people put in phone numbers; eight would take dates (2024-05-01).
const PHONE_NUMBER = /(?:\+|\b)\d(?:[\s().-]{0,2}\d){8,14}\b/g;
// A date ("2024-05-01") has digits and dashes like a card or phone number, and next to a time or
// another number it would be taken for one: dates are set apart before numbers are looked for.
// Not when a dash joins it to more digits ("12345678-2024-05-01"): that is one longer number.
const ISO_DATE = /(?<!\d-)\b(?:19|20)\d\d-[01]?\d-[0-3]?\d\b(?!-\d)/g;

// A Slack message id (ts) is ten digits, a dot and six more: "1700000300.000100". Logs need it whole.
const SLACK_TS_REST = /^\.\d{6}(?!\d)/;

function redactNumbers(text: string): string {
  return text
    .replace(CARD_NUMBER, '[card]')
    .replace(PHONE_NUMBER, (found, offset: number, whole: string) =>
      SLACK_TS_REST.test(whole.slice(offset + found.length, offset + found.length + 8)) ? found : '[phone]',
    );
}

/** Removes e-mail addresses, card numbers and phone numbers; dates stay as they are. */
export function redactPersonalData(text: string): string {
  const withoutEmail = text.replace(EMAIL_ADDRESS, '[email]');
  let redacted = '';
  let from = 0;
  for (const date of withoutEmail.matchAll(ISO_DATE)) {
    redacted += redactNumbers(withoutEmail.slice(from, date.index)) + date[0];
    from = date.index + date[0].length;
  }
  return redacted + redactNumbers(withoutEmail.slice(from));
}
