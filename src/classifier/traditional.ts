import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional Chinese (Taiwan, Hong Kong) read as Simplified: the classifier learns mostly from
 * Simplified text, and 軟體 must count as 软件, 網路 as 网络. OpenCC's Taiwan-phrase converter does
 * the characters and the regional words in one pass (it also covers Hong Kong forms such as 綫 and
 * 裏). It runs only on text that has a character used in Traditional writing alone, so Simplified
 * text costs one table lookup per character and nothing more.
 */
type Convert = (text: string) => string;

let convert: Convert | undefined;
/** Characters only Traditional text uses (軟, 體, 網), found once from the converter itself. */
let traditionalOnly: Set<number> | undefined;
/**
 * Simplified characters the converter would still change: in Traditional text 么 is 幺 (yao), but a
 * Simplified writer's 么 is 麼, as in 在么. These keep their Simplified reading.
 */
let keepAsWritten: Set<number> | undefined;

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

function setUp(): void {
  convert = OpenCC.Converter({ from: 'twp', to: 'cn' }) as Convert;
  const outputs = new Set<number>();
  const changed: Array<[number, number]> = [];
  // Every character on a line of its own, in one call: no phrase can span a line break.
  const codes = Array.from({ length: CJK_LAST - CJK_FIRST + 1 }, (_, offset) => CJK_FIRST + offset);
  const lines = convert(codes.map((code) => String.fromCharCode(code)).join('\n')).split('\n');
  lines.forEach((converted, index) => {
    if (converted.length !== 1) return;
    const code = codes[index]!;
    const to = converted.charCodeAt(0);
    outputs.add(to);
    if (to !== code) changed.push([code, to]);
  });
  traditionalOnly = new Set();
  keepAsWritten = new Set();
  for (const [from] of changed) (outputs.has(from) ? keepAsWritten : traditionalOnly).add(from);
}

export function hasTraditional(text: string): boolean {
  if (!traditionalOnly) setUp();
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= CJK_FIRST && code <= CJK_LAST && traditionalOnly!.has(code)) return true;
  }
  return false;
}

/** The text with Traditional characters and Taiwan words in their Simplified forms; Simplified text comes back as it is. */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const converted = convert!(text);
  if (converted.length !== text.length) return converted;
  // Same length: character by character, so a Simplified character the converter changed on its own is put back.
  let result = '';
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (keepAsWritten!.has(code) && converted.charCodeAt(index) !== code) {
      result += converted.slice(from, index) + text[index];
      from = index + 1;
    }
  }
  return from === 0 ? converted : result + converted.slice(from);
}
