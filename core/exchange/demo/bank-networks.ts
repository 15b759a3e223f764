/**
 * The networks of the demo fieldwork: French local productive systems and clusters, each with its
 * territory, communes, trade and the institutions its firms work with. Names are public; the
 * firms and people attached to them in demo data are invented.
 */
export interface DemoNetwork {
  readonly name: string;
  readonly territory: string;
  readonly communes: readonly string[];
  /** Département number, written as researchers write it. */
  readonly departement: string;
  /** A code of the form's `regions` list. */
  readonly region: string;
  readonly kind: 'spl' | 'cluster' | 'pole' | 'informal_network';
  readonly legalForm: 'association' | 'gie' | 'common_company' | 'ues' | 'informal';
  readonly sector: string;
  /** NAF codes of its trades, as `25.62B`. */
  readonly naf: readonly string[];
  /** Words that start a firm's name in this trade (`Décolletage`, `Verrerie`…). */
  readonly trades: readonly string[];
  readonly founded: number;
  readonly members: readonly [number, number];
  /** Schools, labs, public bodies and large ordering parties of the territory. */
  readonly institutions: readonly string[];
  readonly orderingParties: readonly string[];
  /** How often it appears in the fieldwork. */
  readonly weight: number;
}

export const demoNetworks: readonly DemoNetwork[] = [
  {
    name: 'Mont-Blanc Industries', territory: 'Vallée de l’Arve (Haute-Savoie)', departement: '74', region: 'ara',
    communes: ['Cluses', 'Scionzier', 'Marnaz', 'Thyez', 'Marignier', 'Bonneville', 'Sallanches', 'Magland'],
    kind: 'cluster', legalForm: 'association', sector: 'Décolletage et mécatronique', naf: ['25.62B', '25.62A', '28.41Z'],
    trades: ['Décolletage', 'Usinage', 'Mécanique de précision', 'Traitement de surface'], founded: 2006, members: [250, 400],
    institutions: ['Lycée Charles Poncet', 'CTDEC', 'Université Savoie Mont Blanc', 'CCI Haute-Savoie', 'Communauté de communes Cluses Arve et montagnes'],
    orderingParties: ['Somfy', 'Stellantis', 'Safran', 'Bosch', 'Valeo'], weight: 4,
  },
  {
    name: 'Uztaro', territory: 'Pays basque intérieur (Pyrénées-Atlantiques)', departement: '64', region: 'naq',
    communes: ['Hasparren', 'Ustaritz', 'Cambo-les-Bains', 'Espelette', 'Saint-Jean-Pied-de-Port', 'Mauléon-Licharre'],
    kind: 'spl', legalForm: 'association', sector: 'Agroalimentaire et savoir-faire basques', naf: ['10.13B', '10.71C', '11.02B'],
    trades: ['Conserverie', 'Salaisons', 'Fromagerie', 'Chocolaterie'], founded: 2009, members: [30, 60],
    institutions: ['Lycée agricole de Hasparren', 'Chambre d’agriculture des Pyrénées-Atlantiques', 'Communauté d’agglomération Pays basque', 'Euskal Herriko Laborantza Ganbara'],
    orderingParties: ['Biocoop', 'Carrefour', 'Leclerc'], weight: 2,
  },
  {
    name: 'Eurosima', territory: 'Côte basque et landaise', departement: '40', region: 'naq',
    communes: ['Soorts-Hossegor', 'Capbreton', 'Seignosse', 'Anglet', 'Biarritz', 'Saint-Jean-de-Luz', 'Bidart'],
    kind: 'cluster', legalForm: 'association', sector: 'Industrie de la glisse', naf: ['32.30Z', '14.19Z', '46.49Z'],
    trades: ['Surfboards', 'Atelier', 'Textile technique', 'Shape'], founded: 1999, members: [100, 150],
    institutions: ['ESTIA', 'Université de Pau et des Pays de l’Adour', 'Région Nouvelle-Aquitaine', 'Surfrider Foundation Europe'],
    orderingParties: ['Quiksilver', 'Decathlon', 'Rip Curl'], weight: 2,
  },
  {
    name: 'Pôle Bois Jura', territory: 'Haut-Jura', departement: '39', region: 'bfc',
    communes: ['Saint-Claude', 'Champagnole', 'Lons-le-Saunier', 'Moirans-en-Montagne', 'Foncine-le-Haut', 'Clairvaux-les-Lacs'],
    kind: 'pole', legalForm: 'association', sector: 'Bois, ameublement et jouet', naf: ['16.10A', '31.09B', '32.40Z'],
    trades: ['Scierie', 'Menuiserie', 'Tournerie', 'Jouets en bois'], founded: 2003, members: [40, 90],
    institutions: ['ENSTIB', 'Lycée du Bois de Mouchard', 'Parc naturel régional du Haut-Jura', 'Fibois Bourgogne-Franche-Comté'],
    orderingParties: ['Smoby', 'IKEA', 'Lapeyre'], weight: 3,
  },
  {
    name: 'Vallée de la Bresle – Glass Vallée', territory: 'Vallée de la Bresle (Seine-Maritime, Somme)', departement: '76', region: 'nor',
    communes: ['Blangy-sur-Bresle', 'Eu', 'Le Tréport', 'Gamaches', 'Aumale', 'Incheville', 'Mers-les-Bains'],
    kind: 'spl', legalForm: 'association', sector: 'Flaconnage de luxe en verre', naf: ['23.13Z', '23.19Z', '25.61Z'],
    trades: ['Verrerie', 'Décor sur verre', 'Parachèvement', 'Moules'], founded: 2000, members: [60, 75],
    institutions: ['Lycée du Vimeu', 'Institut du verre', 'Région Normandie', 'CCI Littoral Normand-Picard'],
    orderingParties: ['Chanel', 'L’Oréal', 'LVMH', 'Hermès'], weight: 3,
  },
  {
    name: 'Technic Valley', territory: 'Pays de Montbéliard (Doubs)', departement: '25', region: 'bfc',
    communes: ['Montbéliard', 'Audincourt', 'Valentigney', 'Hérimoncourt', 'Sochaux', 'Pont-de-Roide'],
    kind: 'cluster', legalForm: 'association', sector: 'Sous-traitance mécanique et automobile', naf: ['25.62B', '29.32Z', '28.99B'],
    trades: ['Mécanique', 'Emboutissage', 'Outillage', 'Soudure'], founded: 2011, members: [80, 120],
    institutions: ['UTBM', 'Pôle Véhicule du Futur', 'Pays de Montbéliard Agglomération', 'UIMM Franche-Comté'],
    orderingParties: ['Stellantis', 'Faurecia', 'Alstom'], weight: 3,
  },
  {
    name: 'Pôle Couteau de Thiers', territory: 'Bassin thiernois (Puy-de-Dôme)', departement: '63', region: 'ara',
    communes: ['Thiers', 'Courpière', 'Celles-sur-Durolle', 'Puy-Guillaume', 'Escoutoux'],
    kind: 'spl', legalForm: 'association', sector: 'Coutellerie', naf: ['25.71Z', '25.73A'],
    trades: ['Coutellerie', 'Forge', 'Émouture', 'Manches'], founded: 1998, members: [50, 80],
    institutions: ['Lycée Germaine Tillion', 'Musée de la coutellerie', 'Thiers Dore et Montagne', 'CCI Puy-de-Dôme'],
    orderingParties: ['Laguiole', 'Opinel', 'Tarrerias-Bonjean'], weight: 2,
  },
  {
    name: 'Lunetiers du Jura', territory: 'Plateau de Morez (Jura)', departement: '39', region: 'bfc',
    communes: ['Morez', 'Les Rousses', 'Morbier', 'Bellefontaine', 'Bois-d’Amont'],
    kind: 'spl', legalForm: 'association', sector: 'Lunetterie', naf: ['32.50B', '26.70Z'],
    trades: ['Lunetterie', 'Montures', 'Traitement optique', 'Charnières'], founded: 1999, members: [25, 45],
    institutions: ['Lycée Victor Bérard', 'Musée de la lunette', 'Station des Rousses'],
    orderingParties: ['Essilor', 'Krys', 'Afflelou'], weight: 2,
  },
  {
    name: 'Plastipolis', territory: 'Plastics Vallée (Ain)', departement: '01', region: 'ara',
    communes: ['Oyonnax', 'Bellignat', 'Arbent', 'Groissiat', 'Nantua', 'Izernore'],
    kind: 'pole', legalForm: 'association', sector: 'Plasturgie', naf: ['22.29A', '22.29B', '25.73A'],
    trades: ['Plasturgie', 'Moules', 'Injection', 'Outillage'], founded: 2005, members: [300, 350],
    institutions: ['Pôle européen de plasturgie', 'Lycée Arbez-Carme', 'Haut-Bugey Agglomération'],
    orderingParties: ['Renault', 'Tefal', 'Smoby', 'BIC'], weight: 3,
  },
  {
    name: 'Choletais Mode et Textile', territory: 'Choletais (Maine-et-Loire)', departement: '49', region: 'pdl',
    communes: ['Cholet', 'Le May-sur-Èvre', 'La Séguinière', 'Saint-Macaire-en-Mauges', 'Maulévrier'],
    kind: 'spl', legalForm: 'gie', sector: 'Textile et habillement enfant', naf: ['14.13Z', '13.92Z', '15.20Z'],
    trades: ['Confection', 'Tissage', 'Chaussures', 'Broderie'], founded: 1997, members: [35, 60],
    institutions: ['Lycée de la mode', 'Agglomération du Choletais', 'IFTH'],
    orderingParties: ['Catimini', 'Jacadi', 'Petit Bateau'], weight: 2,
  },
  {
    name: 'Granit du Sidobre', territory: 'Sidobre (Tarn)', departement: '81', region: 'occ',
    communes: ['Lacrouzette', 'Burlats', 'Le Bez', 'Castres', 'Saint-Salvy-de-la-Balme'],
    kind: 'spl', legalForm: 'association', sector: 'Extraction et taille du granit', naf: ['08.11Z', '23.70Z'],
    trades: ['Granits', 'Carrière', 'Marbrerie', 'Taille de pierre'], founded: 2001, members: [40, 70],
    institutions: ['Lycée professionnel de la pierre', 'Castres-Mazamet', 'Parc naturel régional du Haut-Languedoc'],
    orderingParties: ['Pompes funèbres générales', 'Eiffage', 'Vinci'], weight: 2,
  },
  {
    name: 'Pôle Européen de la Céramique', territory: 'Limousin', departement: '87', region: 'naq',
    communes: ['Limoges', 'Saint-Yrieix-la-Perche', 'Aixe-sur-Vienne', 'Feytiat', 'Panazol'],
    kind: 'pole', legalForm: 'association', sector: 'Céramique et porcelaine', naf: ['23.41Z', '23.43Z', '23.44Z'],
    trades: ['Porcelaine', 'Céramique technique', 'Émaux', 'Décor'], founded: 2004, members: [90, 130],
    institutions: ['ENSCI Limoges', 'Institut de recherche sur les céramiques', 'Limoges Métropole'],
    orderingParties: ['Bernardaud', 'Haviland', 'Safran'], weight: 2,
  },
];
