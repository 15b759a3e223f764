import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser';
import { catalogues, createInterview, listedRespondents, waitForList, type Lang } from '../helpers/app-page';
import { craftBundle, datasetOf, emptyRecords, origin, stampAt } from '../helpers/bundles';
import { builtInForm } from '../helpers/exports';
import { anInterview } from '../helpers/factories';
import { emptyDataset, mergeDatasets } from '../../core/exchange/bundle/dataset';
import { readBundle, readBundleInterviews } from '../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../core/exchange/bundle/write-bundle';
import { conflictFieldLabel } from '../../renderer/src/features/exchange/conflict-values';

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'maillage-bundles-'));
});
afterAll(async () => { await browser.close(); });

async function laptop(lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await waitForList(page);
  return { context, page };
}

async function exportBundle(page: Page, lang: Lang, name: string): Promise<string> {
  const t = catalogues[lang];
  await page.getByRole('link', { name: t.exchange.nav }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t.exchange.export }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return file;
}

async function importBundle(page: Page, lang: Lang, file: string): Promise<void> {
  const t = catalogues[lang];
  await page.getByRole('link', { name: t.exchange.nav }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: t.exchange.chooseFile }).click();
  await (await chooser).setFiles(file);
}

describe('sharing work between two laptops', () => {
  it('imports a colleague’s interviews after a preview, and settles a conflict', async () => {
    const camille = await laptop('fr');
    const maite = await laptop('en');
    await createInterview(camille.page, 'fr', { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', interviewDate: '2026-03-12', interviewer: 'Camille Roux', networkName: 'Mont-Blanc Industries' });
    const first = await exportBundle(camille.page, 'fr', 'camille-1.maillage');
    await camille.page.getByText(/Lot enregistré \(1 entretien\)/).waitFor();

    await importBundle(maite.page, 'en', first);
    await maite.page.getByRole('heading', { name: catalogues.en.exchange.previewTitle }).waitFor();
    expect(await maite.page.getByTestId('preview-interviews-new').textContent()).toBe('1');
    await maite.page.getByRole('button', { name: catalogues.en.exchange.confirmImport, exact: true }).click();
    await maite.page.getByText('Import done: 1 interview updated or added.').waitFor();
    await maite.page.getByRole('link', { name: catalogues.en.nav.interviews }).click();
    await waitForList(maite.page);
    expect(await listedRespondents(maite.page)).toEqual(['Élodie Perrin']);

    // Both change the commune without seeing each other's change.
    for (const [who, lang, commune] of [[camille, 'fr', 'Cluses'], [maite, 'en', 'Scionzier']] as const) {
      await who.page.getByRole('link', { name: catalogues[lang].nav.interviews }).click();
      await who.page.locator('.cell-respondent a').first().click();
      await who.page.getByLabel(catalogues[lang].interview.fields.commune).fill(commune);
      await who.page.getByRole('button', { name: catalogues[lang].interview.save, exact: true }).click();
      await waitForList(who.page);
    }
    const second = await exportBundle(camille.page, 'fr', 'camille-2.maillage');
    await importBundle(maite.page, 'en', second);
    expect(await maite.page.getByTestId('preview-interviews-conflicts').textContent()).toBe('1');
    await maite.page.getByRole('button', { name: catalogues.en.exchange.confirmImport, exact: true }).click();
    await maite.page.getByRole('link', { name: catalogues.en.exchange.seeConflicts }).click();
    await maite.page.getByRole('heading', { name: catalogues.en.conflicts.title }).waitFor();
    const card = maite.page.locator('.conflict-card').filter({ hasText: 'Cluses' }).first();
    await card.getByText('Cluses').waitFor();
    await card.getByText('Scionzier').waitFor();
    // Maite's own version is said to be this computer's, Camille's by her laptop's name.
    await card.locator('.conflict-version').filter({ hasText: 'Scionzier' }).getByText(catalogues.en.conflicts.thisComputer, { exact: false }).waitFor();
    const axe = await new AxeBuilder({ page: maite.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // Neither: a third value, written by hand.
    await card.getByLabel(catalogues.en.conflicts.other).fill('Marnaz');
    await card.getByRole('button', { name: catalogues.en.conflicts.saveOther }).click();
    await maite.page.getByText(catalogues.en.conflicts.none).waitFor();
    await maite.page.getByRole('link', { name: catalogues.en.nav.interviews }).click();
    await maite.page.locator('.cell-respondent a').first().click();
    expect(await maite.page.getByLabel(catalogues.en.interview.fields.commune).inputValue()).toBe('Marnaz');
    await camille.context.close();
    await maite.context.close();
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`settles conflicts on a choice, several choices, a point of the scale, a date, a whole number and the firm’s name with a third value the question offers (${lang})`, async () => {
      const t = catalogues[lang];
      const { context, page } = await laptop(lang);
      const form = builtInForm();
      // Two colleagues' laptops each wrote the same interview's answers, neither seeing the other's.
      // Consent given: the questions after it show, and take a third value.
      const interview = anInterview({ respondentName: 'Rémi Vuillet', firmName: 'Lunettes Vuillet', answers: { b_consent_participate: 'yes' } });
      const field = (name: string) => t.conflicts.field.replace('{{field}}', name);
      const versions = [
        { device: 'd-anna', name: 'Portable d’Anna', firmName: 'Lunettes Vuillet', answers: { ...interview.answers, a_mode: 'face_to_face', d_local_engagements: ['association'], g_reduce_costs: '5', a_date: '2026-08-29', c_year_founded: 1966 } },
        { device: 'd-bruno', name: 'Portable de Bruno', firmName: 'Lunettes Vuillet SA', answers: { ...interview.answers, a_mode: 'phone', d_local_engagements: ['elected_office'], g_reduce_costs: '2', a_date: '2026-08-30', c_year_founded: 1967 } },
      ];
      for (const [index, version] of versions.entries()) {
        const file = join(dir, `${version.device}-${lang}.maillage`);
        // The interview's date mirrors the form's date question, as the app writes them.
        const dataset = datasetOf([{ ...interview, firmName: version.firmName, interviewDate: version.answers.a_date, answers: version.answers }], stampAt(-60 + index, version.device));
        await writeFile(file, writeBundle(dataset, { ...origin, device: { id: version.device, name: version.name } }));
        await importBundle(page, lang, file);
        await page.getByRole('heading', { name: t.exchange.previewTitle }).waitFor();
        await page.getByRole('button', { name: t.exchange.confirmImport, exact: true }).click();
      }
      await page.getByRole('link', { name: t.exchange.seeConflicts }).click();
      await page.getByRole('heading', { name: t.conflicts.title }).waitFor();
      const card = (path: string) => {
        const label = conflictFieldLabel({ interview, path, paths: [path], versions: [] }, form, lang, (name) => (name === 'firmName' ? t.interview.fields.firmName : undefined));
        return page.getByRole('article', { name: `Rémi Vuillet — ${field(label)}`, exact: true });
      };
      // Only the five answers and the one cover field they wrote differently: the fields both wrote alike are no conflict.
      await card('answers.a_mode').waitFor();
      expect(await page.locator('.conflict-card').count()).toBe(6);
      const label = (question: string, code: string) => form.nodes.get(question)?.choices?.find((choice) => choice.value === code)?.label[lang] ?? code;
      // The versions are shown by their labels, the scale's points by their names.
      const shown = async (path: string) => (await card(path).locator('.conflict-value').allTextContents()).map((text) => text.replace(` — ${t.conflicts.shownNow}`, ''));
      expect((await shown('answers.a_mode')).sort()).toEqual([label('a_mode', 'face_to_face'), label('a_mode', 'phone')].sort());
      expect((await shown('answers.g_reduce_costs')).sort()).toEqual(['2', `5 — ${t.fill.likert.completely}`]);
      // Dates as the researcher reads them (30 août 2026, 30 Aug 2026), not as stored.
      const dates = await shown('answers.a_date');
      expect(dates).toHaveLength(2);
      for (const date of dates) expect(date).toMatch(/^(29|30) \S+ 2026$/);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      // Neither version: another choice, other boxes, another point, another date.
      const save = async (path: string, give: (where: ReturnType<typeof card>) => Promise<unknown>) => {
        const where = card(path);
        const button = where.getByRole('button', { name: t.conflicts.saveOther });
        expect(await button.isDisabled()).toBe(true);
        await give(where);
        await button.click();
        await where.waitFor({ state: 'detached' });
      };
      await save('answers.a_mode', (where) => where.getByLabel(t.conflicts.other).selectOption({ label: label('a_mode', 'video') }));
      await save('answers.d_local_engagements', async (where) => {
        await where.getByLabel(label('d_local_engagements', 'association')).check();
        await where.getByLabel(label('d_local_engagements', 'business_club')).check();
      });
      await save('answers.g_reduce_costs', (where) => where.getByLabel(t.conflicts.other).selectOption({ label: t.fill.likert.dk }));
      await save('answers.a_date', async (where) => {
        // A date the interview's editor refuses is said so, and cannot be saved.
        await where.getByLabel(t.conflicts.other).fill('1900-01-01');
        await where.getByRole('alert').waitFor();
        expect(await where.getByRole('button', { name: t.conflicts.saveOther }).isDisabled()).toBe(true);
        await where.getByLabel(t.conflicts.other).fill('2026-08-31');
        await where.getByRole('alert').waitFor({ state: 'detached' });
      });
      await save('answers.c_year_founded', async (where) => {
        // A number the fill screen refuses is said so, with its reason; one it reads ("1 970") is taken.
        await where.getByLabel(t.conflicts.other).fill('19,5');
        await where.getByRole('alert').filter({ hasText: t.fill.problems.integerExpected }).waitFor();
        expect(await where.getByRole('button', { name: t.conflicts.saveOther }).isDisabled()).toBe(true);
        await where.getByLabel(t.conflicts.other).fill('1 970');
        await where.getByRole('alert').waitFor({ state: 'detached' });
      });
      // The firm's name, spaced as typed in a hurry, is saved as the interview's editor would save it.
      await save('firmName', (where) => where.getByLabel(t.conflicts.other).fill('  Lunettes   Vuillet  et Fils '));
      await page.getByText(t.conflicts.none).waitFor();

      // What the team will receive: the values chosen, as the questions store them (several choices in the form's order).
      const settled = readBundleInterviews(await readFile(await exportBundle(page, lang, `settled-${lang}.maillage`)), new Date());
      if (!settled.ok) throw new Error(settled.error.code);
      const mine = settled.value.interviews.find((i) => i.id === interview.id);
      expect(mine?.answers).toMatchObject({ a_mode: 'video', d_local_engagements: ['business_club', 'association'], g_reduce_costs: 'dk', a_date: '2026-08-31', c_year_founded: 1970 });
      expect(mine?.firmName).toBe('Lunettes Vuillet et Fils');
      await context.close();
    });
  }

  it('names both researchers of a conflict that came in a coordinator’s merged bundle, which neither of them wrote', async () => {
    const t = catalogues.fr;
    const { context, page } = await laptop('fr');
    const interview = anInterview({ respondentName: 'Sylvie Mabboux', firmName: 'Décolletage Mabboux', commune: 'Marnaz' });
    // Anna and Bruno each changed the commune; the coordinator merged their bundles (as `maillage merge` does) and sent the result.
    const sides = [
      { device: 'd-anna', name: 'Portable d’Anna', researcher: 'Anna Perrin', commune: 'Cluses' },
      { device: 'd-bruno', name: 'Portable de Bruno', researcher: 'Bruno Favre', commune: 'Thyez' },
    ];
    const read = sides.map((side, index) => {
      const bytes = writeBundle(datasetOf([{ ...interview, commune: side.commune }], stampAt(-60 + index, side.device)), { ...origin, device: { id: side.device, name: side.name }, researcher: side.researcher });
      const opened = readBundle(bytes, new Date());
      if (!opened.ok) throw new Error(opened.error.code);
      return opened.value.dataset;
    });
    const merged = read.reduce((acc, dataset) => mergeDatasets(acc, dataset), emptyDataset);
    const file = join(dir, 'coordinator.maillage');
    await writeFile(file, writeBundle(merged, { ...origin, device: { id: 'merge', name: 'maillage merge' }, researcher: '' }));
    await importBundle(page, 'fr', file);
    await page.getByRole('heading', { name: t.exchange.previewTitle }).waitFor();
    // New on this computer, and in conflict already: the preview says so, and the import leads to it.
    expect(await page.getByTestId('preview-interviews-new').textContent()).toBe('1');
    expect(await page.getByTestId('preview-interviews-conflicts').textContent()).toBe('1');
    await page.getByRole('button', { name: t.exchange.confirmImport, exact: true }).click();
    // The team's computers, on the same screen, learn the names at once.
    await page.getByRole('table', { name: t.sync.devicesTitle }).getByRole('rowheader', { name: 'Portable de Bruno' }).waitFor();
    await page.getByRole('link', { name: t.exchange.seeConflicts }).click();
    await page.getByRole('heading', { name: t.conflicts.title }).waitFor();
    const card = page.locator('.conflict-card').filter({ hasText: 'Cluses' }).first();
    await card.locator('.conflict-version').filter({ hasText: 'Cluses' }).getByText('« Portable d’Anna »', { exact: false }).waitFor();
    await card.locator('.conflict-version').filter({ hasText: 'Thyez' }).getByText('« Portable de Bruno »', { exact: false }).waitFor();
    expect(await card.textContent()).not.toContain(t.conflicts.otherComputer.replace(/ \(.*$/, ''));
    // The team's computers: the coordinator's merge received, Anna's and Bruno's known through it.
    await page.getByRole('link', { name: t.exchange.nav }).click();
    const computers = page.getByRole('table', { name: t.sync.devicesTitle });
    await computers.getByRole('rowheader', { name: 'Portable d’Anna' }).waitFor();
    const row = (name: string) => computers.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await row('Portable de Bruno').getByRole('cell').allTextContents()).toEqual(['Bruno Favre', expect.any(String), t.sync.throughOthers]);
    expect(await row('maillage merge').getByRole('cell').last().textContent()).not.toBe(t.sync.throughOthers);
    await context.close();
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`refuses a broken file with a reason in ${lang}, and changes nothing`, async () => {
      const { context, page } = await laptop(lang);
      const t = catalogues[lang];
      const notZip = join(dir, `notes-${lang}.maillage`);
      await writeFile(notZip, 'Nom;Entreprise\nPerrin;Moules\n');
      await importBundle(page, lang, notZip);
      await page.getByRole('alert').filter({ hasText: `notes-${lang}.maillage` }).waitFor();
      const newer = join(dir, `newer-${lang}.maillage`);
      await writeFile(newer, craftBundle(emptyRecords, { version: '2.0' }));
      await importBundle(page, lang, newer);
      await page.getByRole('alert').filter({ hasText: '2.0' }).waitFor();
      await page.getByRole('link', { name: t.nav.interviews }).click();
      await page.getByRole('heading', { name: t.interviews.emptyTitle }).waitFor();
      await context.close();
    });
  }
});

it('keeps a created interview visible to the other laptop only after the import', async () => {
  const { context, page } = await laptop('fr');
  await createInterview(page, 'fr', { respondentName: 'Paul Blanc', firmName: 'Scierie Blanc', interviewDate: '2025-10-20', interviewer: 'Maite Garat' });
  expect(await listedRespondents(page)).toEqual(['Paul Blanc']);
  await context.close();
});
