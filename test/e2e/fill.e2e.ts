import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import splForm from '../../forms/spl-cooperation/v1.json';
import { launchBrowser } from '../helpers/browser';
import { catalogues, waitForList, type Lang } from '../helpers/app-page';
import { consentAnswers, openNewQuestionnaire, openSection, requiredAnswers, savedStatus, seedInterview, storedAnswers, waitForFill } from './fill-steps';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext | undefined;
beforeAll(async () => { browser = await launchBrowser(); });
afterEach(async () => { await context?.close(); context = undefined; });
afterAll(async () => { await browser.close(); });

async function startApp(lang: Lang): Promise<Page> {
  context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await waitForList(page);
  return page;
}

interface Labelled { readonly name: string; readonly label: { readonly fr: string; readonly en: string } }
const everyLabelled: Labelled[] = splForm.sections.flatMap((s) => [
  { name: s.name, label: s.title },
  ...s.questions.flatMap((q): Labelled[] => [q, ...('items' in q ? q.items : []), ...('questions' in q ? q.questions : [])]),
]);
/** A question's (or section's) words in the built-in form, as the screen shows them. */
function label(name: string, lang: Lang): string {
  const found = everyLabelled.find((q) => q.name === name);
  if (!found) throw new Error(`no question ${name} in the form`);
  return found.label[lang];
}
const choice = (lang: Lang, value: 'yes' | 'no') => (value === 'yes' ? (lang === 'fr' ? 'Oui' : 'Yes') : (lang === 'fr' ? 'Non' : 'No'));
const sectionLink = (page: Page, name: string, lang: Lang) => page.getByRole('navigation', { name: catalogues[lang].fill.nav.label }).getByRole('link', { name: label(name, lang) });
const focusedName = (page: Page) => page.evaluate(() => {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? `${active.name}=${active.value}` : active?.tagName ?? '';
});
/** The question that has focus, and what has it: `n_how_started TEXTAREA`. */
const focusedQuestion = (page: Page) => page.evaluate(() => {
  const active = document.activeElement;
  return `${active?.closest('[data-path]')?.getAttribute('data-path') ?? ''} ${active?.tagName ?? ''}`;
});
const isInvalidStoredShown = (page: Page, path: string, lang: Lang) =>
  page.locator(`[data-path="${path}"]`).getByText(catalogues[lang].fill.invalidStored).isVisible();

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  const t = catalogues[lang];
  describe(`the questionnaire, in ${lang}`, () => {
    it('locks sections until consent, follows skip logic, and answers scales and matrix rows with number keys', async () => {
      const page = await startApp(lang);
      const id = await openNewQuestionnaire(page, lang);
      await page.getByRole('heading', { name: label('a_interview', lang) }).waitFor();
      const progress = page.getByRole('progressbar', { name: t.fill.progress.label });
      expect(await progress.getAttribute('aria-valuenow')).toBe('2');

      // Enter in a one-line field goes on to the next question; nothing is submitted.
      await page.getByLabel(label('a_start_time', lang)).fill('09:30');
      await page.getByLabel(label('a_start_time', lang)).press('Enter');
      expect(await focusedQuestion(page)).toBe('a_end_time INPUT');

      await sectionLink(page, 'c_firm', lang).click();
      await page.getByText(t.fill.section.locked.replace('{{section}}', 'B')).waitFor();
      expect(await page.getByLabel(label('c_firm_name', lang)).count()).toBe(0);

      await sectionLink(page, 'b_consent', lang).click();
      await page.getByRole('radiogroup', { name: label('b_info_sheet_read', lang) }).getByLabel(choice(lang, 'yes')).check();
      await page.getByLabel(label('b_info_sheet_version', lang)).fill('v1');
      await page.getByRole('radiogroup', { name: label('b_consent_participate', lang) }).getByLabel(choice(lang, 'yes')).check();
      await expect.poll(() => sectionLink(page, 'c_firm', lang).textContent()).not.toContain(t.fill.nav.locked);
      await sectionLink(page, 'c_firm', lang).click();
      await page.getByLabel(label('c_firm_name', lang)).waitFor();

      await sectionLink(page, 'f_practices', lang).click();
      const training = page.getByRole('radiogroup', { name: label('f_training_done', lang) });
      const since = page.getByLabel(label('f_training_since', lang));
      const intensity = page.getByRole('radiogroup', { name: label('f_training_intensity', lang) });
      expect(await since.count()).toBe(0);
      await training.getByLabel(choice(lang, 'yes')).check();
      await since.waitFor();
      await training.getByLabel(choice(lang, 'no')).check();
      await since.waitFor({ state: 'detached' });
      expect(await intensity.count()).toBe(0);
      await training.getByLabel(choice(lang, 'yes')).check();

      await intensity.getByRole('radio').first().focus();
      await page.keyboard.press('4');
      expect(await intensity.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
      await page.keyboard.press('2');
      expect(await intensity.getByRole('radio', { name: '2' }).isChecked()).toBe(true);
      expect(await focusedName(page)).toBe('f_training_intensity=2');

      await sectionLink(page, 'g_economic', lang).click();
      const costs = page.getByRole('radiogroup', { name: label('g_reduce_costs', lang) });
      const markets = page.getByRole('radiogroup', { name: label('g_new_markets', lang) });
      await costs.getByRole('radio').first().focus();
      await page.keyboard.press('3');
      await markets.getByRole('radio').last().focus();
      await page.keyboard.press('5');
      expect(await costs.getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
      expect(await markets.getByRole('radio', { name: '5', exact: false }).isChecked()).toBe(true);

      await savedStatus(page, lang).waitFor();
      const stored = await storedAnswers(page, id);
      expect(stored).toMatchObject({ a_start_time: '09:30', b_consent_participate: 'yes', f_training_done: 'yes', f_training_intensity: '2', g_reduce_costs: '3', g_new_markets: '5' });
      // What the benchmark reads: when the screen was ready, and how long each answer took to be stored.
      expect(await page.evaluate(() => ({
        ready: performance.getEntriesByName('maillage:fill-ready').length,
        commits: performance.getEntriesByName('maillage:answer-commit').length,
      }))).toEqual({ ready: 1, commits: expect.any(Number) as number });
      expect(await page.evaluate(() => performance.getEntriesByName('maillage:answer-commit').length)).toBeGreaterThanOrEqual(8);
    });
  });
}

describe('autosave and resume', () => {
  it('keeps a narrative answer typed just before a reload, and reopens at that question', async () => {
    const lang = 'fr';
    const t = catalogues[lang];
    const page = await startApp(lang);
    const id = await openNewQuestionnaire(page, lang);
    await seedInterview(page, id, consentAnswers);
    await page.reload();
    await waitForFill(page);
    await sectionLink(page, 'n_open', lang).click();
    const story = page.getByLabel(label('n_how_started', lang));
    await story.click();
    await page.keyboard.type('Au café du village, en 1998.');
    await page.locator('[data-path="n_how_started"]').getByLabel(t.fill.longText.translation.replace('{{lang}}', 'en')).fill('At the village café, in 1998.');
    await savedStatus(page, lang).waitFor();
    await page.reload();
    await waitForFill(page);
    expect(await page.getByLabel(label('n_how_started', lang)).inputValue()).toBe('Au café du village, en 1998.');
    expect(await storedAnswers(page, id)).toMatchObject({
      n_how_started: { text: 'Au café du village, en 1998.', lang: 'fr', translation: { lang: 'en', text: 'At the village café, in 1998.' } },
    });

    // Opening without a section goes back to the last question touched, with focus on it.
    await page.goto(`${baseUrl}#/interviews/${id}`);
    await page.getByRole('link', { name: t.fill.open }).click();
    await waitForFill(page);
    await page.getByRole('heading', { name: label('n_open', lang) }).waitFor();
    await expect.poll(() => focusedQuestion(page)).toBe('n_how_started TEXTAREA');
  });
});

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  const t = catalogues[lang];
  describe(`completing an interview, in ${lang}`, () => {
    it('refuses with links to what is missing, then completes, keeps later edits in the history, validates and reopens', async () => {
      const page = await startApp(lang);
      const id = await openNewQuestionnaire(page, lang);
      await page.getByRole('button', { name: t.lifecycle.complete }).click();
      const missing = page.getByRole('alert').filter({ hasText: t.lifecycle.missing_other.replace('{{count}}', '2') });
      await missing.waitFor();
      await missing.getByRole('link', { name: label('b_consent_participate', lang) }).click();
      await page.getByRole('heading', { name: label('b_consent', lang) }).waitFor();
      await expect.poll(() => focusedName(page)).toBe('b_consent_participate=yes');
      expect(await page.getByText(t.fill.problems.required).count()).toBe(2);

      await seedInterview(page, id, requiredAnswers);
      await page.reload();
      await waitForFill(page);
      await page.getByRole('button', { name: t.lifecycle.complete }).click();
      await page.locator('.status-badge', { hasText: t.lifecycle.status.complete }).waitFor();
      await page.getByText(t.lifecycle.completedAt.replace(' {{date}}', '')).waitFor();

      await sectionLink(page, 'a_interview', lang).click();
      await page.getByLabel(label('a_commune', lang)).fill('Marnaz');
      await savedStatus(page, lang).waitFor();
      await page.getByText(t.fill.history.title).click();
      const edit = page.locator('.history-table tbody tr', { hasText: label('a_commune', lang) });
      await edit.waitFor();
      expect(await edit.locator('td').allTextContents()).toEqual([expect.any(String) as string, 'Camille Roux', 'Cluses', 'Marnaz']);

      await page.getByRole('button', { name: t.lifecycle.validate }).click();
      await page.locator('.status-badge', { hasText: t.lifecycle.status.validated }).waitFor();
      await page.getByText(t.lifecycle.validatedBy.replace('{{who}}', 'Camille Roux').replace(' {{date}}', '')).waitFor();
      await page.locator('.history-table tbody tr', { hasText: t.fill.history.status }).filter({ hasText: t.lifecycle.status.validated }).waitFor();

      await page.getByRole('button', { name: t.lifecycle.reopen }).click();
      await page.locator('.status-badge', { hasText: t.lifecycle.status.draft }).waitFor();
      await page.getByRole('button', { name: t.lifecycle.complete }).waitFor();
    });
  });
}

describe('stored values and typed numbers', () => {
  it('says when a stored answer has the wrong type, keeps working, and reads French decimals', async () => {
    const lang = 'fr';
    const t = catalogues[lang];
    const page = await startApp(lang);
    const id = await openNewQuestionnaire(page, lang);
    await seedInterview(page, id, {
      ...consentAnswers,
      c_year_founded: 'mille neuf cent', c_region: ['ara'], a_commune: 42,
      g_reduce_costs: '7', i_top_reasons: ['g_reduce_costs', 'g_reduce_costs'], l_ties: 'Usinage Bret', n_how_started: 12,
    });
    await openSection(page, baseUrl, id, 'c_firm');
    expect(await isInvalidStoredShown(page, 'c_year_founded', lang)).toBe(true);
    expect(await isInvalidStoredShown(page, 'c_region', lang)).toBe(true);
    const year = page.getByLabel(label('c_year_founded', lang));
    expect(await year.inputValue()).toBe('');
    await year.fill('1987');
    expect(await isInvalidStoredShown(page, 'c_year_founded', lang)).toBe(false);

    const share = page.getByLabel(label('c_export_share', lang));
    await share.fill('12,5');
    await savedStatus(page, lang).waitFor();
    await share.fill('douze');
    await page.locator('[data-path="c_export_share"]').getByText(t.fill.problems.numberExpected).waitFor();
    expect(await share.getAttribute('aria-invalid')).toBe('true');
    await year.fill('1987,5');
    await page.locator('[data-path="c_year_founded"]').getByText(t.fill.problems.integerExpected).waitFor();
    await savedStatus(page, lang).waitFor();
    expect(await storedAnswers(page, id)).toMatchObject({ c_year_founded: 1987, c_export_share: 12.5 });

    for (const [section, path] of [['a_interview', 'a_commune'], ['g_economic', 'g_reduce_costs'], ['i_priorities', 'i_top_reasons'], ['n_open', 'n_how_started'], ['l_partners', 'l_ties']] as const) {
      await sectionLink(page, section, lang).click();
      await page.getByRole('heading', { name: label(section, lang) }).waitFor();
      expect(await isInvalidStoredShown(page, path, lang), path).toBe(true);
    }
    // The repeat group starts again from a clean list.
    await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
    await page.getByRole('group', { name: 'Partenaire 1' }).waitFor();
    expect(await isInvalidStoredShown(page, 'l_ties', lang)).toBe(false);
  });
});

describe('when the questionnaire cannot be opened', () => {
  it('says so for an unknown interview and for a form version not installed here', async () => {
    const lang = 'en';
    const t = catalogues[lang];
    const page = await startApp(lang);
    await page.goto(`${baseUrl}#/interviews/no-such-interview/fill`);
    await page.getByRole('alert').getByText(t.fill.notFound).waitFor();
    await page.getByRole('link', { name: t.fill.backToList }).click();
    await waitForList(page);

    const id = await openNewQuestionnaire(page, lang);
    await seedInterview(page, id, {}, { formVersion: 99 });
    await page.reload();
    await page.getByRole('alert').getByText(t.fill.formMissing.split('“')[0] ?? '').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('spl-cooperation@99');
    await page.getByRole('link', { name: t.fill.backToCover }).waitFor();
  });
});

describe('ranking and repeat groups, from the keyboard', () => {
  it('ranks three reasons and reorders them; adds partners and removes one after confirmation', async () => {
    const lang = 'en';
    const t = catalogues[lang];
    const page = await startApp(lang);
    const id = await openNewQuestionnaire(page, lang);
    await seedInterview(page, id, consentAnswers);
    await openSection(page, baseUrl, id, 'i_priorities');
    const ranking = page.getByRole('group', { name: label('i_top_reasons', lang) });
    const addButtons = ranking.getByRole('button', { name: t.fill.ranking.add });
    await addButtons.first().focus();
    await page.keyboard.press('Enter'); // reduce costs
    await page.keyboard.press('Enter'); // focus stays in the list: new markets
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the one after: innovate (ordering demands skipped)
    await ranking.getByText(t.fill.ranking.full).waitFor();
    const ranked = () => ranking.locator('.ranking-list .ranking-label').allTextContents();
    expect(await ranked()).toEqual([label('g_reduce_costs', lang), label('g_new_markets', lang), label('g_innovate_learn', lang)]);
    await ranking.getByRole('button', { name: `${t.fill.ranking.up} — ${label('g_innovate_learn', lang)}` }).click();
    await page.keyboard.press('Enter'); // focus stayed on "move up": to the top
    expect(await ranked()).toEqual([label('g_innovate_learn', lang), label('g_reduce_costs', lang), label('g_new_markets', lang)]);
    await savedStatus(page, lang).waitFor();
    expect((await storedAnswers(page, id))['i_top_reasons']).toEqual(['g_innovate_learn', 'g_reduce_costs', 'g_new_markets']);

    await sectionLink(page, 'l_partners', lang).click();
    const add = page.getByRole('button', { name: 'Add a partner' });
    await add.click();
    await page.getByRole('group', { name: 'Partner 1' }).waitFor();
    await page.keyboard.type('Usinage Bret'); // focus went to the new partner's first question
    await add.click();
    await page.getByRole('group', { name: 'Partner 2' }).getByLabel(label('l_partner_name', lang)).fill('Lycée Charles Poncet');
    await page.getByRole('group', { name: 'Partner 1' }).getByRole('button', { name: t.fill.repeat.remove }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.fill.repeat.confirm }).click();
    await page.getByRole('group', { name: 'Partner 2' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('group', { name: 'Partner 1' }).getByLabel(label('l_partner_name', lang)).inputValue()).toBe('Lycée Charles Poncet');
    await savedStatus(page, lang).waitFor();
    const ties = (await storedAnswers(page, id))['l_ties'];
    expect(ties).toEqual([{ id: expect.any(String) as string, answers: { l_partner_name: 'Lycée Charles Poncet' } }]);
  });
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  const t = catalogues[lang];
  describe(`the questionnaire is accessible, in ${lang}`, () => {
    it('has no serious or critical violation on a matrix, a repeat group, the ranking and a refused completion', async () => {
      const page = await startApp(lang);
      const id = await openNewQuestionnaire(page, lang);
      await page.getByRole('button', { name: t.lifecycle.complete }).click();
      await page.locator('.missing-list').waitFor();
      const found: Record<string, string[]> = { refused: await seriousViolations(page) };
      await seedInterview(page, id, {
        ...consentAnswers, g_reduce_costs: '4', i_top_reasons: ['h_territory'],
        l_ties: [{ id: 'tie-1', answers: { l_partner_name: 'Usinage Bret', l_tie_types: ['training'] } }],
      });
      for (const section of ['g_economic', 'l_partners', 'i_priorities']) {
        await openSection(page, baseUrl, id, section);
        await page.getByRole('heading', { name: label(section, lang) }).waitFor();
        found[section] = await seriousViolations(page);
      }
      expect(found).toEqual({ refused: [], g_economic: [], l_partners: [], i_priorities: [] });
    });
  });
}

describe('withdrawal of consent', () => {
  it('asks first, then erases the answers given after consent and locks the sections again', async () => {
    const lang = 'fr';
    const t = catalogues[lang];
    const page = await startApp(lang);
    const id = await openNewQuestionnaire(page, lang);
    await seedInterview(page, id, { ...consentAnswers, a_interviewer: 'Camille Roux', c_sector: 'Décolletage', n_how_started: { text: 'En 1998…', lang: 'fr' } });
    await page.reload();
    await waitForFill(page);
    await sectionLink(page, 'b_consent', lang).click();
    const consent = page.getByRole('radiogroup', { name: label('b_consent_participate', lang) });
    await consent.getByLabel(choice(lang, 'no')).click();
    const dialog = page.getByRole('dialog', { name: t.fill.withdrawal.title });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: t.fill.withdrawal.cancel }).click();
    expect(await consent.getByLabel(choice(lang, 'yes')).isChecked()).toBe(true);
    expect(await storedAnswers(page, id)).toMatchObject({ c_sector: 'Décolletage' });

    await consent.getByLabel(choice(lang, 'no')).click();
    await dialog.getByRole('button', { name: t.fill.withdrawal.confirm }).click();
    await expect.poll(async () => storedAnswers(page, id)).not.toHaveProperty('c_sector');
    const stored = await storedAnswers(page, id);
    expect(stored).toMatchObject({ b_consent_participate: 'no', a_interviewer: 'Camille Roux' });
    expect(stored).not.toHaveProperty('n_how_started');
    await sectionLink(page, 'c_firm', lang).click();
    await page.getByText(t.fill.section.locked.replace('{{section}}', 'B')).waitFor();
  });
});
