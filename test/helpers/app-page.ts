/** Steps a researcher takes in the app, written once for the end-to-end tests. */
import type { Page } from 'playwright-core';
import en from '../../renderer/src/i18n/locales/en.json';
import fr from '../../renderer/src/i18n/locales/fr.json';

export const catalogues = { fr, en } as const;
export type Lang = keyof typeof catalogues;

export interface NewInterview {
  readonly respondentName: string;
  readonly firmName: string;
  readonly interviewDate: string;
  readonly interviewer: string;
  readonly commune?: string;
  readonly networkName?: string;
  readonly respondentRole?: string;
}

export async function waitForList(page: Page): Promise<void> {
  await page.locator('section.interview-list[data-ready="true"]').waitFor();
}

export async function fillInterview(page: Page, lang: Lang, data: Partial<NewInterview>): Promise<void> {
  const f = catalogues[lang].interview.fields;
  const labels: Record<keyof NewInterview, string> = {
    respondentName: f.respondentName,
    firmName: f.firmName,
    interviewDate: f.interviewDate,
    interviewer: f.interviewer,
    commune: f.commune,
    networkName: f.networkName,
    respondentRole: f.respondentRole,
  };
  for (const [field, value] of Object.entries(data) as [keyof NewInterview, string][]) {
    const control = page.getByLabel(labels[field], { exact: false }).first();
    if (field === 'respondentRole') await control.selectOption(value);
    else await control.fill(value);
  }
}

export async function createInterview(page: Page, lang: Lang, data: NewInterview): Promise<void> {
  const t = catalogues[lang];
  await page.getByRole('link', { name: t.interviews.new }).click();
  await page.getByRole('heading', { name: t.interview.newTitle }).waitFor();
  await fillInterview(page, lang, data);
  await page.getByRole('button', { name: t.interview.save, exact: true }).click();
  await page.getByRole('status').getByText(t.interview.created).waitFor();
  await waitForList(page);
}

/** The respondents' names as the list shows them, top to bottom. */
export async function listedRespondents(page: Page): Promise<string[]> {
  return page.locator('.table-body .cell-respondent a').allTextContents();
}
