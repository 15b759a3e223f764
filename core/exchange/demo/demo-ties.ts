/**
 * The partners a respondent names (the repeat group of ties): zero to eight, mostly firms of the
 * same network, then schools, labs, public bodies, ordering parties, banks and foreign firms.
 */
import type { AnswerValue, Answers, RepeatInstance } from '../../forms/answers';
import type { FormNode } from '../../forms/model';
import { demoNetworks } from './bank-networks';
import { banks, foreignPartners } from './bank-people';
import type { AnswerContext } from './demo-answers';
import { demoId } from './demo-ids';
import { firmNameOf } from './demo-profile';
import { genericValue, likert, pickChoices } from './demo-values';

const kinds = ['network_firm', 'outside_firm', 'other_network', 'school_training', 'research_lab', 'public_body', 'ordering_party', 'bank_investor', 'foreign_partner'] as const;
const kindWeights = [6, 2, 1, 1, 1, 1, 1.5, 0.7, 0.8];
const foreignPlaces = ['Bilbao', 'Stuttgart', 'Leiria', 'Milan', 'Genève', 'Birmingham', 'Aalborg', 'Sassuolo'];

type TieKind = (typeof kinds)[number];

function partnerOf({ random, profile }: AnswerContext, kind: TieKind): { name: string; place: string } {
  const { network } = profile;
  const home = random.pick(network.communes);
  switch (kind) {
    case 'network_firm': return { name: firmNameOf(random, network, random.pick(['sarl', 'sas', 'ei'])), place: home };
    case 'outside_firm': {
      const elsewhere = random.pick(demoNetworks);
      return { name: firmNameOf(random, elsewhere, 'sas'), place: random.pick(elsewhere.communes) };
    }
    case 'other_network': return { name: random.pick(demoNetworks.filter((n) => n !== network)).name, place: '' };
    case 'ordering_party': return { name: random.pick(network.orderingParties), place: '' };
    case 'bank_investor': return { name: random.pick(banks), place: home };
    case 'foreign_partner': return { name: random.pick(foreignPartners), place: random.pick(foreignPlaces) };
    default: return { name: random.pick(network.institutions), place: home };
  }
}

function tieAnswers(ctx: AnswerContext, children: readonly FormNode[]): Answers {
  const { random, profile } = ctx;
  const kind = random.weighted(kinds, kindWeights);
  const partner = partnerOf(ctx, kind);
  const answers: Record<string, AnswerValue> = {};
  for (const node of children) {
    if (!ctx.relevance.isShown(node, answers)) continue;
    let value: AnswerValue | undefined;
    switch (node.name) {
      case 'l_partner_name': value = partner.name; break;
      case 'l_partner_kind': value = kind; break;
      case 'l_partner_place': value = partner.place === '' ? undefined : partner.place; break;
      case 'l_tie_types': value = pickChoices(random, node, 3); break;
      case 'l_tie_intensity': value = likert(random, profile.social); break;
      case 'l_tie_since': value = random.int(Math.min(profile.yearJoined, profile.year) - (kind === 'network_firm' ? 0 : 10), profile.year); break;
      case 'l_tie_international': value = kind === 'foreign_partner' || random.chance(0.05) ? 'yes' : 'no'; break;
      default: value = genericValue(random, node, profile.date);
    }
    if (value !== undefined) answers[node.name] = value;
  }
  return answers;
}

export function tieItems(ctx: AnswerContext, repeat: FormNode): RepeatInstance[] {
  const children = (ctx.form.repeatChildren.get(repeat.name) ?? [])
    .map((name) => ctx.form.nodes.get(name))
    .filter((node): node is FormNode => node !== undefined && node.kind !== 'note' && node.kind !== 'calculate' && node.kind !== 'matrix');
  const count = ctx.random.weighted([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 4, 3, 2, 1, 1]);
  // Items added a minute apart: their ids sort in the order the researcher entered them.
  return Array.from({ length: count }, (_, k) => ({ id: demoId(ctx.random, ctx.createdAtMs + (k + 1) * 60_000), answers: tieAnswers(ctx, children) }));
}
