const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// 13 to 19 digits, optionally grouped by spaces or dashes: every card scheme's length.
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
// Nine or more digits with the separators people put in phone numbers; eight would take dates (2024-05-01).
const PHONE = /(?:\+|\b)\d(?:[\s().-]{0,2}\d){8,14}\b/g;

/** Removes e-mail addresses, card numbers and phone numbers, which must never reach a log or the database. */
export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(CARD, '[card]').replace(PHONE, '[phone]');
}
