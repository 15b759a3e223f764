import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerValue, checkAnswer } from '../../../core/forms/answer-check';
import type { AnswerName, AnswerValue, Answers, RepeatInstance } from '../../../core/forms/answers';
import { evaluateForm, evaluateValues, indexAnswers, questionIndex } from '../../../core/forms/engine';
import type { CompiledForm } from '../../../core/forms/model';
import { loadFixtureForm } from '../../helpers/forms';

const forms = [loadFixtureForm('test/fixtures/forms/tiny-v1.json'), loadFixtureForm('forms/spl-cooperation/v1.json')];
const fcConfig = { seed: 20261128, numRuns: 300 };

/** Answers of every plausible shape — right and wrong — for any of the form's names. */
function answersFor(form: CompiledForm): fc.Arbitrary<Answers> {
  const names = [...form.nodes.keys()];
  const scalar: fc.Arbitrary<AnswerValue> = fc.oneof(
    fc.constantFrom('yes', 'no', '1', '3', '5', 'dk', 'refused', 'other', '', '2026-05-01', '732829320'),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 3000 }),
    fc.double({ noNaN: true, min: -10, max: 200 }),
    fc.array(fc.constantFrom('training', 'purchasing', 'promotion', 'other', 'yes', 'g_reduce_costs'), { maxLength: 4 }),
    fc.record({ text: fc.string({ maxLength: 20 }), lang: fc.constantFrom('fr' as const, 'en' as const) }),
  );
  const instance = fc.record({ id: fc.uuid(), answers: fc.dictionary(fc.constantFrom(...names), scalar, { maxKeys: 5 }) });
  const value = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(instance, { maxLength: 3 }) });
  return fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 40 });
}

describe.each(forms.map((form) => [form.key, form] as const))('form engine properties (%s)', (_key, form) => {
  it('never reports a problem on a hidden question, nor counts it as required', () => {
    fc.assert(
      fc.property(answersFor(form), (answers) => {
        const state = evaluateForm(form, answers, '2026-11-28');
        for (const node of state.nodes.values()) {
          if (!node.isVisible) {
            expect(node.problem).toBeUndefined();
            expect(node.isRequired).toBe(false);
            expect(node.value).toBe('');
          }
        }
        expect(state.progress.requiredAnswered).toBeLessThanOrEqual(state.progress.requiredVisible);
      }),
      fcConfig,
    );
  });

  it('is deterministic: the same answers give the same state', () => {
    fc.assert(
      fc.property(answersFor(form), (answers) => {
        const a = evaluateForm(form, answers, '2026-11-28');
        const b = evaluateForm(form, structuredClone(answers), '2026-11-28');
        expect([...b.nodes.entries()]).toEqual([...a.nodes.entries()]);
        expect(b.sections).toEqual(a.sections);
      }),
      fcConfig,
    );
  });

  it('gives exports the same visibility and values, question by question, as the full evaluation', () => {
    fc.assert(
      fc.property(answersFor(form), (answers) => {
        const full = evaluateForm(form, answers, '2026-11-28');
        const values = evaluateValues(form, answers, '2026-11-28');
        for (const state of full.nodes.values()) {
          const repeat = form.nodes.get(state.name)?.repeat;
          const items = repeat === undefined ? undefined : answers[repeat];
          const instance = Array.isArray(items) ? (items as readonly { id: string; answers: Answers }[]).find((i) => i.id === state.instance) : undefined;
          const scope = repeat !== undefined && instance ? { repeat, instance } : undefined;
          expect(values.node(state.name, scope), state.path).toEqual({ isVisible: state.isVisible, isAnswered: state.isAnswered, value: state.value });
        }
      }),
      fcConfig,
    );
  });

  it('gives a row’s values in one go exactly as question by question, hidden ones undefined', () => {
    const nodes = [...form.nodes.values()];
    const indexes = nodes.map((node) => questionIndex(form, node.name) ?? -1);
    fc.assert(
      fc.property(answersFor(form), fc.subarray(indexes), (answers, asked) => {
        const values = evaluateValues(form, answers, '2026-11-28');
        const all = values.shownValues(asked);
        expect(all).toHaveLength(nodes.length);
        indexes.forEach((index) => {
          expect(all[index], nodes[index]?.name).toEqual(asked.includes(index) ? values.shownValue(index) : undefined);
        });
      }),
      fcConfig,
    );
  });

  it('gives the same values and stored answers from answers indexed by question (indexAnswers) as from answers keyed by name', () => {
    const nodes = [...form.nodes.values()];
    /** One object per name, as a reader of many interviews keeps them (their lookups cached). */
    const names = new Map<string, AnswerName>();
    const nameOf = (name: string): AnswerName => {
      const known = names.get(name);
      if (known) return known;
      const made: AnswerName = { name, lookedUpIn: null, index: -1 };
      names.set(name, made);
      return made;
    };
    const other = forms.find((f) => f !== form) as CompiledForm;
    fc.assert(
      fc.property(answersFor(form), fc.dictionary(fc.constantFrom('not_in_form', 'zz_extra'), fc.string({ maxLength: 4 })), fc.boolean(), (answers, extra, otherFormFirst) => {
        // Names the form does not have are met too; a lookup cached for another form is not trusted.
        const plain = Object.entries({ ...extra, ...answers }).filter(([, value]) => !Array.isArray(value) || value.every((v) => typeof v === 'string'));
        if (otherFormFirst) indexAnswers(other, plain.map(([name]) => nameOf(name)), plain.map(([, value]) => value as AnswerValue), []);
        const groups = Object.entries(answers).filter((entry): entry is [string, RepeatInstance[]] => !plain.some(([name]) => name === entry[0]) && Array.isArray(entry[1]));
        const indexed = indexAnswers(form, plain.map(([name]) => nameOf(name)), plain.map(([, value]) => value as AnswerValue), groups);
        const byName = evaluateValues(form, answers, '2026-11-28');
        const byIndex = evaluateValues(form, indexed, '2026-11-28');
        nodes.forEach((node) => {
          const index = questionIndex(form, node.name) ?? -1;
          expect(byIndex.shownValue(index), node.name).toEqual(byName.shownValue(index));
          expect(byIndex.stored(index), node.name).toEqual(byName.stored(index));
          expect(byName.stored(index), node.name).toEqual(answers[node.name]);
        });
      }),
      fcConfig,
    );
  });

  it('refuses answers indexed for another form', () => {
    const other = forms.find((f) => f !== form) as CompiledForm;
    expect(() => evaluateValues(form, indexAnswers(other, [], [], []), '2026-11-28')).toThrow(/another form/);
  });

  it('reads an answer’s value without its checks exactly as checkAnswer does, whatever the choices offered', () => {
    const nodes = [...form.nodes.values()];
    fc.assert(
      fc.property(fc.constantFrom(...nodes), answersFor(form), fc.boolean(), (node, answers, filtered) => {
        for (const raw of Object.values(answers)) {
          const choices = filtered ? node.choices?.slice(1) : node.choices;
          expect(answerValue(node, raw)).toEqual(checkAnswer(node, raw, choices).value);
        }
      }),
      { ...fcConfig, numRuns: 1000 },
    );
  });
});
