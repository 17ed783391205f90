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

// Secrets people paste from consoles: Slack, OpenAI-style, GitHub and AWS keys, a bearer token, and
// any long run of hex or base64 (a signing secret, a JWT part). Each starts at a fixed prefix or a
// word boundary and is one run of its own characters, so it stays linear on hostile text.
const SECRET = new RegExp(
  [
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{8,}`,
    String.raw`\bxapp-[A-Za-z0-9-]{8,}`,
    String.raw`\bsk-[A-Za-z0-9_-]{16,}`,
    String.raw`\bgh[pousr]_[A-Za-z0-9]{20,}`,
    String.raw`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`,
    String.raw`\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*`,
    String.raw`\b[A-Fa-f0-9]{32,}\b`,
    String.raw`(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Z])(?=[A-Za-z0-9+/_-]*[a-z])[A-Za-z0-9+/_-]{32,}={0,2}`,
  ].join('|'),
  'g',
);
// Two letters, two check digits, then 11 to 30 letters and digits, grouped in fours or not.
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
// A house number before a street word ("221B Baker Street", "12 rue de la Paix" is left: the street word comes first there).
const STREET_ADDRESS =
  /\b\d{1,5}[A-Za-z]?,?(?: [A-Z][\p{L}'.-]*){1,4} (?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close|Crescent|Highway|Hwy|Parkway|Pkwy)\b\.?/gu;
// 北京市朝阳区建国路88号, 上海浦东新区世纪大道100号3楼: places ending in 省市区县镇路街道 and a number with 号 (and a floor or room).
// At most 24 characters of places before the street, so a hostile run of 市市市… costs linear time.
const CHINESE_ADDRESS = /\p{Script=Han}{1,24}?(?:路|街|大道|巷|弄|胡同)\d{1,5}(?:-\d{1,5})?号(?:院|楼)?(?:\d{1,4}(?:号楼|栋|幢|单元|楼|层|室))*/gu;

// Slack tokens of every kind (bot xoxb-, user xoxp-, refresh xoxe-, app xapp-): never in a log line or an error message.
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9.-]+/g;

/** Replaces Slack tokens with `[token]`; every log line goes through it. */
export function redactSlackTokens(text: string): string {
  return text.replace(SLACK_TOKEN, '[token]');
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

/**
 * What is kept of a message taught to the classifier: also without IBANs, street addresses (English
 * and Chinese) and API keys or tokens. Secrets and IBANs go first, before their digits could be read
 * as a card or a phone number.
 */
export function redactForKeeping(text: string): string {
  const withoutSecrets = text.replace(SECRET, '[secret]').replace(IBAN, '[iban]');
  const withoutAddresses = withoutSecrets.replace(CHINESE_ADDRESS, '[address]').replace(STREET_ADDRESS, '[address]');
  return redactPersonalData(withoutAddresses);
}
