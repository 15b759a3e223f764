/**
 * Shared-folder sync and automatic backups in the browser variant. Sync runs over a fake
 * `showDirectoryPicker` whose folder lives in this process (test/helpers/fake-folder.ts), so two
 * browser contexts — two laptops — share it. The address shortens the background timings (a
 * testing aid read once at start, see renderer/src/features/sync/timings.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogues, createInterview, listedRespondents, waitForList, type Lang } from '../helpers/app-page';
import { launchBrowser } from '../helpers/browser';
import { shareFolder, withoutFolderAccess, type SharedFolder } from '../helpers/fake-folder';

const baseUrl = inject('baseUrl');
const fast = '?syncPollMs=300&syncDebounceMs=200&backupIntervalMs=400';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser.close(); });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function laptop(lang: Lang, prepare: (context: BrowserContext) => Promise<void> = () => Promise.resolve()): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
  await prepare(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${fast}`);
  await waitForList(page);
  return { context, page };
}

async function openSharing(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('link', { name: catalogues[lang].exchange.nav }).click();
  await page.getByRole('heading', { name: catalogues[lang].sync.title }).waitFor();
}

for (const lang of ['fr', 'en'] as const) {
  it(`points to the manual way where the browser cannot write to a folder, in ${lang}`, async () => {
    const { context, page } = await laptop(lang, withoutFolderAccess);
    await openSharing(page, lang);
    await page.getByText(catalogues[lang].sync.manual).waitFor();
    expect(await page.getByRole('button', { name: catalogues[lang].sync.choose }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
}

describe('two laptops sharing a folder', () => {
  it('converge: the second sees the first laptop and its interview after a poll', async () => {
    const folder: SharedFolder = new Map();
    const camille = await laptop('fr', (context) => shareFolder(context, folder));
    const maite = await laptop('en', (context) => shareFolder(context, folder));
    const fr = catalogues.fr.sync;
    const en = catalogues.en.sync;

    await openSharing(camille.page, 'fr');
    await camille.page.getByRole('button', { name: fr.choose }).click();
    await camille.page.getByTestId('sync-folder').getByText('Dossier équipe').waitFor();
    await camille.page.getByTestId('sync-last-write').filter({ hasNotText: fr.never }).waitFor();
    expect(folder.size).toBe(1);
    const firstWrite = [...folder.values()][0]?.lastModified;
    await camille.page.getByRole('link', { name: catalogues.fr.nav.interviews }).click();
    await createInterview(camille.page, 'fr', { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'Camille Roux' });
    // Written a moment after the change (debounced).
    await expect.poll(() => [...folder.values()][0]?.lastModified, { timeout: 10_000 }).not.toBe(firstWrite);

    await openSharing(maite.page, 'en');
    await maite.page.getByRole('button', { name: en.choose }).click();
    const row = maite.page.locator('.sync-devices tbody tr').filter({ hasText: 'Camille Roux' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('th').textContent()).toBe('Maillage — Camille Roux');
    expect(await seriousViolations(maite.page)).toEqual([]);
    await maite.page.getByRole('link', { name: catalogues.en.nav.interviews }).click();
    await waitForList(maite.page);
    await expect.poll(() => listedRespondents(maite.page), { timeout: 15_000 }).toEqual(['Élodie Perrin']);

    // And back: Camille's laptop hears of Maite's once Maite has written.
    await openSharing(camille.page, 'fr');
    await camille.page.locator('.sync-devices tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await seriousViolations(camille.page)).toEqual([]);
    expect(folder.size).toBe(2);
    await camille.context.close();
    await maite.context.close();
  });
});

describe('conflicts brought by the shared folder', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`are announced on the screen the researcher is on, with a way to them, in ${lang}`, async () => {
      const other: Lang = lang === 'fr' ? 'en' : 'fr';
      const folder: SharedFolder = new Map();
      const camille = await laptop(other, (context) => shareFolder(context, folder));
      const maite = await laptop(lang, (context) => shareFolder(context, folder));
      const t = catalogues[lang];

      // Camille shares an interview; Maite's laptop receives it.
      await openSharing(camille.page, other);
      await camille.page.getByRole('button', { name: catalogues[other].sync.choose }).click();
      await camille.page.getByTestId('sync-last-write').filter({ hasNotText: catalogues[other].sync.never }).waitFor();
      await camille.page.getByRole('link', { name: catalogues[other].nav.interviews }).click();
      await createInterview(camille.page, other, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'Camille Roux' });
      await openSharing(maite.page, lang);
      await maite.page.getByRole('button', { name: t.sync.choose }).click();
      await maite.page.getByRole('link', { name: t.nav.interviews }).click();
      await waitForList(maite.page);
      await expect.poll(() => listedRespondents(maite.page), { timeout: 15_000 }).toEqual(['Élodie Perrin']);

      // Maite stops syncing; both change the commune without seeing each other's change.
      await openSharing(maite.page, lang);
      await maite.page.getByRole('button', { name: t.sync.forget }).click();
      await maite.page.getByRole('button', { name: t.sync.choose }).waitFor();
      const before = [...folder.values()].map((f) => f.lastModified).join();
      for (const [who, language, commune] of [[camille, other, 'Cluses'], [maite, lang, 'Scionzier']] as const) {
        await who.page.getByRole('link', { name: catalogues[language].nav.interviews }).click();
        await who.page.locator('.cell-respondent a').first().click();
        await who.page.getByLabel(catalogues[language].interview.fields.commune).fill(commune);
        await who.page.getByRole('button', { name: catalogues[language].interview.save, exact: true }).click();
        await waitForList(who.page);
      }
      // Camille's change reached the folder.
      await expect.poll(() => [...folder.values()].map((f) => f.lastModified).join(), { timeout: 10_000 }).not.toBe(before);

      // Maite syncs again, then goes back to her list: the merge puts the interview in conflict, and she is told so there.
      await openSharing(maite.page, lang);
      await maite.page.getByRole('button', { name: t.sync.choose }).click();
      await maite.page.getByTestId('sync-conflicts').waitFor({ timeout: 15_000 });
      await maite.page.getByRole('link', { name: t.nav.interviews }).click();
      await waitForList(maite.page);
      const notice = maite.page.getByRole('status').filter({ hasText: t.exchange.conflictsFound_one.replace('{{count, number}}', '1') });
      await notice.waitFor();
      // Something to settle, not a confirmation.
      expect(await notice.getAttribute('class')).toContain('notice-warning');
      expect(await seriousViolations(maite.page)).toEqual([]);
      await notice.getByRole('button', { name: t.exchange.seeConflicts }).click();
      await maite.page.getByRole('heading', { name: t.conflicts.title }).waitFor();
      const card = maite.page.locator('.conflict-card').first();
      await card.getByText('Cluses').waitFor();
      await card.getByText('Scionzier').waitFor();
      await camille.context.close();
      await maite.context.close();
    });
  }
});

describe('automatic backups', () => {
  it('lists a backup after a change, and restoring it as a replacement brings back a deleted interview', async () => {
    const { context, page } = await laptop('fr');
    const t = catalogues.fr;
    await createInterview(page, 'fr', { respondentName: 'Paul Blanc', firmName: 'Scierie Blanc', interviewDate: '2025-10-20', interviewer: 'Maite Garat' });
    await page.getByRole('link', { name: t.nav.about }).click();
    const row = page.getByTestId('backup-row').filter({ hasText: '1 entretien' }).first();
    await row.waitFor({ timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: t.nav.interviews }).click();
    await page.locator('.cell-respondent a').first().click();
    await page.getByRole('button', { name: t.interview.delete }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.interview.confirmDelete.confirm }).click();
    await waitForList(page);
    await page.getByRole('heading', { name: t.interviews.emptyTitle }).waitFor();

    await page.getByRole('link', { name: t.nav.about }).click();
    await row.getByRole('button', { name: t.backups.replace }).click();
    const dialog = page.getByRole('dialog', { name: t.backups.confirmReplace.title });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t.backups.confirmReplace.confirm }).click();
    await page.getByRole('status').filter({ hasText: 'Sauvegarde restaurée' }).waitFor();
    await page.getByRole('link', { name: t.nav.interviews }).click();
    await waitForList(page);
    expect(await listedRespondents(page)).toEqual(['Paul Blanc']);
    await context.close();
  });

  it('says so on the empty list when the database lost its interviews but backups exist', async () => {
    const { context, page } = await laptop('en');
    const t = catalogues.en;
    await createInterview(page, 'en', { respondentName: 'Sophie Martin', firmName: 'Décolletage du Faucigny', interviewDate: '2026-05-19', interviewer: 'Camille Roux' });
    await page.getByRole('link', { name: t.nav.about }).click();
    await page.getByTestId('backup-row').first().waitFor({ timeout: 10_000 });
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('maillage');
      request.onerror = () => { reject(new Error('open failed')); };
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['interviews', 'interviewData'], 'readwrite');
        tx.objectStore('interviews').clear();
        tx.objectStore('interviewData').clear();
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => { reject(new Error('clear failed')); };
      };
    }));
    await page.goto(`${baseUrl}${fast}`);
    await waitForList(page);
    const banner = page.locator('.restore-banner');
    await banner.getByText(/No interviews on this computer, but 1 backup exists/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await banner.getByRole('link', { name: t.backups.emptyBannerLink }).click();
    await page.getByRole('heading', { name: t.backups.title }).waitFor();
    await context.close();
  });
});
