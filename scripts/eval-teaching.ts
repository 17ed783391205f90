/**
 * Only the "what teaching does" section of `npm run eval`, for a quick look after changing the
 * teaching rules or the domains in eval/teaching/:  npm run eval:teaching
 */
import { BASELINES } from './lib/baseline.js';
import { teachingInput, teachingReport } from './lib/teaching-eval.js';

await teachingReport(teachingInput(BASELINES.slice(0, 2)), { en: 'English', zh: 'Chinese' });
