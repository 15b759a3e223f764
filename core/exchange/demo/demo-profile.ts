/**
 * Who is interviewed in one demo interview: a head of a small firm in one network, with a
 * leaning that makes answers hang together (someone who values the territory rates its items
 * high and ranks them first; a founder has been at the head longer).
 */
import { isValidSiren } from '../../forms/expressions/functions';
import { demoNetworks, type DemoNetwork } from './bank-networks';
import { firmSuffixes, firstNames, lastNames, legalSuffixes } from './bank-people';
import type { Random } from './random';

export interface DemoProfile {
  readonly network: DemoNetwork;
  readonly interviewer: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly year: number;
  readonly respondentName: string;
  readonly role: 'founder' | 'heir' | 'hired_manager';
  readonly firmName: string;
  readonly legalForm: string;
  readonly commune: string;
  readonly yearFounded: number;
  readonly yearJoined: number;
  readonly naf: string;
  readonly siren: string;
  /** The language the respondent speaks (a few foreign-born managers answer in English). */
  readonly language: 'fr' | 'en';
  readonly hasConsent: boolean;
  /** Leanings on a 1–5 scale: money reasons, the "hidden" reasons, obstacles felt. */
  readonly economic: number;
  readonly social: number;
  readonly obstacles: number;
}

export const personName = (random: Random) => `${random.pick(firstNames)} ${random.pick(lastNames)}`;

export function firmNameOf(random: Random, network: DemoNetwork, legalForm: string): string {
  const trade = random.pick(network.trades);
  const family = random.pick(lastNames);
  const base = random.weighted(
    [`${trade} ${family}`, `${trade} ${family} ${random.pick(firmSuffixes)}`, `${family} ${random.pick(firmSuffixes)}`, `${trade} de ${random.pick(network.communes)}`],
    [4, 2, 2, 1],
  );
  const suffix = legalSuffixes[legalForm] ?? '';
  return suffix === '' ? base : `${base} ${suffix}`;
}

export function makeSiren(random: Random): string {
  const stem = Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
  for (let check = 0; check < 10; check++) if (isValidSiren(`${stem}${check}`)) return `${stem}${check}`;
  return '732829320';
}

/** Each researcher covers a few networks: the network decides who went. */
export function interviewerOf(network: DemoNetwork, researchers: readonly string[]): string {
  const index = demoNetworks.indexOf(network);
  return researchers[Math.max(0, index) % researchers.length] ?? '';
}

const clamp = (value: number) => Math.min(5, Math.max(1, value));

export function makeProfile(random: Random, date: string, researchers: readonly string[]): DemoProfile {
  const network = random.weighted(demoNetworks, demoNetworks.map((n) => n.weight));
  const year = Number(date.slice(0, 4));
  const role = random.weighted(['founder', 'heir', 'hired_manager'] as const, [5, 3, 2]);
  const legalForm = random.weighted(['sarl', 'sas', 'eurl', 'sa', 'ei', 'scop'], [8, 6, 2, 1, 1, 1]);
  const yearFounded = role === 'heir' ? random.int(1920, 1990) : random.int(1965, year - 2);
  const yearJoined = Math.max(yearFounded, network.founded + random.int(0, Math.max(0, year - network.founded - 1)));
  // One researcher in ten also meets a second network's firms (fieldwork is never neat).
  const interviewer = random.chance(0.1) ? random.pick(researchers) : interviewerOf(network, researchers);
  return {
    network,
    interviewer,
    date,
    year,
    respondentName: personName(random),
    role,
    firmName: firmNameOf(random, network, legalForm),
    legalForm,
    commune: random.pick(network.communes),
    yearFounded,
    yearJoined: Math.min(yearJoined, year),
    naf: random.pick(network.naf),
    siren: makeSiren(random),
    language: random.chance(0.06) ? 'en' : 'fr',
    hasConsent: random.chance(0.93),
    economic: clamp(2 + random.next() * 3),
    social: clamp(1.5 + random.next() * 3.5),
    obstacles: clamp(1 + random.next() * 3.5),
  };
}
