/**
 * The forms screen in Chromium: built-in forms listed in the interface language, installing a
 * form file through the platform bridge's file chooser, refusing broken files with the file
 * name, the question and the reason, and never installing a version twice.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { frenchSpacing } from '../../core/forms/problems';
import { launchBrowser } from '../helpers/browser';
import { catalogues, waitForList, type Lang } from '../helpers/app-page';

const baseUrl = inject('baseUrl');
const builtIn = JSON.parse(readFileSync('forms/spl-cooperation/v1.json', 'utf8')) as { title: Record<Lang, string> };
const fixture = (name: string) => `test/fixtures/forms/${name}.json`;

/** Each broken file, the question the problem names, and words of the reason in each language. */
const broken: readonly { file: string; question: string; reason: Record<Lang, string> }[] = [
  { file: 'bad/not-json', question: '', reason: { fr: 'n’est pas du JSON valide', en: 'is not valid JSON' } },
  { file: 'bad/schema', question: 'firm_name', reason: { fr: 'maxLength', en: 'maxLength' } },
  { file: 'bad/duplicate-name', question: 'firm_name', reason: { fr: 'est utilisé plusieurs fois', en: 'is used more than once' } },
  { file: 'bad/cycle', question: 'score_a', reason: { fr: 'calculs ou conditions en boucle', en: 'calculations or conditions form a loop' } },
  { file: 'bad/consent-loop', question: 'agree', reason: { fr: 'le consentement dépend d’une réponse donnée après lui', en: 'consent depends on an answer given after it' } },
  { file: 'bad/unknown-type', question: 'satisfaction', reason: { fr: 'type de question inconnu « slider »', en: 'unknown question type "slider"' } },
  { file: 'bad/missing-translation', question: 'firm_name', reason: { fr: 'traduction manquante ou vide : label.en', en: 'missing or empty translation: label.en' } },
  { file: 'bad/unknown-reference', question: 'siren', reason: { fr: 'question inconnue ${frim_name}', en: 'unknown question ${frim_name}' } },
];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser.close(); });

async function openFormsScreen(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: catalogues[lang].forms.nav }).click();
  await page.locator('section.forms-screen[data-ready="true"]').waitFor();
}

/** Clicks "Install a form…" and answers the file chooser the browser bridge opens. */
async function chooseFile(page: Page, lang: Lang, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: catalogues[lang].forms.install }).click(),
  ]);
  await chooser.setFiles(path);
}

const installedKeys = (page: Page) => page.locator('[data-testid="installed-forms"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
const alertText = async (page: Page) => (await page.getByTestId('install-failure').textContent()) ?? '';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  const t = catalogues[lang];
  describe(`the forms screen, in ${lang}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeEach(async () => {
      context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      await page.goto(baseUrl);
      await waitForList(page);
      await openFormsScreen(page, lang);
    });
    afterEach(async () => { await context.close(); });

    it('lists the built-in form with its title in the interface language, and nothing installed', async () => {
      expect(page.url()).toMatch(/#\/forms$/);
      await page.getByRole('heading', { level: 1, name: t.forms.title }).waitFor();
      const row = page.locator('[data-testid="built-in-forms"] tr[data-key="spl-cooperation@1"]');
      expect(await row.locator('td').allTextContents()).toEqual([builtIn.title[lang], 'spl-cooperation', '1']);
      expect(await page.getByTestId('installed-forms').textContent()).toBe(t.forms.noneInstalled);
    });

    it('installs tiny v1, then v2 next to it, and refuses v1 a second time', async () => {
      await chooseFile(page, lang, fixture('tiny-v1'));
      await page.getByRole('status').getByText('tiny-v1.json').waitFor();
      await expect.poll(() => installedKeys(page)).toEqual(['tiny@1']);
      const title = lang === 'fr' ? 'Petit formulaire' : 'Tiny form';
      expect(await page.locator('[data-testid="installed-forms"] tr[data-key="tiny@1"] td').first().textContent()).toBe(title);

      await chooseFile(page, lang, fixture('tiny-v2'));
      await expect.poll(() => installedKeys(page)).toEqual(['tiny@1', 'tiny@2']);

      await chooseFile(page, lang, fixture('tiny-v1'));
      const refusal = t.forms.alreadyInstalled.replace('{{fileName}}', 'tiny-v1.json').replace('{{id}}', 'tiny').replace('{{version}}', '1');
      await expect.poll(() => alertText(page)).toBe(refusal);
      await page.reload();
      await page.locator('section.forms-screen[data-ready="true"]').waitFor();
      expect(await installedKeys(page)).toEqual(['tiny@1', 'tiny@2']);
    });

    it('refuses a file with the id and version of a built-in form', async () => {
      await chooseFile(page, lang, 'forms/spl-cooperation/v1.json');
      const refusal = t.forms.builtIn.replace('{{fileName}}', 'v1.json').replace('{{id}}', 'spl-cooperation').replace('{{version}}', '1');
      await expect.poll(() => alertText(page)).toBe(refusal);
      expect(await page.getByTestId('installed-forms').textContent()).toBe(t.forms.noneInstalled);
    });

    it('shows the file name, the question and the reason for each broken file, and installs nothing', async () => {
      for (const { file, question, reason } of broken) {
        const fileName = `${file.split('/')[1] ?? file}.json`;
        await chooseFile(page, lang, fixture(file));
        await expect.poll(() => alertText(page), { message: file }).toContain(fileName);
        const text = await alertText(page);
        if (question !== '') expect(text, file).toContain(lang === 'fr' ? frenchSpacing(`question « ${question} »`) : `question "${question}"`);
        expect(text, file).toContain(lang === 'fr' ? frenchSpacing(reason.fr) : reason.en);
        const items = await page.getByTestId('install-failure').getByRole('listitem').count();
        expect(items, file).toBeGreaterThan(0);
      }
      await chooseFile(page, lang, fixture('bad/not-utf8'));
      await expect.poll(() => alertText(page)).toBe(t.forms.notUtf8.replace('{{fileName}}', 'not-utf8.json'));

      await page.reload();
      await page.locator('section.forms-screen[data-ready="true"]').waitFor();
      expect(await page.getByTestId('installed-forms').textContent()).toBe(t.forms.noneInstalled);
    });

    it('has no serious or critical accessibility violation, listing, installed or refusing', async () => {
      const found: Record<string, string[]> = {};
      found['empty'] = await seriousViolations(page);
      await chooseFile(page, lang, fixture('tiny-v1'));
      await expect.poll(() => installedKeys(page)).toEqual(['tiny@1']);
      found['installed'] = await seriousViolations(page);
      await chooseFile(page, lang, fixture('bad/cycle'));
      await page.getByTestId('install-failure').waitFor();
      found['problems'] = await seriousViolations(page);
      expect(found).toEqual({ empty: [], installed: [], problems: [] });
    });
  });
}
