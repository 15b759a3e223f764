/**
 * `npm run screenshots`: every screen in both languages, written to screenshots/ (not committed),
 * so that whoever changes the UI looks at it.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../test/helpers/browser';
import { catalogues, createInterview, waitForList, type Lang } from '../test/helpers/app-page';
import { startPreview } from '../test/helpers/preview-server';

const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });
const server = await startPreview();
const browser = await launchBrowser();
try {
  for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
    const t = catalogues[lang];
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: `${outDir}/${name}-${lang}.png` });
    await page.goto(server.url);
    await waitForList(page);
    await shot('list-empty');
    await createInterview(page, lang, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin SARL', interviewDate: '2026-03-12', interviewer: 'Camille Roux', networkName: 'Mont-Blanc Industries', commune: 'Cluses', respondentRole: 'heir' });
    await createInterview(page, lang, { respondentName: 'Iñaki Etxeberria', firmName: 'Surf Garage', interviewDate: '2026-06-01', interviewer: 'Maite Garat', networkName: 'Eurosima', commune: 'Anglet', respondentRole: 'founder' });
    await shot('list');
    await page.getByRole('link', { name: t.interviews.new }).click();
    await page.getByLabel(t.interview.fields.respondentName).fill('   ');
    await page.getByLabel(t.interview.fields.interviewDate).fill('2031-01-01');
    await page.getByRole('button', { name: t.interview.save, exact: true }).click();
    await shot('form-errors');
    await page.goto(server.url);
    await waitForList(page);
    await page.locator('.cell-respondent a').first().click();
    await shot('edit');
    await page.getByRole('button', { name: t.interview.delete }).click();
    await shot('delete-dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: t.nav.about }).click();
    await page.getByRole('heading', { name: t.about.title }).waitFor();
    await shot('about');
    await page.getByRole('link', { name: t.forms.nav }).click();
    await page.waitForTimeout(500);
    await shot('forms');
    // A form the app refuses, and why (here: consent that depends on an answer given after it).
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: t.forms.install }).click()]);
    await chooser.setFiles('test/fixtures/forms/bad/consent-loop.json');
    await page.getByTestId('install-failure').waitFor();
    await shot('forms-refused');
    await page.getByRole('link', { name: t.exchange.nav }).click();
    await page.waitForTimeout(500);
    await shot('exchange');
    // Export for analysis: after one export (its line in the log), then the identified export's confirmation.
    const analysis = page.getByRole('region', { name: t.analysis.title });
    const download = page.waitForEvent('download');
    await analysis.getByRole('button', { name: t.analysis.export, exact: true }).click();
    await download;
    await analysis.getByRole('table', { name: t.analysis.logTitle }).waitFor();
    // The screen scrolls inside its main area: the log's row brought into view shows most of the panel.
    await analysis.getByRole('table', { name: t.analysis.logTitle }).locator('tbody tr').first().scrollIntoViewIfNeeded();
    await shot('analysis');
    await analysis.getByLabel(t.analysis.identified).check();
    await analysis.getByRole('button', { name: t.analysis.export, exact: true }).click();
    await page.getByRole('dialog', { name: t.analysis.confirmTitle }).waitFor();
    await shot('analysis-confirm');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}#/conflicts`);
    await page.waitForTimeout(500);
    await shot('conflicts');
    await page.goto(server.url);
    await waitForList(page);
    await page.locator('.cell-respondent a').first().click();
    await page.getByRole('link', { name: t.fill.open }).click();
    await page.locator('section.fill[data-ready="true"]').waitFor();
    for (const section of ['b_consent', 'f_practices', 'g_economic', 'i_priorities', 'l_partners', 'n_open']) {
      await page.goto(`${page.url().replace(/\/fill.*$/, '')}/fill/${section}`);
      await page.locator('section.fill[data-ready="true"]').waitFor();
      await page.waitForTimeout(300);
      await shot(`fill-${section}`);
    }
    await context.close();
  }
  console.log(`Screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await server.close();
}
