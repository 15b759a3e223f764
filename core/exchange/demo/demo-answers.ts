/**
 * The answers of one demo interview, question by question in the form's order, so that a later
 * answer can follow an earlier one (the ranking follows the motives matrices; a practice's start
 * year follows the year the firm joined). Questions of the built-in instrument get answers that
 * hang together; any other question gets a value of its type. Hidden questions are skipped
 * (see demo-relevance.ts), except those the interview's cover fills.
 */
import type { AnswerValue, Answers } from '../../forms/answers';
import type { CompiledForm, FormNode } from '../../forms/model';
import { leaderRoles, otherPractices } from './bank-people';
import type { DemoProfile } from './demo-profile';
import { trackRelevance, type Relevance } from './demo-relevance';
import { tieItems } from './demo-ties';
import { genericValue, likert, narrative, pickChoice, pickChoices } from './demo-values';
import type { Random } from './random';

export interface AnswerContext {
  readonly random: Random;
  readonly profile: DemoProfile;
  readonly form: CompiledForm;
  /** Answers drawn so far. */
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** For repeat items: when the interview was created, to order item ids. */
  readonly createdAtMs: number;
  readonly relevance: Relevance;
}

type Draw = (ctx: AnswerContext, node: FormNode) => AnswerValue | undefined;

const yesNo = (p: number): Draw => ({ random }) => (random.chance(p) ? 'yes' : 'no');
const sometimes = (p: number, draw: Draw): Draw => (ctx, node) => (ctx.random.chance(p) ? draw(ctx, node) : undefined);
const story: Draw = ({ random, profile }, node) => narrative(random, node.name, profile.language);
const time = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
const weighted = (values: readonly string[], weights: readonly number[]): Draw => ({ random }) => random.weighted(values, weights);

const named: Readonly<Record<string, Draw>> = {
  a_interviewer: ({ profile }) => profile.interviewer,
  a_date: ({ profile }) => profile.date,
  a_start_time: ({ random }) => time(random.int(8, 16), random.pick([0, 15, 30, 45])),
  a_end_time: ({ answers, random }) => {
    const start = answers['a_start_time'];
    const [h = 9, m = 0] = (typeof start === 'string' ? start : '09:00').split(':').map(Number);
    const end = h * 60 + m + random.int(50, 130);
    return time(Math.min(23, Math.floor(end / 60)), end % 60);
  },
  a_commune: ({ profile }) => profile.commune,
  a_mode: weighted(['face_to_face', 'phone', 'video'], [8, 1, 1]),
  a_language: ({ profile }) => profile.language,
  a_recording: yesNo(0.8),
  b_info_sheet_read: ({ profile, random }) => (profile.hasConsent || random.chance(0.5) ? 'yes' : 'no'),
  b_info_sheet_version: ({ profile }) => `v${profile.year - 1}-2`,
  b_consent_participate: ({ profile, answers }) => (profile.hasConsent && answers['b_info_sheet_read'] === 'yes' ? 'yes' : 'no'),
  b_consent_audio: ({ answers, random }) => (answers['a_recording'] === 'yes' && random.chance(0.9) ? 'yes' : 'no'),
  b_quotes: weighted(['by_name', 'anonymised', 'not_at_all'], [2, 6, 1]),
  b_share_funders: yesNo(0.8),
  b_consent_date: ({ profile }) => profile.date,
  c_firm_name: ({ profile }) => profile.firmName,
  c_legal_form: ({ profile }) => profile.legalForm,
  c_siren: sometimes(0.85, ({ profile }) => profile.siren),
  c_naf_code: sometimes(0.8, ({ profile }) => profile.naf),
  c_sector: ({ profile }) => profile.network.sector,
  c_year_founded: ({ profile }) => profile.yearFounded,
  c_headcount_band: weighted(['0_9', '10_49', '50_249', '250_plus'], [4, 5, 2, 0.3]),
  c_family_firm: ({ profile, random }) => (profile.role === 'heir' || random.chance(0.45) ? 'yes' : 'no'),
  c_turnover_band: ({ answers, random }) => {
    const headcount = answers['c_headcount_band'];
    const band = typeof headcount === 'string' ? ['0_9', '10_49', '50_249', '250_plus'].indexOf(headcount) : 0;
    const bands = ['under_500k', '500k_2m', '2m_10m', '10m_50m', 'over_50m'];
    return random.chance(0.1) ? 'not_said' : bands[Math.min(4, Math.max(0, band + random.int(0, 1)))];
  },
  c_commune: ({ profile }) => profile.commune,
  c_departement: ({ profile }) => profile.network.departement,
  c_region: ({ profile }) => profile.network.region,
  c_export_share: sometimes(0.7, ({ random }) => random.int(0, 600) / 10),
  c_value_chain: weighted(['own_products', 'subcontractor_r1', 'subcontractor_r2', 'subcontractor_r3'], [3, 4, 3, 1]),
  c_ordering_parties: sometimes(0.7, ({ profile, random }) => random.sample(profile.network.orderingParties, random.int(1, 3)).join(', ')),
  c_ordering_same_territory: weighted(['all', 'most', 'some', 'none', 'dk'], [1, 3, 4, 2, 1]),
  d_role: ({ profile }) => profile.role,
  d_years_at_head: ({ profile, random }) =>
    Math.min(80, Math.max(0, profile.role === 'founder' ? profile.year - profile.yearFounded : random.int(1, Math.max(1, Math.min(30, profile.year - profile.yearFounded))))),
  d_age_band: weighted(['under_30', '30_39', '40_49', '50_59', '60_plus', 'not_said'], [1, 3, 5, 5, 3, 1]),
  d_local_engagements: ({ random }, node) => (random.chance(0.25) ? ['none'] : pickChoices(random, node, 3, ['none'])),
  d_engagements_detail: ({ profile, random }) => random.pick([
    `Trésorier du club de football de ${profile.commune}`, 'Élu au conseil municipal', 'Membre du bureau de la CCI',
    `Bénévole au comité des fêtes de ${profile.commune}`, 'Administrateur d’une association d’insertion',
  ]),
  e_network_name: ({ profile }) => profile.network.name,
  e_network_kind: ({ profile }) => profile.network.kind,
  e_network_sector: ({ profile }) => profile.network.sector,
  e_network_territory: ({ profile }) => profile.network.territory,
  e_network_legal_form: ({ profile }) => profile.network.legalForm,
  e_year_joined: ({ profile }) => profile.yearJoined,
  e_member_count: ({ profile, random }) => random.int(...profile.network.members),
  e_paid_animator: yesNo(0.75),
  e_initiators: ({ random }, node) => (random.chance(0.05) ? ['dk'] : pickChoices(random, node, 3, ['dk'])),
  e_respondent_role: weighted(['founder', 'board', 'active_member', 'member'], [1, 2, 4, 3]),
  f_purchasing_saving_pct: ({ random }) => random.int(20, 150) / 10,
  f_other_done: yesNo(0.1),
  f_other_specify: ({ random }) => random.pick(otherPractices),
  k_leader_exists: yesNo(0.7),
  k_leader_role: ({ random }) => random.pick(leaderRoles),
  k_animator_does: ({ random }, node) => pickChoices(random, node, 3),
  k_describe_person: sometimes(0.6, story),
  m_outcomes_story: sometimes(0.5, story),
  n_how_started: sometimes(0.85, story),
  n_what_keeps: sometimes(0.8, story),
  n_shared_values: sometimes(0.7, story),
  n_proud_action: sometimes(0.6, story),
  n_would_leave: sometimes(0.5, story),
  n_anything_else: sometimes(0.25, story),
  n_observations: sometimes(0.7, ({ random }, node) => narrative(random, node.name, 'fr')),
};

/** The matrix a Likert item belongs to decides which leaning it follows. */
function leaningOf(profile: DemoProfile, node: FormNode): number {
  const matrix = node.parent ?? node.name;
  if (matrix.startsWith('g_')) return profile.economic;
  if (matrix.startsWith('h_')) return profile.social;
  if (matrix.startsWith('j_')) return profile.obstacles;
  if (matrix.startsWith('m_')) return (profile.economic + profile.social) / 2;
  return 2 + (profile.economic + profile.social) / 4;
}

/** The reasons ranked first are those the respondent rated highest in the motives matrices. */
function ranking(ctx: AnswerContext, node: FormNode): AnswerValue {
  const rank = node.question.type === 'ranking' ? node.question.rank : 3;
  const score = (value: string) => {
    const answer = ctx.answers[value];
    return (typeof answer === 'string' && /^[1-5]$/.test(answer) ? Number(answer) : 0) + ctx.random.next();
  };
  return (node.choices ?? []).map((c) => ({ value: c.value, score: score(c.value) })).sort((a, b) => b.score - a.score).slice(0, rank).map((c) => c.value);
}

function practice(ctx: AnswerContext, node: FormNode): AnswerValue | undefined {
  const { random, profile } = ctx;
  if (node.name.endsWith('_done')) return random.chance(0.35 + profile.economic / 20 + profile.social / 20) ? 'yes' : 'no';
  if (node.name.endsWith('_since')) return random.int(Math.min(profile.yearJoined, profile.year), profile.year);
  if (node.name.endsWith('_intensity')) return likert(random, (profile.economic + profile.social) / 2);
  return undefined;
}

function valueFor(ctx: AnswerContext, node: FormNode): AnswerValue | undefined {
  const draw = named[node.name];
  if (draw) return draw(ctx, node);
  if (node.kind === 'other-text') {
    const parent = node.parent === undefined ? undefined : ctx.answers[node.parent];
    return parent === 'other' || (Array.isArray(parent) && parent.includes('other')) ? 'Autre réponse' : undefined;
  }
  if (node.name.startsWith('f_') && node.section === 'f_practices') return practice(ctx, node) ?? genericValue(ctx.random, node, ctx.profile.date);
  if (node.kind === 'matrix-item' || node.kind === 'likert5') return likert(ctx.random, leaningOf(ctx.profile, node));
  if (node.kind === 'ranking') return ranking(ctx, node);
  if (node.kind === 'single-choice' && !node.choices?.length) return undefined;
  if (node.kind === 'single-choice') return pickChoice(ctx.random, node);
  return genericValue(ctx.random, node, ctx.profile.date);
}

/** Every answer of one interview; `cover` names the answers the cover fills even when hidden. */
export function drawAnswers(random: Random, profile: DemoProfile, form: CompiledForm, createdAtMs: number, cover: ReadonlySet<string>): Answers {
  const answers: Record<string, AnswerValue> = {};
  const ctx: AnswerContext = { random, profile, form, answers, createdAtMs, relevance: trackRelevance(form, answers, profile.date) };
  for (const node of form.nodes.values()) {
    if (node.repeat !== undefined || node.kind === 'note' || node.kind === 'matrix' || node.kind === 'calculate') continue;
    if (!cover.has(node.name) && !ctx.relevance.isShown(node)) continue;
    const value = node.kind === 'repeat' ? tieItems(ctx, node) : valueFor(ctx, node);
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) answers[node.name] = value;
  }
  return answers;
}
