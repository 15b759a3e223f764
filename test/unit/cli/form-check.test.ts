import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../../core/forms/problems';
import { runCli } from '../../helpers/cli-io';

const bad = (name: string) => `test/fixtures/forms/bad/${name}.json`;
const check = (file: string, lang: 'fr' | 'en' = 'en') => runCli(['form', 'check', file, '--lang', lang]);

describe('maillage form check on forms that load', () => {
  it('summarises the built-in instrument in English and exits 0', async () => {
    const { code, stdout, stderr } = await check('forms/spl-cooperation/v1.json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('forms/spl-cooperation/v1.json: valid form.');
    expect(stdout).toContain('Form: spl-cooperation, version 1');
    expect(stdout).toContain('Title: Why cooperate?');
    expect(stdout).toMatch(/Sections: \d+/);
    expect(stdout).toMatch(/Questions: \d+ \(text \d+, .*matrix \d+.*repeat 1\)/);
    expect(stdout).toMatch(/Matrix items \(each answered on its own\): \d+ \(g_economic_motives \d+/);
    expect(stdout).toContain('Repeat groups: 1 (l_ties ');
    expect(stdout).toContain('indices: idx_economic, idx_non_economic, idx_breadth, idx_obstacles');
    expect(stdout).toContain('Languages: French (fr) and English (en)');
  });

  it('summarises it in French, title included', async () => {
    const { code, stdout } = await check('forms/spl-cooperation/v1.json', 'fr');
    expect(code).toBe(0);
    expect(stdout).toContain('forms/spl-cooperation/v1.json\u00a0: formulaire valide.');
    expect(stdout).toContain('Titre\u00a0: Pourquoi coopérer');
    expect(stdout).toContain('Langues\u00a0: français (fr) et anglais (en)');
  });

  it('counts the tiny fixture exactly', async () => {
    const { code, stdout } = await check('test/fixtures/forms/tiny-v1.json');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'test/fixtures/forms/tiny-v1.json: valid form.',
        '  Form: tiny, version 1',
        '  Title: Tiny form',
        '  Sections: 3',
        '  Questions: 21 (text 4, long-text 1, integer 1, decimal 2, date 1, single-choice 4, multiple-choice 1, likert5 1, ranking 1, matrix 1, note 1, calculate 2, repeat 1)',
        '  Matrix items (each answered on its own): 2 (eco 2)',
        '  Repeat groups: 1 (ties 3)',
        '  Calculations: 2; indices: eco_index',
        '  Languages: French (fr) and English (en), every text in both',
        '',
      ].join('\n'),
    );
  });

  it('checks several files and exits 1 when one of them fails', async () => {
    const { code, stdout } = await runCli(['form', 'check', 'test/fixtures/forms/tiny-v1.json', bad('cycle')]);
    expect(code).toBe(1);
    expect(stdout).toContain('tiny-v1.json: valid form.');
    expect(stdout).toContain('cycle.json: question "score_a"');
  });
});

describe('maillage form check on broken forms: exit 1 with the file, the question and the reason', () => {
  it.each([
    ['not-json', 'form: the file is not valid JSON (', 'le fichier n’est pas du JSON valide ('],
    ['schema', 'question "firm_name": sections[0].questions[0].maxLength: Invalid input: expected number', 'question « firm_name »'],
    ['duplicate-name', 'question "firm_name": the name "firm_name" is used more than once', 'le nom « firm_name » est utilisé plusieurs fois'],
    ['cycle', 'question "score_a": calculations or conditions form a loop: score_a → score_b → score_a', 'calculs ou conditions en boucle : score_a → score_b → score_a'],
    [
      'consent-loop',
      'question "agree": consent depends on an answer given after it (agree → founded → agree): a question in a section that consent locks cannot decide whether consent is asked',
      'le consentement dépend d’une réponse donnée après lui (agree → founded → agree) : une question d’une section que le consentement verrouille',
    ],
    ['unknown-type', 'question "satisfaction": unknown question type "slider"', 'type de question inconnu « slider »'],
    ['missing-translation', 'question "firm_name": missing or empty translation: label.en', 'traduction manquante ou vide : label.en'],
    ['unknown-reference', 'question "siren": relevant refers to an unknown question ${frim_name}', 'relevant fait référence à une question inconnue ${frim_name}'],
  ])('%s', async (name, english, french) => {
    const file = bad(name);
    const en = await check(file, 'en');
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`${file}: ${english}`);
    expect(en.stdout).toContain(`${file}: problems found: 1.`);
    const fr = await check(file, 'fr');
    expect(fr.code).toBe(1);
    expect(fr.stdout).toContain(`${file}\u00a0: `);
    expect(fr.stdout).toContain(frenchSpacing(french));
    expect(fr.stdout).toContain('problèmes trouvés\u00a0: 1.');
  });

  it('refuses a file that is not UTF-8 and says how to fix it', async () => {
    const en = await check(bad('not-utf8'));
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`${bad('not-utf8')}: the file is not UTF-8 text. Save it as UTF-8`);
    expect((await check(bad('not-utf8'), 'fr')).stdout).toContain('n’est pas du texte UTF-8');
  });
});

describe('maillage form check when the file cannot be read', () => {
  it('names a missing file, in English and French, on stderr, and exits 1', async () => {
    expect(await check('forms/nowhere/v9.json')).toEqual({ code: 1, stdout: '', stderr: 'maillage: forms/nowhere/v9.json: no such file.\n' });
    const fr = await check('forms/nowhere/v9.json', 'fr');
    expect(fr.code).toBe(1);
    expect(fr.stderr).toBe('maillage\u00a0: forms/nowhere/v9.json\u00a0: fichier introuvable.\n');
  });

  it('says when the path is a folder', async () => {
    const { code, stderr } = await check('forms');
    expect(code).toBe(1);
    expect(stderr).toContain('maillage: forms is a folder, not a form file.');
  });

  it('is a usage error (exit 2) without a file', async () => {
    const { code, stderr } = await runCli(['form', 'check', '--lang', 'fr']);
    expect(code).toBe(2);
    expect(stderr).toContain('form check attend le chemin d’un fichier de formulaire');
  });

  it('is listed in the help, with its own usage', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}form check +Check form files/m);
    const help = await runCli(['help', 'form', 'check', '--lang', 'fr']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('maillage form check <fichier.json>');
  });
});
