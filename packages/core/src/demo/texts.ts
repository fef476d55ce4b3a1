// Words of the demo history: fictitious people, and what partners report about each service.
import type { TicketCategory } from "@mutuo/db";

export const FIRST_NAMES = [
  "Camille",
  "Julie",
  "Nathalie",
  "Isabelle",
  "Sandrine",
  "Céline",
  "Valérie",
  "Laurence",
  "Amandine",
  "Mathilde",
  "Léa",
  "Chloé",
  "Inès",
  "Yasmina",
  "Fatou",
  "Karine",
  "Agnès",
  "Brigitte",
  "Martine",
  "Pascal",
  "Nicolas",
  "Stéphane",
  "Olivier",
  "Christophe",
  "Frédéric",
  "Laurent",
  "Sébastien",
  "Guillaume",
  "Mehdi",
  "Karim",
  "Hugo",
  "Théo",
  "Antoine",
  "Rémi",
  "Damien",
  "Gilles",
  "Yannick",
] as const;

export const LAST_NAMES = [
  "Morel",
  "Girard",
  "André",
  "Mercier",
  "Dupuis",
  "Lambert",
  "Bonnet",
  "François",
  "Martinez",
  "Legrand",
  "Garnier-Roy",
  "Faure",
  "Rousseau",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morin",
  "Mathieu",
  "Clément",
  "Gauthier",
  "Dumont",
  "Lopez",
  "Fontaine",
  "Chevalier",
  "Robin",
  "Masson",
  "Sanchez",
  "Boyer",
  "Denis",
  "Lemoine",
  "Brun",
  "Haddad",
  "Caron",
] as const;

export interface Problem {
  subject: string;
  description: string;
  category: TicketCategory;
  equipment?: string;
  /** The technician's diagnosis, once known. */
  diagnosis: string;
}

const P = (
  category: TicketCategory,
  subject: string,
  description: string,
  diagnosis: string,
  equipment?: string,
): Problem => ({ category, subject, description, diagnosis, equipment });

/** By service code. */
export const PROBLEMS: Record<string, Problem[]> = {
  PELEHAS: [
    P(
      "fault",
      "Pelehas ne s'ouvre plus depuis ce matin",
      "Page blanche après l'identification, sur tous les postes du service logement.",
      "Certificat du serveur applicatif expiré, renouvelé.",
    ),
    P(
      "fault",
      "Impossible d'enregistrer une demande de logement",
      "Message « erreur interne » au moment de valider le dossier d'un demandeur.",
      "Champ date de naissance mal contrôlé, correctif appliqué.",
    ),
    P(
      "request",
      "Création d'un compte pour une nouvelle agente",
      "Une instructrice arrive lundi au CCAS, merci de lui ouvrir un accès à Pelehas.",
      "Compte créé avec le profil instructeur.",
    ),
    P(
      "question",
      "Export des attributions de l'année",
      "Comment obtenir la liste des attributions de l'année pour la commission ?",
      "Export disponible dans Statistiques > Attributions, procédure envoyée.",
    ),
    P(
      "fault",
      "Lenteurs importantes sur la recherche de dossiers",
      "La recherche d'un demandeur prend plus d'une minute.",
      "Index de la base reconstruit, temps de réponse revenu à la normale.",
    ),
  ],
  "USINE-SITES": [
    P(
      "fault",
      "Le site de la mairie ne s'affiche plus",
      "Le site internet affiche une erreur 502 depuis 9 h.",
      "Conteneur du site redémarré après saturation mémoire.",
    ),
    P(
      "request",
      "Ajout d'une page « Élections »",
      "Nous souhaitons une page pour les prochaines élections avec les bureaux de vote.",
      "Page créée à partir du gabarit actualités.",
    ),
    P(
      "question",
      "Changer la photo d'accueil du site",
      "Quelle taille d'image faut-il pour la bannière d'accueil ?",
      "1920 × 600 px, format JPEG ; guide envoyé.",
    ),
    P(
      "fault",
      "Formulaire de contact qui n'envoie plus",
      "Les messages du formulaire de contact n'arrivent plus en mairie.",
      "Adresse de destination corrigée dans la configuration.",
    ),
    P(
      "request",
      "Nouveau nom de domaine pour le site",
      "La commune a acheté un nouveau nom de domaine, merci de le rattacher au site.",
      "Domaine rattaché et certificat émis.",
    ),
  ],
  CARTADS: [
    P(
      "fault",
      "Cart@DS : impossible de générer l'arrêté",
      "La génération du modèle d'arrêté de permis de construire échoue.",
      "Modèle de document corrompu, restauré depuis la sauvegarde.",
    ),
    P(
      "question",
      "Délai d'instruction affiché incorrect",
      "Le délai affiché pour une déclaration préalable semble faux.",
      "Paramétrage du délai majoré corrigé.",
    ),
    P(
      "request",
      "Accès Cart@DS pour le service urbanisme",
      "Merci de créer deux accès pour les nouveaux agents de l'urbanisme.",
      "Accès créés.",
    ),
    P(
      "fault",
      "Cadastre absent de la carte",
      "La couche cadastrale ne s'affiche plus dans Cart@DS.",
      "Flux cadastral mis à jour avec le millésime courant.",
    ),
  ],
  SIGMA: [
    P(
      "fault",
      "SIG-M@ : la carte reste grise",
      "Le fond de plan ne s'affiche plus dans SIG-M@.",
      "Service de tuiles redémarré.",
    ),
    P(
      "request",
      "Ajout de la couche des réseaux d'eau",
      "Pouvez-vous ajouter la couche des réseaux d'eau potable transmise par le syndicat ?",
      "Couche intégrée et publiée.",
    ),
    P(
      "question",
      "Imprimer une carte au format A3",
      "Comment imprimer un extrait de carte en A3 paysage ?",
      "Mode d'emploi de l'outil d'impression envoyé.",
    ),
  ],
  DPO: [
    P(
      "question",
      "Registre des traitements : nouvelle fiche",
      "Nous mettons en place la vidéoprotection, faut-il une fiche au registre ?",
      "Fiche rédigée avec la commune, analyse d'impact à prévoir.",
    ),
    P(
      "security",
      "Courriel envoyé au mauvais destinataire",
      "Un courriel contenant des données d'un administré a été envoyé à une mauvaise adresse.",
      "Violation évaluée, pas de notification CNIL nécessaire ; consignée au registre.",
    ),
    P(
      "request",
      "Demande d'accès d'un administré",
      "Un administré demande la copie de ses données, comment répondre ?",
      "Modèle de réponse et délais transmis.",
    ),
  ],
  "PRET-CYBER": [
    P(
      "security",
      "Postes chiffrés par un rançongiciel",
      "Plusieurs postes de la mairie affichent une demande de rançon.",
      "Postes isolés, kit de crise livré, réinstallation faite.",
      "Kit de crise : 10 postes, 1 commutateur, 1 pare-feu",
    ),
    P(
      "request",
      "Prêt de postes pendant la remise en état",
      "Nous avons besoin de postes de dépannage pour l'accueil.",
      "Trois postes prêtés, inventaire contradictoire signé.",
      "Postes portables de prêt",
    ),
    P(
      "question",
      "Restitution du kit de crise",
      "À quelle date pouvons-nous rendre le matériel prêté ?",
      "Restitution planifiée, procès-verbal à signer.",
    ),
  ],
  "E-ADMIN": [
    P(
      "fault",
      "Parapheur : signature impossible",
      "Le parapheur refuse la signature électronique du maire.",
      "Certificat de signature renouvelé.",
    ),
    P(
      "fault",
      "Démarche en ligne bloquée à l'étape paiement",
      "Les usagers ne peuvent plus payer la cantine en ligne.",
      "Clé du prestataire de paiement mise à jour.",
    ),
    P(
      "request",
      "Nouvelle démarche : inscription au centre de loisirs",
      "Nous souhaitons ouvrir une démarche en ligne pour les inscriptions d'été.",
      "Démarche créée et publiée.",
    ),
    P(
      "question",
      "Qui reçoit les demandes d'acte d'état civil ?",
      "Les demandes d'actes en ligne arrivent-elles au service état civil ?",
      "Circuit vérifié, destinataire confirmé.",
    ),
  ],
  MARCHES: [
    P(
      "fault",
      "Dépôt des offres impossible pour un candidat",
      "Un candidat n'arrive pas à déposer son offre, la clôture est demain.",
      "Fichier trop volumineux, limite relevée pour la consultation.",
    ),
    P(
      "request",
      "Publication d'une consultation",
      "Merci de nous aider à publier la consultation pour les travaux de voirie.",
      "Consultation publiée.",
    ),
    P(
      "question",
      "Ouverture des plis électroniques",
      "Comment ouvrir les plis après la date limite ?",
      "Procédure d'ouverture envoyée.",
    ),
  ],
  OPENDATA: [
    P(
      "request",
      "Publier le budget primitif en open data",
      "Nous voulons publier notre budget primitif sur le portail.",
      "Jeu de données publié.",
    ),
    P(
      "fault",
      "Jeu de données des horaires introuvable",
      "Le jeu de données des horaires des équipements renvoie une erreur 404.",
      "Lien de ressource corrigé.",
    ),
  ],
  ARCHIVAGE: [
    P(
      "fault",
      "Échec du versement des délibérations",
      "Le versement mensuel des délibérations est en erreur.",
      "Bordereau de versement corrigé, versement rejoué.",
    ),
    P(
      "question",
      "Durée de conservation des factures",
      "Quelle durée de conservation appliquer aux factures versées ?",
      "Règle de gestion rappelée (10 ans).",
    ),
  ],
  RESEAU: [
    P(
      "fault",
      "Plus d'accès à la messagerie en mairie",
      "Aucun poste de la mairie n'accède à la messagerie depuis ce matin.",
      "Commutateur redémarré, port d'uplink défectueux remplacé.",
      "Commutateur 24 ports installé en mairie (local technique)",
    ),
    P(
      "fault",
      "Intranet inaccessible depuis l'annexe",
      "L'annexe de la mairie n'accède plus à l'intranet.",
      "Règle du pare-feu corrigée.",
    ),
    P(
      "request",
      "Raccordement d'un nouveau bureau",
      "Un bureau est créé au premier étage, il faut deux prises réseau actives.",
      "Prises brassées et activées.",
    ),
    P(
      "fault",
      "Coupures réseau répétées",
      "Le réseau coupe plusieurs fois par jour depuis une semaine.",
      "Onduleur du local technique en fin de vie, remplacé.",
      "Commutateur 24 ports installé en mairie (local technique)",
    ),
  ],
};

export const STAFF_FIRST_REPLIES = [
  "Bonjour, nous avons bien pris en compte votre demande et nous regardons cela dès maintenant.",
  "Bonjour, merci pour votre signalement. Un technicien analyse le problème.",
  "Bonjour, nous avons reproduit le problème et travaillons à sa résolution.",
];

export const STAFF_QUESTIONS = [
  "Pourriez-vous nous envoyer une capture d'écran du message d'erreur ?",
  "Pouvez-vous nous indiquer le nom du poste concerné et l'heure du dernier essai ?",
  "Pourriez-vous nous confirmer si le problème touche tous les agents ou un seul ?",
  "Pouvez-vous nous dire à quel moment vous serez disponible pour une prise en main à distance ?",
];

export const PARTNER_ANSWERS = [
  "Bonjour, voici les éléments demandés. Merci pour votre aide.",
  "Le problème touche tous les postes du service.",
  "Je suis disponible demain matin à partir de 9 h.",
  "Ci-joint la capture d'écran, le message apparaît à chaque connexion.",
];

export const STAFF_RESOLUTIONS = [
  "Le problème est corrigé. N'hésitez pas à nous recontacter s'il se reproduit.",
  "C'est réglé de notre côté, pouvez-vous confirmer que tout fonctionne ?",
  "La demande est traitée. Bonne journée.",
];

export const INTERNAL_NOTES = [
  "Vu avec l'éditeur, correctif prévu dans la prochaine version.",
  "Même symptôme que la semaine dernière sur une autre commune : vérifier la supervision.",
  "Rappeler la secrétaire de mairie avant 17 h.",
  "Intervention sur site à planifier si la prise en main à distance échoue.",
];

export const CSAT_COMMENTS = [
  "Très réactif, merci !",
  "Problème réglé rapidement.",
  "Un peu long mais bien résolu.",
  "Merci pour les explications claires.",
  "",
];
