/**
 * The engine measurement shared by Node and Chromium: change one answer, re-evaluate the whole
 * form, repeat. Each sample is one evaluation after one change.
 */
import type { Answers } from '../../core/forms/answers';
import type { evaluateForm } from '../../core/forms/engine';
import type { CompiledForm } from '../../core/forms/model';

export function timeEvaluations(form: CompiledForm, answers: Answers, iterations: number, evaluate: typeof evaluateForm, now: () => number): number[] {
  const samples: number[] = [];
  const points = ['1', '2', '3', '4', '5'];
  let current = answers;
  for (let i = 0; i < 50; i++) evaluate(form, current, '2026-11-28');
  for (let i = 0; i < iterations; i++) {
    current = { ...current, g_reduce_costs: points[i % 5] ?? '3' };
    const start = now();
    evaluate(form, current, '2026-11-28');
    samples.push(now() - start);
  }
  return samples;
}
