/** Steps on the fill screen, shared by its end-to-end tests (and handy for screenshots). */
import type { Page } from 'playwright-core';
import { catalogues, createInterview, type Lang, type NewInterview } from '../helpers/app-page';

export const consentAnswers = {
  b_info_sheet_read: 'yes',
  b_info_sheet_version: 'v1, mars 2025',
  b_consent_participate: 'yes',
  b_consent_audio: 'yes',
  b_quotes: 'anonymised',
  b_share_funders: 'yes',
  b_consent_date: '2026-03-12',
} as const;

const practices = ['training', 'environment', 'safety', 'promotion', 'export', 'brand', 'purchasing', 'equipment', 'research', 'cocontracting', 'staff', 'knowhow', 'other'];

/** With the cover's answers, everything the built-in form requires once consent is given. */
export const requiredAnswers = {
  ...consentAnswers,
  c_sector: 'Décolletage',
  c_headcount_band: '10_49',
  ...Object.fromEntries(practices.map((p) => [`f_${p}_done`, 'no'])),
};

export const sophie: NewInterview = {
  respondentName: 'Sophie Martin',
  firmName: 'Décolletage du Faucigny',
  interviewDate: '2026-05-19',
  interviewer: 'Camille Roux',
  networkName: 'Mont-Blanc Industries',
  commune: 'Cluses',
};

export const waitForFill = (page: Page) => page.locator('section.fill[data-ready="true"]').waitFor();

/** Records an interview through the cover, opens its questionnaire, and returns the interview's id. */
export async function openNewQuestionnaire(page: Page, lang: Lang, data: NewInterview = sophie): Promise<string> {
  const t = catalogues[lang];
  await createInterview(page, lang, data);
  await page.getByRole('link', { name: t.interviews.open.replace('{{name}}', data.respondentName).replace('{{firm}}', data.firmName) }).click();
  await page.getByRole('link', { name: t.fill.open }).click();
  await waitForFill(page);
  const id = /#\/interviews\/([^/]+)\/fill/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a fill screen: ${page.url()}`);
  return id;
}

/**
 * Writes answers (and other fields) straight into the stored interview, as an older or foreign
 * record would be. Answers live in `interviewData` since storage version 3, in the interview row before.
 */
export async function seedInterview(page: Page, id: string, answers: Record<string, unknown>, fields: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(async ({ id, answers, fields }) => {
    type Row = { answers?: Record<string, unknown> } & Record<string, unknown>;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('maillage');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    const isSplit = db.objectStoreNames.contains('interviewData');
    const tx = db.transaction(isSplit ? ['interviews', 'interviewData'] : ['interviews'], 'readwrite');
    // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
    for (const store of isSplit ? ['interviews', 'interviewData'] : ['interviews']) {
      const objects = tx.objectStore(store);
      const request = objects.get(id);
      request.onsuccess = () => {
        const row = (request.result ?? { id, registers: {} }) as Row;
        const hasAnswers = store === 'interviewData' || !isSplit;
        objects.put({ ...row, ...(hasAnswers ? { answers: { ...row.answers, ...answers } } : {}), ...(store === 'interviews' ? fields : {}) });
      };
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => { resolve(); };
      tx.onerror = () => { reject(new Error('seed failed')); };
    });
    db.close();
  }, { id, answers, fields });
}

/** The stored answers of an interview, read straight from IndexedDB. */
export async function storedAnswers(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('maillage');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    const store = db.objectStoreNames.contains('interviewData') ? 'interviewData' : 'interviews';
    const record = await new Promise<{ answers?: Record<string, unknown> } | undefined>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).get(id);
      request.onsuccess = () => { resolve(request.result as { answers?: Record<string, unknown> } | undefined); };
      request.onerror = () => { reject(new Error('read failed')); };
    });
    db.close();
    return record?.answers ?? {};
  }, id);
}

/** Opens a section of the questionnaire by its address, reloading the screen. */
export async function openSection(page: Page, baseUrl: string, id: string, section: string): Promise<void> {
  await page.goto(`${baseUrl}#/interviews/${id}/fill/${section}`);
  await page.reload();
  await waitForFill(page);
}

export const savedStatus = (page: Page, lang: Lang) =>
  page.locator('.save-text[data-state="saved"]', { hasText: catalogues[lang].fill.save.saved });
