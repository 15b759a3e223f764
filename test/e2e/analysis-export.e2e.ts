/**
 * Export for analysis in the app: CSV files in a zip, pseudonymised with this computer's secret
 * or the team's, an identified workbook only after a confirmation, every export in the log.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { findSecret } from '../../cli/exports/secret';
import { normaliseName, pseudonymCodes } from '../../core/exports/pseudonyms';
import { launchBrowser } from '../helpers/browser';
import { catalogues, createInterview, waitForList, type Lang } from '../helpers/app-page';

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'maillage-analysis-'));
});
afterAll(async () => { await browser.close(); });

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

async function openApp(lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await waitForList(page);
  return page;
}

const panel = (page: Page, lang: Lang) => page.getByRole('region', { name: catalogues[lang].analysis.title });

/** Clicks Export (and confirms when `confirm`), and returns the saved file's name and bytes. */
async function exportFile(page: Page, lang: Lang, confirm = false): Promise<{ name: string; bytes: Uint8Array }> {
  const t = catalogues[lang].analysis;
  const download = page.waitForEvent('download');
  await panel(page, lang).getByRole('button', { name: t.export, exact: true }).click();
  if (confirm) await page.getByRole('dialog', { name: t.confirmTitle }).getByRole('button', { name: t.confirm }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

describe('export for analysis', () => {
  it('writes pseudonymised CSV files, then an identified workbook after a confirmation, and logs both', async () => {
    const page = await openApp('fr');
    const t = catalogues.fr.analysis;
    await createInterview(page, 'fr', { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'Camille Roux', networkName: 'Mont-Blanc Industries' });
    await createInterview(page, 'fr', { respondentName: 'Jean Bouvier', firmName: 'Décolletage Bouvier', interviewDate: '2026-04-02', interviewer: 'Maïté Etcheverry', networkName: 'Eurosima' });
    await page.getByRole('link', { name: catalogues.fr.exchange.nav }).click();
    await panel(page, 'fr').getByText(t.logEmpty).waitFor();

    // Everything, as codes, pseudonymised: the defaults.
    const csv = await exportFile(page, 'fr');
    expect(csv.name).toMatch(/^maillage-csv-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(csv.bytes);
    expect(Object.keys(files).sort()).toEqual(['spl-cooperation-v1__dictionary.csv', 'spl-cooperation-v1__l_ties.csv', 'spl-cooperation-v1__main.csv']);
    const main = text(files['spl-cooperation-v1__main.csv']);
    expect(main.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(main).not.toContain('Moules Perrin');
    expect(main).not.toContain('Élodie Perrin');
    expect(main).toMatch(/F-[0-9a-f]{10}/);
    expect(main).toMatch(/R-[0-9a-f]{10}/);
    await panel(page, 'fr').getByText(/2 entretiens exportés \(pseudonymisé, codes\)/).waitFor();
    const log = panel(page, 'fr').getByRole('table', { name: t.logTitle });
    await expect.poll(() => log.locator('tbody tr').count()).toBe(1);

    // A selection, with French labels: one interview.
    await panel(page, 'fr').getByLabel(catalogues.fr.interviews.filters.network).selectOption('Eurosima');
    await panel(page, 'fr').getByLabel(t.labels.fr).check();
    const selected = unzipSync((await exportFile(page, 'fr')).bytes);
    const selectedMain = text(selected['spl-cooperation-v1__main.csv']);
    expect(selectedMain.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(selectedMain).toContain('Eurosima');
    expect(selectedMain).not.toContain('Mont-Blanc Industries');
    await panel(page, 'fr').getByLabel(catalogues.fr.interviews.filters.network).selectOption('');

    // Names in clear: asked first; cancelling saves nothing.
    await panel(page, 'fr').getByLabel(t.identified).check();
    await panel(page, 'fr').getByText(t.identifiedWarning).waitFor();
    await panel(page, 'fr').getByLabel(t.formats.xlsx).check();
    await panel(page, 'fr').getByRole('button', { name: t.export, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t.confirmTitle });
    await dialog.getByRole('button', { name: t.cancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await log.locator('tbody tr').count()).toBe(2);

    const workbook = await exportFile(page, 'fr', true);
    expect(workbook.name).toBe('spl-cooperation-v1.xlsx');
    const sheets = unzipSync(workbook.bytes);
    expect(text(sheets['xl/sharedStrings.xml'])).toContain('Moules Perrin');
    await panel(page, 'fr').getByText(/2 entretiens exportés \(identifié, libellés en français\)/).waitFor();
    await expect.poll(() => log.locator('tbody tr').count()).toBe(3);
    expect(await log.locator('tbody tr').first().textContent()).toContain(t.privacy.identified);
    expect(await log.locator('tbody tr').first().textContent()).toContain(t.outcomes.saved);

    const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="analysis-title"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations).toEqual([]);
  });

  it('uses the team’s secret file, so that codes match the CLI’s, and refuses one too short', async () => {
    const page = await openApp('en');
    const t = catalogues.en.analysis;
    await createInterview(page, 'en', { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'Camille Roux' });
    await page.getByRole('link', { name: catalogues.en.exchange.nav }).click();
    await panel(page, 'en').getByText(t.secretThisComputer).waitFor();

    const short = join(dir, 'short-secret');
    await writeFile(short, 'too short\n');
    let chooser = page.waitForEvent('filechooser');
    await panel(page, 'en').getByRole('button', { name: t.chooseSecret }).click();
    await (await chooser).setFiles(short);
    await panel(page, 'en').getByRole('alert').getByText('The file short-secret does not hold a valid secret: it needs at least 16 bytes. The secret has not changed.').waitFor();

    const secret = 'c0ffee'.repeat(8);
    const team = join(dir, '.maillage-secret');
    await writeFile(team, `${secret}\n`);
    chooser = page.waitForEvent('filechooser');
    await panel(page, 'en').getByRole('button', { name: t.chooseSecret }).click();
    await (await chooser).setFiles(team);
    // Asked first: the codes of earlier exports would change.
    await page.getByRole('dialog', { name: t.confirmSecretTitle }).getByRole('button', { name: t.confirmSecret }).click();
    await panel(page, 'en').getByText(t.secretUsed).waitFor();
    await panel(page, 'en').getByText(t.secretTeam).waitFor();
    const savedSecret = page.waitForEvent('download');
    await panel(page, 'en').getByRole('button', { name: t.saveSecret }).click();
    const secretFile = await savedSecret;
    expect(secretFile.suggestedFilename()).toBe('maillage-secret.txt');
    await secretFile.saveAs(join(dir, 'saved-secret.txt'));
    expect(await readFile(join(dir, 'saved-secret.txt'), 'utf8')).toBe(`${secret}\n`);

    await panel(page, 'en').getByLabel(t.formats.dictionary).check();
    await panel(page, 'en').getByLabel(t.bom).check();
    const dictionary = await exportFile(page, 'en');
    expect(dictionary.name).toBe('spl-cooperation-v1__dictionary.csv');
    expect([...dictionary.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    await panel(page, 'en').getByLabel(t.formats.csv).check();
    const main = text(unzipSync((await exportFile(page, 'en')).bytes)['spl-cooperation-v1__main.csv']);
    // The secret as `maillage export --secret-file` reads it.
    const cliSecret = await findSecret({ secretFile: team, env: {}, bundlePath: join(dir, 'team.maillage') });
    if (!cliSecret.ok) throw new Error('the CLI should read the team secret');
    const code = pseudonymCodes([normaliseName('Moules Perrin')], cliSecret.value.bytes)({ kind: 'F', key: normaliseName('Moules Perrin') });
    expect(main).toContain(code);
  });
});
