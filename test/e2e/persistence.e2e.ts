import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPersistentProfile, type PersistentProfile } from '../helpers/browser';
import { catalogues, createInterview, listedRespondents, waitForList } from '../helpers/app-page';

const baseUrl = inject('baseUrl');
let profile: PersistentProfile | undefined;
afterEach(async () => { await profile?.remove(); });

describe('nothing is lost', () => {
  it('keeps interviews and the chosen language across a reload and a browser restart', async () => {
    profile = await createPersistentProfile();
    let context = await profile.open({ locale: 'fr-FR' });
    let page = context.pages()[0] ?? await context.newPage();
    await page.goto(baseUrl);
    await waitForList(page);
    await createInterview(page, 'fr', { respondentName: 'Jean-Baptiste Etcheverry', firmName: 'Atelier Etcheverry', interviewDate: '2026-04-02', interviewer: 'Maite Garat', networkName: 'Uztaro' });
    await page.getByLabel(catalogues.fr.language.label).selectOption('en');
    await page.getByRole('heading', { name: catalogues.en.interviews.title, exact: true }).waitFor();

    await page.reload();
    await waitForList(page);
    expect(await listedRespondents(page)).toEqual(['Jean-Baptiste Etcheverry']);
    await context.close();

    context = await profile.open({ locale: 'fr-FR' });
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(baseUrl);
    await waitForList(page);
    await page.getByRole('heading', { name: catalogues.en.interviews.title, exact: true }).waitFor();
    expect(await listedRespondents(page)).toEqual(['Jean-Baptiste Etcheverry']);
    await context.close();
  });

  it('comes back to the same screen after a reload', async () => {
    profile = await createPersistentProfile();
    const context = await profile.open({ locale: 'en-GB' });
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${baseUrl}#/about`);
    await page.getByRole('heading', { name: catalogues.en.about.title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: catalogues.en.about.title }).waitFor();
    await context.close();
  });
});
