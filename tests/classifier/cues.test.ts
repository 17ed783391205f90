import { describe, expect, it } from 'vitest';
import { CueMatcher } from '../../src/classifier/cues.js';
import { tokenize } from '../../src/classifier/tokenize.js';

const matcher = new CueMatcher([
  { typeId: 'angry', cues: ['damn', 'af', 'furious', 'so mad', 'infuriat*'], notCues: ['hot damn'] },
  { typeId: 'loyalist', cues: ['damn'] },
]);
const hitsIn = (text: string) =>
  matcher.match(tokenize(text).filter((token) => token.kind !== 'boundary')).map((hit) => `${hit.typeId}:${hit.matched}`);

describe('CueMatcher', () => {
  it('finds each type\'s cues, as the customer wrote them', () => {
    expect(hitsIn('That damn parcel. I am furious')).toEqual(['angry:damn', 'loyalist:damn', 'angry:furious']);
  });

  it("voids a cue inside one of its own type's not-cues, and only that type's", () => {
    expect(hitsIn('hot damn, pizza')).toEqual(['loyalist:damn']);
    expect(hitsIn('hot damn, pizza, but that damn courier')).toEqual(['loyalist:damn', 'angry:damn', 'loyalist:damn']);
  });

  it('does not let a negated not-cue void anything: "not hot damn" is no exclamation', () => {
    expect(hitsIn('not hot damn at all')).toEqual(['angry:damn', 'loyalist:damn']);
  });

  it('reads swearing that heightens praise as praise: "damn good", "good af"', () => {
    expect(hitsIn('damn good pizza')).toEqual([]);
    expect(hitsIn('this pizza is good af')).toEqual([]);
    // Not when a "not" turns the praise round, or a comma parts the two words.
    expect(hitsIn('not damn good at all')).toEqual(['angry:damn', 'loyalist:damn']);
    expect(hitsIn('damn, good thing I checked')).toEqual(['angry:damn', 'loyalist:damn']);
    expect(hitsIn('slow af')).toEqual(['angry:af']);
  });

  it('drops a cue with any negated word, including a feeling that is someone else\'s', () => {
    expect(hitsIn('I am not so mad')).toEqual([]);
    expect(hitsIn('she was so mad')).toEqual([]);
    expect(hitsIn('he made me so mad')).toEqual(['angry:so mad']);
    // A feeling word that is a verb, with the writer as its object, is the writer's feeling after all.
    expect(hitsIn('they infuriated me again')).toEqual(['angry:infuriated']);
    expect(hitsIn('they infuriated the fans')).toEqual([]);
  });
});
