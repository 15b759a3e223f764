/**
 * One demo interview as the app would have saved it: its answers when the interview ends, then
 * (for most) completion the same day and, for some, validation by the coordinator a few days
 * later. Each save is a snapshot with its time; the dataset builder stamps them in time order
 * with one clock, as a laptop would.
 */
import type { Answers } from '../../forms/answers';
import type { CompiledForm } from '../../forms/model';
import { validateInterviewInput, type Interview, type InterviewInput, type RespondentRole } from '../../records/interview';
import { restoreInterview } from '../../records/interview-restore';
import { summaryFromAnswers } from '../../records/interview-summary';
import { demoCoordinator } from './bank-people';
import { drawAnswers } from './demo-answers';
import { demoId } from './demo-ids';
import { makeProfile, type DemoProfile } from './demo-profile';
import type { Random } from './random';
import type { Save } from './timeline';

const dayMs = 86_400_000;
const minuteMs = 60_000;
const roleOf: Readonly<Record<DemoProfile['role'], RespondentRole>> = { founder: 'founder', heir: 'heir', hired_manager: 'hired-manager' };

interface FormFacts {
  /** Index of each node's section. */
  readonly sectionOf: ReadonlyMap<string, number>;
  /** Answers the cover fills (the summary mapping). */
  readonly cover: ReadonlySet<string>;
  readonly consentSection: number;
}
const factsCache = new WeakMap<CompiledForm, FormFacts>();

function factsOf(form: CompiledForm): FormFacts {
  let facts = factsCache.get(form);
  if (!facts) {
    const order = new Map(form.sections.map((s, i) => [s.section.name, i]));
    facts = {
      sectionOf: new Map([...form.nodes.values()].map((n) => [n.name, order.get(n.section) ?? 0])),
      cover: new Set(Object.values(form.definition.summary ?? {}).filter((n): n is string => n !== undefined)),
      consentSection: order.get(form.definition.consent?.section ?? '') ?? 0,
    };
    factsCache.set(form, facts);
  }
  return facts;
}

/** A draft stops somewhere after consent: the answers of later sections are not there yet. */
function truncate(facts: FormFacts, answers: Answers, lastSection: number): Answers {
  const kept: Record<string, Answers[string]> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (facts.cover.has(name) || (facts.sectionOf.get(name) ?? 0) <= lastSection) kept[name] = value;
  }
  return kept;
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Draft {
  readonly id: string;
  readonly cover: InterviewInput;
  readonly answers: Answers;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly territory: string;
}

/**
 * The interview through the same gates as the app's: the cover checked and normalised as typed,
 * the record restored to today's shape. A refusal here is a bug of the generator.
 */
function restoredInterview(form: CompiledForm, draft: Draft): Interview {
  const cover = validateInterviewInput(draft.cover, draft.cover.interviewDate ?? '');
  if (!cover.ok) throw new Error(`demo cover refused: ${JSON.stringify(cover.error)}`);
  const interview = restoreInterview({
    ...cover.value, id: draft.id, createdAt: draft.createdAt, updatedAt: draft.updatedAt, formId: form.definition.id,
    formVersion: form.definition.version, status: 'draft', answers: draft.answers, territory: draft.territory, lastPath: '',
  });
  if (!interview) throw new Error(`demo interview ${draft.id} does not restore`);
  return interview;
}

/** The saves of one interview held on `dayStartMs` (UTC midnight of its day). */
export function planInterview(random: Random, form: CompiledForm, dayStartMs: number, researchers: readonly string[]): readonly Save[] {
  const date = iso(dayStartMs).slice(0, 10);
  const profile = makeProfile(random, date, researchers);
  const createdAt = dayStartMs + random.int(7 * 60, 15 * 60) * minuteMs;
  const endedAt = createdAt + random.int(50, 130) * minuteMs;
  const id = demoId(random, createdAt);
  const facts = factsOf(form);
  let answers = drawAnswers(random, profile, form, createdAt, facts.cover);
  const consent = form.definition.consent;
  const hasConsent = consent === undefined || answers[consent.question] === consent.value;
  const status = random.weighted(['draft', 'complete', 'validated'] as const, [2, 5, 3]);
  const isFinished = status !== 'draft' && hasConsent;
  if (!isFinished && hasConsent) answers = truncate(facts, answers, random.int(facts.consentSection + 1, form.sections.length - 1));
  const summary = summaryFromAnswers(form.definition, answers);

  const base = restoredInterview(form, {
    id, answers, createdAt: iso(createdAt), updatedAt: iso(endedAt), territory: summary.territory ?? '',
    cover: {
      respondentName: profile.respondentName,
      respondentRole: roleOf[profile.role],
      firmName: summary.firmName ?? profile.firmName,
      commune: summary.commune ?? profile.commune,
      networkName: summary.networkName ?? profile.network.name,
      interviewDate: date,
      interviewer: summary.interviewer ?? profile.interviewer,
    },
  });
  // One save when the interview ends (a laptop saves often, but only the last state travels).
  const saves: Save[] = [{ at: endedAt, state: base }];
  if (!isFinished) return saves;
  const completedAt = endedAt + random.int(2, 20) * minuteMs;
  const complete: Interview = { ...base, status: 'complete', updatedAt: iso(completedAt), completedAt: iso(completedAt) };
  saves.push({ at: completedAt, state: complete });
  if (status === 'validated') {
    const validatedAt = dayStartMs + random.int(1, 5) * dayMs + random.int(8 * 60, 17 * 60) * minuteMs;
    saves.push({ at: validatedAt, state: { ...complete, status: 'validated', updatedAt: iso(validatedAt), validatedAt: iso(validatedAt), validatedBy: demoCoordinator } });
  }
  return saves;
}
