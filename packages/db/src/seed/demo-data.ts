// Fictitious demo data: the "Métropole du Val d'Orlène" and its partners. Every name, number and
// address here is invented; SIRETs are generated with a valid Luhn key, INSEE codes do not exist.
import type { BodyKind, Role } from "../../generated/prisma/client.ts";

export interface DemoBody {
  ref: string;
  legalName: string;
  kind: BodyKind;
  sirenBase: string; // 8 digits; SIRET = base + key digit (SIREN) + NIC (5 digits) + Luhn key
  inseeCode?: string;
  population?: number;
  communeRef?: string;
  city: string;
  postalCode: string;
  addressLine: string;
  dpo?: { name: string; email: string };
}

export const demoBodies: DemoBody[] = [
  {
    ref: "provider",
    legalName: "Métropole du Val d'Orlène — Direction des systèmes d'information",
    kind: "provider",
    sirenBase: "20990001",
    city: "Orlène",
    postalCode: "45900",
    addressLine: "1 place de la Métropole",
    dpo: { name: "Claire Vasseur", email: "dpo@val-orlene.example" },
  },
  {
    ref: "saint-aubin",
    legalName: "Commune de Saint-Aubin-des-Vignes",
    kind: "commune",
    sirenBase: "21990101",
    inseeCode: "45901",
    population: 12480,
    city: "Saint-Aubin-des-Vignes",
    postalCode: "45910",
    addressLine: "2 rue de la Mairie",
    dpo: { name: "Claire Vasseur", email: "dpo@val-orlene.example" },
  },
  {
    ref: "bellerive",
    legalName: "Commune de Bellerive-sur-Orlène",
    kind: "commune",
    sirenBase: "21990102",
    inseeCode: "45902",
    population: 8315,
    city: "Bellerive-sur-Orlène",
    postalCode: "45920",
    addressLine: "Place du Général-Marceau",
  },
  {
    ref: "montclair",
    legalName: "Commune de Montclair",
    kind: "commune",
    sirenBase: "21990103",
    inseeCode: "45903",
    population: 3920,
    city: "Montclair",
    postalCode: "45930",
    addressLine: "10 avenue des Tilleuls",
  },
  {
    ref: "essarts",
    legalName: "Commune des Essarts-du-Val",
    kind: "commune",
    sirenBase: "21990104",
    inseeCode: "45904",
    population: 1675,
    city: "Les Essarts-du-Val",
    postalCode: "45940",
    addressLine: "1 place de l'Église",
  },
  {
    ref: "roche-blanche",
    legalName: "Commune de Roche-Blanche",
    kind: "commune",
    sirenBase: "21990105",
    inseeCode: "45905",
    population: 987,
    city: "Roche-Blanche",
    postalCode: "45950",
    addressLine: "4 chemin du Lavoir",
  },
  {
    ref: "villeneuve",
    legalName: "Commune de Villeneuve-d'Orlène",
    kind: "commune",
    sirenBase: "21990106",
    inseeCode: "45906",
    population: 21045,
    city: "Villeneuve-d'Orlène",
    postalCode: "45960",
    addressLine: "Hôtel de ville, 5 cours Jean-Moulin",
  },
  {
    ref: "mareuil",
    legalName: "Commune de Mareuil-la-Forêt",
    kind: "commune",
    sirenBase: "21990107",
    inseeCode: "45907",
    population: 2410,
    city: "Mareuil-la-Forêt",
    postalCode: "45970",
    addressLine: "3 rue des Écoles",
  },
  {
    ref: "ccas-saint-aubin",
    legalName: "CCAS de Saint-Aubin-des-Vignes",
    kind: "ccas",
    sirenBase: "26990201",
    communeRef: "saint-aubin",
    city: "Saint-Aubin-des-Vignes",
    postalCode: "45910",
    addressLine: "2 rue de la Mairie",
  },
  {
    ref: "ccas-villeneuve",
    legalName: "CCAS de Villeneuve-d'Orlène",
    kind: "ccas",
    sirenBase: "26990202",
    communeRef: "villeneuve",
    city: "Villeneuve-d'Orlène",
    postalCode: "45960",
    addressLine: "12 rue Pasteur",
  },
  {
    ref: "ccas-bellerive",
    legalName: "CCAS de Bellerive-sur-Orlène",
    kind: "ccas",
    sirenBase: "26990203",
    communeRef: "bellerive",
    city: "Bellerive-sur-Orlène",
    postalCode: "45920",
    addressLine: "Place du Général-Marceau",
  },
  {
    ref: "cias",
    legalName: "CIAS du Val d'Orlène",
    kind: "cias",
    sirenBase: "25990301",
    communeRef: "montclair",
    city: "Montclair",
    postalCode: "45930",
    addressLine: "8 rue du Moulin",
  },
  {
    ref: "cepm",
    legalName: "Caisse d'entraide du personnel municipal de Villeneuve (CEPM)",
    kind: "association",
    sirenBase: "77990401",
    city: "Villeneuve-d'Orlène",
    postalCode: "45960",
    addressLine: "5 cours Jean-Moulin",
  },
];

export interface DemoService {
  code: string;
  name: string;
  description: string;
  lendsEquipment?: boolean;
}

export const demoServices: DemoService[] = [
  {
    code: "PELEHAS",
    name: "Pelehas mode web",
    description: "Gestion du logement social et des demandes d'attribution, en mode web.",
  },
  {
    code: "USINE-SITES",
    name: "Usine à sites",
    description: "Création et hébergement des sites internet des communes à partir de gabarits partagés.",
  },
  { code: "CARTADS", name: "Cart@DS", description: "Instruction des autorisations du droit des sols." },
  { code: "SIGMA", name: "SIG-M@", description: "Système d'information géographique mutualisé." },
  {
    code: "DPO",
    name: "DPO mutualisé",
    description: "Délégué à la protection des données partagé : registre, analyses d'impact, conseil.",
  },
  {
    code: "PRET-CYBER",
    name: "Prêt de matériel en cas de crise cyber",
    description: "Kits de postes et d'équipements réseau prêtés aux communes victimes d'une cyberattaque.",
    lendsEquipment: true,
  },
  {
    code: "E-ADMIN",
    name: "E-administration",
    description: "Démarches en ligne, parapheur et signature électronique.",
  },
  {
    code: "MARCHES",
    name: "Plateforme des marchés publics",
    description: "Profil d'acheteur mutualisé et dématérialisation des consultations.",
  },
  {
    code: "OPENDATA",
    name: "Open data",
    description: "Publication des données publiques sur le portail métropolitain (gratuit).",
  },
  {
    code: "ARCHIVAGE",
    name: "Archivage électronique à valeur probatoire",
    description: "Versement et conservation des documents et données numériques.",
  },
  {
    code: "RESEAU",
    name: "Raccordement réseau et messagerie",
    description: "Commutateur installé chez le partenaire, accès à la messagerie et à l'intranet.",
    lendsEquipment: true,
  },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  bodies: string[]; // refs; provider staff belong to the provider body
  phone?: string;
}

export const demoUsers: DemoUser[] = [
  { email: "admin@val-orlene.example", name: "Hélène Marchal", role: "admin", bodies: ["provider"] },
  { email: "manager@val-orlene.example", name: "Bruno Lefort", role: "manager", bodies: ["provider"] },
  { email: "tech@val-orlene.example", name: "Nadia Belkacem", role: "technician", bodies: ["provider"] },
  { email: "tech2@val-orlene.example", name: "Julien Perrot", role: "technician", bodies: ["provider"] },
  {
    email: "agent@saint-aubin.example",
    name: "Sophie Garnier",
    role: "agent",
    bodies: ["saint-aubin", "ccas-saint-aubin"],
  },
  { email: "agent@bellerive.example", name: "Marc Delorme", role: "agent", bodies: ["bellerive"] },
  { email: "agent@villeneuve.example", name: "Aïcha Benali", role: "agent", bodies: ["villeneuve"] },
  { email: "agent@ccas-villeneuve.example", name: "Thomas Roux", role: "agent", bodies: ["ccas-villeneuve"] },
  { email: "agent@montclair.example", name: "Élodie Fabre", role: "agent", bodies: ["montclair", "cias"] },
  { email: "agent@cepm.example", name: "Patrick Lemaire", role: "agent", bodies: ["cepm"] },
];
