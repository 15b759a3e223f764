import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { catalogues, createInterview, fillInterview, listedRespondents, waitForList, type Lang } from '../helpers/app-page';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser.close(); });

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  const t = catalogues[lang];
  describe(`the first slice, in ${lang}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeEach(async () => {
      context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      await page.goto(baseUrl);
      await waitForList(page);
    });
    afterEach(async () => { await context.close(); });

    it('starts in the system language with an empty list', async () => {
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.getByRole('heading', { name: t.interviews.emptyTitle }).waitFor();
    });

    it('records an interview and lists interviews newest first', async () => {
      await createInterview(page, lang, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'Camille Roux', networkName: 'Mont-Blanc Industries', commune: 'Cluses', respondentRole: 'heir' });
      await createInterview(page, lang, { respondentName: 'Iñaki Etxeberria', firmName: 'Surf Garage', interviewDate: '2026-06-01', interviewer: 'Camille Roux' });
      await createInterview(page, lang, { respondentName: 'Paul Blanc', firmName: 'Scierie Blanc', interviewDate: '2025-10-20', interviewer: 'Maite Garat' });
      expect(await listedRespondents(page)).toEqual(['Iñaki Etxeberria', 'Élodie Perrin', 'Paul Blanc']);
      const dateCell = page.locator('.table-body .table-row').nth(1).locator('.cell-date');
      expect(await dateCell.textContent()).toBe(lang === 'fr' ? '12 mars 2026' : '12 Mar 2026');
    });

    it('shows each problem next to its field, in the interface language, and saves nothing', async () => {
      await page.getByRole('link', { name: t.interviews.new }).click();
      await fillInterview(page, lang, { respondentName: '    ', firmName: 'x'.repeat(201), interviewDate: '2099-01-01', interviewer: '' });
      await page.getByRole('button', { name: t.interview.save, exact: true }).click();
      await page.getByText(t.problems.summary_other.replace('{{count}}', '4')).waitFor();
      await page.getByText(t.problems.blank).waitFor();
      await page.getByText(t.problems.required).waitFor();
      await page.getByText(t.problems['too-long'].split(':')[0] ?? '').waitFor();
      await page.getByText(t.problems['date-too-far'].split('(')[0]?.trim() ?? '').waitFor();
      const name = page.getByLabel(t.interview.fields.respondentName);
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('respondentName');
      await page.getByRole('link', { name: t.interview.cancel }).click();
      await page.getByRole('heading', { name: t.interviews.emptyTitle }).waitFor();
    });

    it('edits an interview, then deletes it after confirmation, with an undo', async () => {
      await createInterview(page, lang, { respondentName: 'Sophie Martin', firmName: 'Décolletage du Faucigny', interviewDate: '2026-05-19', interviewer: 'Camille Roux' });
      await page.getByRole('link', { name: t.interviews.open.replace('{{name}}', 'Sophie Martin').replace('{{firm}}', 'Décolletage du Faucigny') }).click();
      await page.getByRole('heading', { name: t.interview.editTitle.replace('{{name}}', 'Sophie Martin') }).waitFor();
      await page.getByLabel(t.interview.fields.commune).fill('Marnaz');
      await page.getByRole('button', { name: t.interview.save, exact: true }).click();
      await page.getByRole('status').getByText(t.interview.updated).waitFor();
      await page.locator('.cell-commune', { hasText: 'Marnaz' }).waitFor();

      await page.locator('.cell-respondent a').first().click();
      await page.getByRole('button', { name: t.interview.delete }).click();
      const dialog = page.getByRole('dialog', { name: t.interview.confirmDelete.title });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: t.interview.confirmDelete.cancel }).click();
      expect(await dialog.isVisible()).toBe(false);
      await page.getByRole('button', { name: t.interview.delete }).click();
      await dialog.getByRole('button', { name: t.interview.confirmDelete.confirm, exact: true }).click();
      await page.getByRole('heading', { name: t.interviews.emptyTitle }).waitFor();

      await page.getByRole('button', { name: t.interview.undoDelete }).click();
      await page.getByRole('status').getByText(t.interview.restored).waitFor();
      expect(await listedRespondents(page)).toEqual(['Sophie Martin']);
    });

    it('searches by respondent, firm or network, blind to accents', async () => {
      await createInterview(page, lang, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'C. Roux', networkName: 'Mont-Blanc Industries' });
      await createInterview(page, lang, { respondentName: 'Iñaki Etxeberria', firmName: 'Surf Garage', interviewDate: '2026-06-01', interviewer: 'C. Roux', networkName: 'Eurosima' });
      const search = page.getByRole('searchbox', { name: t.interviews.searchLabel });
      await search.fill('elodie');
      await expect.poll(() => listedRespondents(page)).toEqual(['Élodie Perrin']);
      await search.fill('eurosima');
      await expect.poll(() => listedRespondents(page)).toEqual(['Iñaki Etxeberria']);
      await search.fill('nobody');
      await page.getByText(t.interviews.noMatch.replace('{{query}}', 'nobody')).waitFor();
    });

    it('filters by interviewer and network, and sorts by any column', async () => {
      await createInterview(page, lang, { respondentName: 'Zoé Arnaud', firmName: 'Z SARL', interviewDate: '2026-01-05', interviewer: 'Camille Roux', networkName: 'Uztaro' });
      await createInterview(page, lang, { respondentName: 'Émile Bon', firmName: 'E SAS', interviewDate: '2026-03-01', interviewer: 'Maite Garat', networkName: 'Eurosima' });
      await createInterview(page, lang, { respondentName: 'adèle Coste', firmName: 'A SA', interviewDate: '2025-12-20', interviewer: 'Camille Roux', networkName: 'Eurosima' });
      const filters = page.getByRole('group', { name: t.interviews.filters.label });
      await filters.getByLabel(t.interviews.filters.interviewer).selectOption('Camille Roux');
      await expect.poll(() => listedRespondents(page)).toEqual(['Zoé Arnaud', 'adèle Coste']);
      await filters.getByLabel(t.interviews.filters.network).selectOption('Eurosima');
      await expect.poll(() => listedRespondents(page)).toEqual(['adèle Coste']);
      await filters.getByRole('button', { name: t.interviews.filters.reset }).click();
      await expect.poll(() => listedRespondents(page)).toEqual(['Émile Bon', 'Zoé Arnaud', 'adèle Coste']);

      const respondentHeader = page.getByRole('columnheader', { name: t.interviews.columns.respondent });
      await respondentHeader.getByRole('button').click();
      expect(await respondentHeader.getAttribute('aria-sort')).toBe('ascending');
      await expect.poll(() => listedRespondents(page)).toEqual(['adèle Coste', 'Émile Bon', 'Zoé Arnaud']);
      await respondentHeader.getByRole('button').click();
      await expect.poll(() => listedRespondents(page)).toEqual(['Zoé Arnaud', 'Émile Bon', 'adèle Coste']);
      await filters.getByLabel(t.interviews.filters.status).selectOption('complete');
      await page.getByText(t.interviews.noMatchFilters).waitFor();
    });

    it('opens the About panel with version, data location and storage persistence', async () => {
      await page.getByRole('link', { name: t.nav.about }).click();
      await page.getByRole('heading', { name: t.about.title }).waitFor();
      await expect.poll(() => page.getByTestId('about-version').textContent()).toMatch(/^\d+\.\d+\.\d+/);
      expect(await page.getByTestId('about-data-location').textContent()).toContain('127.0.0.1');
      await expect.poll(() => page.getByTestId('about-persistence').textContent()).not.toBe('…');
    });
  });
}

describe('switching language', () => {
  it('changes every text at once, keeps the data, and formats dates in the new language', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForList(page);
    await createInterview(page, 'fr', { respondentName: 'Paul Blanc', firmName: 'Scierie Blanc', interviewDate: '2025-10-20', interviewer: 'Maite Garat' });
    await page.getByLabel(catalogues.fr.language.label).selectOption('en');
    await page.getByRole('heading', { name: catalogues.en.interviews.title, exact: true }).waitFor();
    await page.getByRole('link', { name: catalogues.en.interviews.new }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.table-body .cell-date').first().textContent()).toBe('20 Oct 2025');
    await page.getByLabel(catalogues.en.language.label).selectOption('fr');
    await page.getByRole('heading', { name: catalogues.fr.interviews.title, exact: true }).waitFor();
    expect(await page.locator('.table-body .cell-date').first().textContent()).toBe('20 oct. 2025');
    await context.close();
  });

  it('ignores a corrupt stored language setting and starts in the system language', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('maillage.language', '\u0000{garbage');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForList(page);
    await page.getByRole('heading', { name: catalogues.en.interviews.title, exact: true }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('maillage.language'))).toBe('en');
    await context.close();
  });
});
