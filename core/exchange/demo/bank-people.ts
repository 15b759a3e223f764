/** Invented people and firms for demo data: French names, four researchers, foreign partners. */

/** The researchers of the demo project; each covers some of the networks. */
export const demoResearchers = ['Camille Roux', 'Maite Etxeberria', 'Julien Moreau', 'Sophie Lambert'] as const;

/** Who validates completed interviews. */
export const demoCoordinator = 'Nadia Benali';

export const firstNames = [
  'Élodie', 'Jean-Pierre', 'Nathalie', 'Thierry', 'Sandrine', 'Philippe', 'Isabelle', 'Christophe', 'Valérie', 'Laurent',
  'Sylvie', 'Olivier', 'Catherine', 'Frédéric', 'Anne', 'Stéphane', 'Véronique', 'Pascal', 'Claire', 'Bruno',
  'Aurélie', 'Mathieu', 'Émilie', 'Nicolas', 'Céline', 'Guillaume', 'Hélène', 'Benoît', 'Marion', 'Yannick',
  'Agnès', 'Didier', 'Patricia', 'Gilles', 'Amaia', 'Peio', 'Maïwenn', 'Rachid', 'Karima', 'Loïc',
] as const;

export const lastNames = [
  'Perrin', 'Vuillemin', 'Mermillod', 'Pollier', 'Bouvier', 'Dupraz', 'Etcheverry', 'Iriarte', 'Larralde', 'Goyhenetche',
  'Bourgeois', 'Cretin', 'Grosjean', 'Jeunet', 'Lamy', 'Colin', 'Leroux', 'Dufour', 'Lefebvre', 'Caron',
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Moreau', 'Simon',
  'Laurent', 'Michel', 'Garcia', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Blanc', 'Guérin', 'Muller',
  'Roche', 'Chassagne', 'Tarrerias', 'Besson', 'Rousseau', 'Faure', 'Benoît', 'Gauthier', 'Barbier', 'Marchand',
  'Nguyen', 'Benali', 'Haddad', 'Da Silva', 'Ferreira', 'Lopez', 'Hoarau', 'Le Gall', 'Kerjean', 'Morvan',
] as const;

/** What follows the trade in a firm's name: a family, a place, or an invented brand. */
export const firmSuffixes = [
  'et Fils', 'Frères', 'Industrie', 'Précision', 'Atelier', 'Concept', 'Technologies', 'Création', 'Services', 'Innovation',
] as const;

export const legalSuffixes: Readonly<Record<string, string>> = {
  ei: '', eurl: 'EURL', sarl: 'SARL', sas: 'SAS', sa: 'SA', scop: 'SCOP',
};

export const foreignPartners = [
  'Bilbao Moldes', 'Präzisionsteile Schwarzwald GmbH', 'Vetri Italia SpA', 'Precision Parts Ltd', 'Moldes Leiria Lda',
  'Tornitura Lombarda', 'Swiss Decolletage SA', 'Aalborg Wood Design', 'Surf Parts Portugal', 'Ceramica Sassuolo',
] as const;

export const banks = ['Crédit Agricole', 'Banque Populaire', 'Bpifrance', 'Caisse d’Épargne', 'Crédit Mutuel', 'CIC'] as const;

export const otherPractices = [
  'Crèche interentreprises', 'Covoiturage des salariés', 'Groupement d’employeurs', 'Mutualisation du gardiennage',
  'Salon commun à l’étranger', 'Achat groupé d’énergie',
] as const;

export const leaderRoles = [
  'Animatrice du cluster', 'Président de l’association', 'Chargé de mission de la communauté de communes',
  'Directeur du centre technique', 'Ancien dirigeant, fondateur du réseau',
] as const;
