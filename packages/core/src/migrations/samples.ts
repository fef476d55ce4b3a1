// Realistic, fictitious source files for the demo, the tests and the benchmark: a social-housing
// tenants' export as Excel writes it on Windows (Windows-1252, `;`, dd/mm/yyyy, decimal commas),
// with a chosen share of bad rows (impossible dates, bad postal codes, missing rents, bad e-mails).
import type { TargetColumn, CrossRule } from "./rules.ts";

const FIRST = [
  "Élise",
  "Léo",
  "Chloé",
  "Noé",
  "Inès",
  "Gaël",
  "Maëlle",
  "Jérôme",
  "Anaïs",
  "Loïc",
  "Zoé",
  "Théo",
  "Célia",
  "Rémi",
  "Agathe",
  "Bastien",
];
const LAST = [
  "Garnier",
  "Lemoine",
  "Fabre",
  "Roussel",
  "Marchand",
  "Berthier",
  "Collin",
  "Perrin",
  "Vidal",
  "Gauthier",
  "Morel",
  "Chevalier",
  "Lacroix",
  "Huet",
  "Renaud",
  "Brunet",
];
const STREETS = [
  "rue des Tilleuls",
  "avenue de la Gare",
  "place du Marché",
  "chemin des Vignes",
  "allée des Peupliers",
  "rue Émile-Zola",
];

export const TENANT_COLUMNS: TargetColumn[] = [
  {
    name: "reference",
    label: "Référence locataire",
    type: "text",
    required: true,
    maxLength: 20,
    unique: true,
  },
  { name: "nom", label: "Nom", type: "text", required: true, maxLength: 80 },
  { name: "prenom", label: "Prénom", type: "text", required: true, maxLength: 80 },
  { name: "date_naissance", label: "Date de naissance", type: "date", required: false },
  { name: "email", label: "Courriel", type: "email", required: false },
  { name: "telephone", label: "Téléphone", type: "phone", required: false },
  { name: "adresse", label: "Adresse", type: "text", required: true, maxLength: 200 },
  { name: "code_postal", label: "Code postal", type: "postal_code", required: true },
  { name: "code_insee", label: "Code INSEE", type: "insee", required: true },
  {
    name: "type_logement",
    label: "Type de logement",
    type: "enum",
    required: true,
    values: ["T1", "T2", "T3", "T4", "T5"],
  },
  { name: "date_entree", label: "Date d'entrée", type: "date", required: true },
  { name: "date_sortie", label: "Date de sortie", type: "date", required: false },
  { name: "loyer", label: "Loyer mensuel", type: "amount", required: true },
  { name: "apl", label: "Bénéficiaire APL", type: "boolean", required: false },
];
export const TENANT_RULES: CrossRule[] = [{ kind: "date_order", from: "date_entree", to: "date_sortie" }];

/** The headers as the partner's software exports them (not the template's names: the mapping matters). */
export const TENANT_HEADERS = [
  "N° locataire",
  "NOM",
  "Prénom",
  "Né(e) le",
  "E-mail",
  "Tél.",
  "Adresse",
  "CP",
  "Code INSEE",
  "Type logement",
  "Date entrée",
  "Date sortie",
  "Loyer",
  "APL",
];

const pad = (n: number) => String(n).padStart(2, "0");

/** Line `i` (0-based) of a tenants' file; `bad` picks which error it carries (0: none). */
export function tenantLine(i: number, bad: number): string {
  const f = FIRST[i % FIRST.length]!;
  const l = LAST[(i * 7) % LAST.length]!;
  const birth = `${pad((i % 28) + 1)}/${pad((i % 12) + 1)}/${1950 + (i % 50)}`;
  const entry = `${pad(((i * 3) % 28) + 1)}/${pad(((i * 5) % 12) + 1)}/${2005 + (i % 18)}`;
  const exit = i % 9 === 0 ? `${pad(((i * 3) % 28) + 1)}/${pad(((i * 5) % 12) + 1)}/2024` : "";
  const rent = `${300 + (i % 500)},${pad(i % 100)}`;
  const cols = [
    `LOC-${String(i + 1).padStart(7, "0")}`,
    l.toUpperCase(),
    f,
    birth,
    `${f}.${l}${i}@exemple.fr`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase(),
    `06 ${pad(i % 100)} ${pad((i >> 3) % 100)} ${pad((i >> 5) % 100)} ${pad((i >> 7) % 100)}`,
    i % 17 === 0
      ? `"${(i % 90) + 1} ${STREETS[i % STREETS.length]!}\nBâtiment B"`
      : `${(i % 90) + 1} ${STREETS[i % STREETS.length]!}`,
    "38150",
    "38544",
    `T${(i % 5) + 1}`,
    entry,
    exit,
    rent,
    i % 3 === 0 ? "Oui" : "Non",
  ];
  if (bad === 1) cols[10] = "31/02/2021";
  if (bad === 2) cols[7] = "3815";
  if (bad === 3) cols[12] = "";
  if (bad === 4) cols[4] = "sans-arobase.exemple.fr";
  if (bad === 5) cols[9] = "T9";
  return cols.join(";");
}

/** A whole small file as text (CRLF, like Excel). `badEvery`: one bad row every N (0: none). */
export function tenantFile(rows: number, badEvery = 0, offset = 0): string {
  const lines = [TENANT_HEADERS.join(";")];
  for (let i = 0; i < rows; i++)
    lines.push(
      tenantLine(
        i + offset,
        badEvery && i % badEvery === badEvery - 1 ? (Math.floor(i / badEvery) % 5) + 1 : 0,
      ),
    );
  return `${lines.join("\r\n")}\r\n`;
}

export const USER_COLUMNS: TargetColumn[] = [
  { name: "identifiant", label: "Identifiant", type: "text", required: true, maxLength: 40, unique: true },
  { name: "civilite", label: "Civilité", type: "enum", required: true, values: ["M.", "Mme"] },
  { name: "nom", label: "Nom", type: "text", required: true, maxLength: 80 },
  { name: "prenom", label: "Prénom", type: "text", required: true, maxLength: 80 },
  { name: "email", label: "Courriel", type: "email", required: true },
  { name: "telephone", label: "Téléphone", type: "phone", required: false },
  { name: "date_naissance", label: "Date de naissance", type: "date", required: false },
  { name: "code_postal", label: "Code postal", type: "postal_code", required: true },
  { name: "siret_employeur", label: "SIRET employeur", type: "siret", required: false },
];

export function userFile(rows: number): string {
  const lines = [
    "Identifiant,Civilité,Nom,Prénom,Email,Téléphone,Date de naissance,Code postal,SIRET employeur",
  ];
  for (let i = 0; i < rows; i++) {
    const f = FIRST[i % FIRST.length]!;
    const l = LAST[(i * 5) % LAST.length]!;
    lines.push(
      [
        `U${1000 + i}`,
        i % 2 ? "M." : "Mme",
        l,
        f,
        `${f}.${l}.${i}@exemple.fr`
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase(),
        `01 ${pad(i % 100)} 45 67 89`,
        `${pad((i % 28) + 1)}/${pad((i % 12) + 1)}/${1960 + (i % 40)}`,
        "38150",
        i % 4 === 0 ? "21380044300011" : "",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

export const ADDRESS_COLUMNS: TargetColumn[] = [
  {
    name: "id_point",
    label: "Identifiant du point",
    type: "text",
    required: true,
    maxLength: 30,
    unique: true,
  },
  { name: "numero", label: "Numéro", type: "integer", required: true },
  { name: "voie", label: "Voie", type: "text", required: true, maxLength: 120 },
  { name: "code_insee", label: "Code INSEE", type: "insee", required: true },
  { name: "code_postal", label: "Code postal", type: "postal_code", required: true },
  { name: "x", label: "X (Lambert 93)", type: "decimal", required: true },
  { name: "y", label: "Y (Lambert 93)", type: "decimal", required: true },
  { name: "date_creation", label: "Date de création", type: "date", required: false },
];

/** Address points with about one bad row in six (a few dozen errors in 200 rows). */
export function addressFile(rows: number): string {
  const lines = ["id_point\tnumero\tvoie\tcode_insee\tcode_postal\tx\ty\tdate_creation"];
  for (let i = 0; i < rows; i++) {
    const cols = [
      `ADR-${10000 + i}`,
      String((i % 120) + 1),
      STREETS[i % STREETS.length]!,
      "38034",
      "38320",
      `${915000 + i},${pad(i % 100)}`,
      `${6450000 + i * 3},5`,
      `${pad((i % 28) + 1)}/${pad((i % 12) + 1)}/${2010 + (i % 14)}`,
    ];
    if (i % 6 === 5) {
      const k = (i / 6) % 4;
      if (k < 1) cols[1] = "12 bis";
      else if (k < 2) cols[4] = "383200";
      else if (k < 3) cols[7] = "30/02/2019";
      else cols[0] = `ADR-${10000 + i - 1}`;
    }
    lines.push(cols.join("\t"));
  }
  return `${lines.join("\n")}\n`;
}
