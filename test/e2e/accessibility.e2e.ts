import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { catalogues, createInterview, fillInterview, waitForList, type Lang } from '../helpers/app-page';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser.close(); });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  const t = catalogues[lang];
  describe(`every screen is accessible, in ${lang}`, () => {
    it('list, form with errors, edit, delete dialog and About have no serious or critical violation', async () => {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await waitForList(page);
      const found: Record<string, string[]> = {};
      found['empty list'] = await seriousViolations(page);

      await page.getByRole('link', { name: t.interviews.new }).click();
      await page.getByRole('button', { name: t.interview.save, exact: true }).click();
      await page.getByText(t.problems.required).first().waitFor();
      found['form with errors'] = await seriousViolations(page);

      await page.getByRole('link', { name: t.interview.cancel }).click();
      await createInterview(page, lang, { respondentName: 'Sophie Martin', firmName: 'Décolletage du Faucigny', interviewDate: '2026-05-19', interviewer: 'Camille Roux' });
      found['list'] = await seriousViolations(page);

      await page.locator('.cell-respondent a').first().click();
      await fillInterview(page, lang, { commune: 'Marnaz' });
      found['edit'] = await seriousViolations(page);

      await page.getByRole('button', { name: t.interview.delete }).click();
      await page.getByRole('dialog').waitFor();
      found['delete dialog'] = await seriousViolations(page);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: t.nav.about }).click();
      await page.getByRole('heading', { name: t.about.title }).waitFor();
      found['about'] = await seriousViolations(page);

      expect(found).toEqual({ 'empty list': [], 'form with errors': [], list: [], edit: [], 'delete dialog': [], about: [] });
      await context.close();
    });
  });
}
