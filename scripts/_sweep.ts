import { readFileSync } from 'node:fs';
import { Classifier } from '../src/classifier/classifier.js';
import { loadPlaybooks } from '../src/playbooks/load.js';
import { prf, summarize, type Prediction } from './lib/metrics.js';
const { set } = loadPlaybooks(); const types = set.all; const folds = 5;
const ext = (f: string) => readFileSync(`../shared/external/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; expect: string | null });
const go = ext('goemotions-test.jsonl'), bi = ext('bitext-tone.jsonl');
const held = readFileSync('eval/heldout.jsonl','utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
function run(opts: any) {
  const preds: Prediction[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = types.map(t => ({ id: t.id, cues: t.cues, examples: t.examples.filter((_, i) => i % folds !== fold) }));
    const c = Classifier.train(training, opts);
    for (const t of types) t.examples.forEach((e, i) => { if (i % folds !== fold) return; const r = c.classify(e.text); preds.push({ expected: t.id, predicted: r.type, top3: r.ranked.slice(0,3).map(x=>x.type) }); });
  }
  const s = summarize(preds, set.ids);
  const full = Classifier.train(types, opts);
  const p = (rows: any[]) => rows.map(r => { const x = full.classify(r.text); return { expected: r.expect, predicted: x.type, top3: x.ranked.slice(0,3).map(y=>y.type) }; });
  const h = summarize(p(held), set.ids); const g = p(go); const b = p(bi);
  const fpb = b.filter(x=>x.expected===null&&x.predicted==='angry').length / b.filter(x=>x.expected===null).length;
  return `cv F1 ${s.macroF1.toFixed(3)} top3 ${s.top3.toFixed(3)} | held F1 ${h.macroF1.toFixed(3)} | go angryF1 ${prf(g,'angry').f1.toFixed(3)} | bi angryR ${prf(b,'angry').recall.toFixed(3)} fp ${fpb.toFixed(3)}`;
}
for (const g of JSON.parse(process.argv[2] ?? '[{}]')) console.log(JSON.stringify(g), run(g));
