/**
 * What heads of small firms say about cooperating, for the narrative answers of demo interviews:
 * sentences in French by theme, some in English with the researcher's French rendering.
 */
export type Theme = 'start' | 'keep' | 'values' | 'proud' | 'leave' | 'outcome' | 'person' | 'observation' | 'other';

/** Which themes feed each narrative question of the built-in instrument (others draw from all). */
export const themesOf: Readonly<Record<string, readonly Theme[]>> = {
  n_how_started: ['start'],
  n_what_keeps: ['keep', 'values'],
  n_shared_values: ['values'],
  n_proud_action: ['proud'],
  n_would_leave: ['leave'],
  n_anything_else: ['other', 'keep'],
  n_observations: ['observation'],
  m_outcomes_story: ['outcome', 'proud'],
  k_describe_person: ['person'],
};

export const frenchSentences: Readonly<Record<Theme, readonly string[]>> = {
  start: [
    'Au départ, c’était une histoire de dépannage : un collègue avait une machine en panne et on a usiné ses pièces pendant trois semaines.',
    'Tout a commencé en 2009, quand le donneur d’ordres a exigé la certification ; seuls, aucun de nous n’avait les moyens de la préparer.',
    'On se connaissait déjà du lycée technique, alors quand l’animatrice a proposé un groupe achats, ça s’est fait naturellement.',
    'C’est la crise de 2008 qui nous a rapprochés : on a compris qu’il valait mieux se serrer les coudes que se tirer dans les pattes.',
    'Mon père faisait déjà partie de l’association ; j’ai repris l’entreprise et les habitudes avec.',
  ],
  keep: [
    'Ce qui nous tient, c’est la confiance : on peut appeler un concurrent un samedi soir et il décroche.',
    'On se retrouve tous les mois au petit-déjeuner du réseau, et c’est là que les affaires se font, presque sans en parler.',
    'Franchement, le plaisir de travailler ensemble compte autant que l’argent : on rit beaucoup aux réunions.',
    'Les jeunes que l’on forme ensemble restent dans la vallée, et ça, c’est notre assurance vie.',
    'Sans le réseau, je ne répondrais pas aux appels d’offres internationaux : on y va à plusieurs ou on n’y va pas.',
  ],
  values: [
    'On partage l’idée qu’une entreprise doit faire vivre son territoire, pas seulement ses actionnaires.',
    'La solidarité, ici, ce n’est pas un mot : quand un atelier a brûlé, chacun a prêté des heures machine.',
    'Nous avons la même fierté du travail bien fait, le même respect du métier et des anciens.',
    'On veut transmettre une vallée vivante à nos enfants, avec des usines et des emplois.',
    'Le respect de la parole donnée : chez nous, une poignée de main vaut un contrat.',
  ],
  proud: [
    'Notre plus belle réussite, c’est le stand commun au salon de Francfort : quinze PME sous une même bannière.',
    'On a créé ensemble une formation de régleur qui n’existait nulle part ailleurs.',
    'Pendant le confinement, on a fabriqué des visières pour l’hôpital en quatre jours, à six entreprises.',
    'Nous avons racheté ensemble une machine de contrôle que personne n’aurait pu payer seul.',
  ],
  leave: [
    'Je partirais si le réseau devenait une affaire de gros : les petits n’y auraient plus leur place.',
    'Si les cotisations continuent d’augmenter sans projet concret, je me poserai la question.',
    'Partir ? Non, ce serait comme quitter la famille, même quand on se dispute.',
    'Le jour où l’on ne se fera plus confiance, je partirai, mais ce jour n’est pas venu.',
  ],
  outcome: [
    'Grâce au groupement d’achats, nos coûts d’acier ont baissé d’environ huit pour cent.',
    'Nous avons embauché deux jeunes formés par le réseau, et ils sont toujours là.',
    'Le réseau nous a ouvert deux clients en Allemagne que nous n’aurions jamais approchés seuls.',
    'Au-delà des chiffres, on se sent moins seuls face aux donneurs d’ordres.',
  ],
  person: [
    'Elle connaît chaque atelier de la vallée et sait exactement qui appeler pour quel problème.',
    'C’est un ancien patron, respecté de tous, qui arrive à faire asseoir des concurrents à la même table.',
    'Il ne compte pas ses heures ; sans lui, l’association se serait arrêtée depuis longtemps.',
  ],
  observation: [
    'Entretien dans le bureau vitré au-dessus de l’atelier ; le dirigeant montrait les machines en parlant des partenaires.',
    'Le répondant est devenu plus précis et plus chaleureux en parlant de la formation des jeunes.',
    'Réticence au début sur les questions de chiffre d’affaires ; détendu ensuite.',
    'Visite de l’atelier après l’entretien ; plusieurs pièces réalisées en commun avec un voisin.',
  ],
  other: [
    'Il faudrait que les pouvoirs publics comprennent que la coopération prend du temps.',
    'Vous devriez aussi interroger nos salariés : ce sont eux qui se parlent le plus d’une entreprise à l’autre.',
    'Merci de vous intéresser à ce qu’on fait ici, on n’en parle jamais dans les journaux.',
  ],
};

/** Respondents who answered in English (foreign-born managers), with the researcher's rendering. */
export const englishAnswers: readonly { readonly text: string; readonly fr: string }[] = [
  { text: 'When I arrived from Manchester, the network was how I met everyone; nobody here would talk to a newcomer otherwise.', fr: 'Quand je suis arrivé de Manchester, c’est par le réseau que j’ai rencontré tout le monde ; sinon personne ici ne parle à un nouveau venu.' },
  { text: 'We share machines, people and sometimes customers. It only works because we trust each other.', fr: 'Nous partageons des machines, des personnes et parfois des clients. Ça ne marche que parce que nous nous faisons confiance.' },
  { text: 'Honestly, I enjoy the meetings. It is the one place where I am not alone with my problems.', fr: 'Honnêtement, j’aime les réunions. C’est le seul endroit où je ne suis pas seul avec mes problèmes.' },
  { text: 'The valley has a pride in its craft that you do not find in big industrial parks.', fr: 'La vallée a une fierté de son savoir-faire que l’on ne trouve pas dans les grandes zones industrielles.' },
  { text: 'Our joint stand at the trade fair brought us our first American customer.', fr: 'Notre stand commun au salon nous a apporté notre premier client américain.' },
  { text: 'If the big firms took over the association, I would leave the next day.', fr: 'Si les grandes entreprises prenaient le contrôle de l’association, je partirais le lendemain.' },
  { text: 'She is the glue of the network: she remembers every name and every quarrel.', fr: 'Elle est le ciment du réseau : elle se souvient de chaque nom et de chaque dispute.' },
  { text: 'We train apprentices together, so they stay here instead of leaving for Lyon.', fr: 'Nous formons les apprentis ensemble, alors ils restent ici au lieu de partir à Lyon.' },
];
