/** Bundled into the page by the Chromium benchmark: times the engine where the app runs it. */
import { evaluateForm } from '../../core/forms/engine';
import { loadFormText } from '../../core/forms/load';
import type { Answers } from '../../core/forms/answers';
import { timeEvaluations } from '../lib/engine-timing';

function run(formText: string, answers: Answers, iterations: number): number[] {
  const loaded = loadFormText(formText);
  if (!loaded.ok) throw new Error('form does not load');
  return timeEvaluations(loaded.value, answers, iterations, evaluateForm, () => performance.now());
}

Object.assign(globalThis, { maillageEngineBench: run });
