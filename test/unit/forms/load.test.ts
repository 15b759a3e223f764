import { describe, expect, it } from 'vitest';
import { loadForm, loadFormText } from '../../../core/forms/load';
import { describeFormProblem, type FormProblem } from '../../../core/forms/problems';
import { loadFixtureForm, tinyFormDocument } from '../../helpers/forms';

function problemsOf(doc: unknown): FormProblem[] {
  const loaded = loadForm(doc);
  return loaded.ok ? [] : loaded.error;
}

describe('loading a form', () => {
  it('loads the fixture and numbers its nodes (matrix items and "other" texts included)', () => {
    const form = loadFixtureForm('test/fixtures/forms/tiny-v1.json');
    expect(form.key).toBe('tiny@1');
    expect(form.nodes.get('eco_costs')?.kind).toBe('matrix-item');
    expect(form.nodes.get('practices_other')?.kind).toBe('other-text');
    expect(form.repeatChildren.get('ties')).toEqual(['tie_name', 'tie_foreign', 'tie_country']);
    expect([...form.consentLocked]).toEqual(['firm', 'motives']);
  });

  it('refuses a question named __proto__, constructor or prototype (answers are kept by name)', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const doc = tinyFormDocument();
      const question = doc.sections[1]?.questions[2];
      if (question) question['name'] = name;
      expect(problemsOf(doc).length).toBeGreaterThan(0);
    }
  });

  it('refuses a file that is not JSON', () => {
    const loaded = loadFormText('{ "format": "maillage-form", ');
    expect(!loaded.ok && loaded.error[0]?.code).toBe('not-json');
  });

  it('names the question whose type is unknown', () => {
    const doc = tinyFormDocument();
    const question = doc.sections[1]?.questions[2];
    if (question) question['type'] = 'slider';
    expect(problemsOf(doc)).toContainEqual(expect.objectContaining({ code: 'unknown-type', question: 'founded', detail: 'slider' }));
  });

  it('names the question that fails the schema and where', () => {
    const doc = tinyFormDocument();
    const question = doc.sections[1]?.questions[0];
    if (question) question['maxLength'] = 'forty';
    expect(problemsOf(doc)).toContainEqual(expect.objectContaining({ code: 'schema', question: 'firm_name', property: 'sections[1].questions[0].maxLength' }));
  });

  it('refuses duplicate names, including a matrix item that repeats a question', () => {
    const doc = tinyFormDocument();
    doc.sections[2]?.questions.push({ name: 'eco_costs', type: 'text', label: { fr: 'x', en: 'x' } });
    expect(problemsOf(doc)).toContainEqual(expect.objectContaining({ code: 'duplicate-name', question: 'eco_costs' }));
  });

  it('reports a reference to an unknown question, naming both', () => {
    const doc = tinyFormDocument();
    const question = doc.sections[1]?.questions[9];
    if (question) question['relevant'] = "selected(${practise}, 'purchasing')";
    expect(problemsOf(doc)).toContainEqual({ code: 'unknown-reference', question: 'saving', property: 'relevant', detail: 'practise' });
  });

  it('reports a syntax error at load time, with the question and the expression', () => {
    const doc = tinyFormDocument();
    const question = doc.sections[1]?.questions[2];
    if (question) question['constraint'] = '. >= 1800 and';
    const problem = problemsOf(doc)[0];
    expect(problem).toMatchObject({ code: 'syntax', question: 'founded', property: 'constraint' });
    expect(problem?.detail).toContain('. >= 1800 and');
  });

  it('reports unknown functions and wrong numbers of arguments', () => {
    const doc = tinyFormDocument();
    const [a, b] = [doc.sections[1]?.questions[2], doc.sections[1]?.questions[3]];
    if (a) a['relevant'] = 'frobnicate(1)';
    if (b) b['relevant'] = "selected(${practices})";
    const problems = problemsOf(doc);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown-function', question: 'founded', detail: 'frobnicate' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'wrong-arity', question: 'exports', detail: 'selected()' }));
  });

  it('knows only its own functions, not the names every object inherits', () => {
    for (const name of ['toString', 'valueOf', 'toLocaleString', 'constructor', 'hasOwnProperty']) {
      const doc = tinyFormDocument();
      const question = doc.sections[1]?.questions[2];
      if (question) question['relevant'] = `${name}(1)`;
      expect(problemsOf(doc)).toContainEqual(expect.objectContaining({ code: 'unknown-function', question: 'founded', detail: name }));
    }
  });

  it('refuses a loop between calculations', () => {
    const doc = tinyFormDocument();
    doc.sections[2]?.questions.push(
      { name: 'calc_a', type: 'calculate', label: { fr: 'a', en: 'a' }, calculation: '${calc_b} + 1' },
      { name: 'calc_b', type: 'calculate', label: { fr: 'b', en: 'b' }, calculation: '${calc_a} + 1' },
    );
    const cycle = problemsOf(doc).find((p) => p.code === 'cycle');
    expect(cycle?.detail).toMatch(/calc_a → calc_b → calc_a|calc_b → calc_a → calc_b/);
  });

  it('refuses consent logic that loops back through a question that consent locks', () => {
    const doc = tinyFormDocument();
    const consent = doc.sections.find((section) => section.name === 'consent') as Record<string, unknown> | undefined;
    if (consent) consent['relevant'] = '${founded} != 7';
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.code)).toEqual(['consent-loop']);
    expect(problems[0]).toMatchObject({ question: 'agree', detail: 'agree → founded → agree' });
    expect(describeFormProblem(problems[0] as FormProblem, 'en')).toBe(
      'question "agree": consent depends on an answer given after it (agree → founded → agree): a question in a section that consent locks cannot decide whether consent is asked',
    );
    expect(describeFormProblem(problems[0] as FormProblem, 'fr')).toBe(
      'question «\u00a0agree\u00a0»\u00a0: le consentement dépend d’une réponse donnée après lui (agree → founded → agree)\u00a0: une question d’une section que le consentement verrouille ne peut pas décider si le consentement est demandé',
    );
    // The same when the locked sections say in their own logic that they follow consent (as the built-in form does).
    const firm = doc.sections.find((section) => section.name === 'firm') as Record<string, unknown> | undefined;
    if (firm) firm['relevant'] = "${agree} = 'yes'";
    expect(problemsOf(doc)).toEqual([{ code: 'consent-loop', question: 'agree', detail: 'agree → founded → agree' }]);
    // Without the loop, the same references are fine.
    if (consent) delete consent['relevant'];
    expect(problemsOf(doc)).toEqual([]);
    // A loop that does not pass through consent stays an ordinary loop.
    if (firm) firm['relevant'] = '${founded} > 1900';
    expect(problemsOf(doc).map((p) => p.code)).toEqual(['cycle']);
  });

  it('refuses a missing or empty translation, naming the question and the language', () => {
    const doc = tinyFormDocument();
    const question = doc.sections[1]?.questions[0];
    if (question) question['label'] = { fr: 'Nom', en: '  ' };
    expect(problemsOf(doc)).toContainEqual({ code: 'missing-translation', question: 'firm_name', property: 'label.en' });
  });

  it('refuses `.` outside a constraint and bare names outside a choice filter', () => {
    const doc = tinyFormDocument();
    const [a, b] = [doc.sections[1]?.questions[2], doc.sections[1]?.questions[3]];
    if (a) a['relevant'] = '. > 3';
    if (b) b['relevant'] = 'founded > 3';
    const codes = problemsOf(doc).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['current-outside-constraint', 'bare-name']));
  });

  it('describes each problem in French and in English', () => {
    const problem: FormProblem = { code: 'unknown-reference', question: 'saving', property: 'relevant', detail: 'practise' };
    expect(describeFormProblem(problem, 'fr')).toBe('question «\u00a0saving\u00a0»\u00a0: relevant fait référence à une question inconnue ${practise}');
    expect(describeFormProblem(problem, 'en')).toBe('question "saving": relevant refers to an unknown question ${practise}');
  });
});
