// Writes loader/kb/data/countries.generated.yaml from the npm packages
// world-countries (ODbL 1.0) and i18n-iso-countries (MIT), so that names,
// ISO codes, demonyms and spellings of every country come from maintained
// data instead of being typed by hand. Curated facts (Wikidata ids, capital
// location ids, historical states, metonyms, corrections) stay in
// countries.yaml, which wins field by field when the knowledge base loads.
//
// Usage (Node 20, from this folder): npm ci && node generate.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "..", "..", "loader", "kb", "data");
const require = createRequire(import.meta.url);
const readJSON = (spec) => JSON.parse(readFileSync(require.resolve(spec), "utf8"));

const worldCountries = readJSON("world-countries/countries.json");
const englishNames = readJSON("i18n-iso-countries/langs/en.json").countries;
const version = (pkg) => readJSON(`${pkg}/package.json`).version;

// UN members come from world-countries' unMember flag, which also marks
// Vatican City (a UN observer state, like Palestine). Kosovo, Taiwan and
// Western Sahara are not UN members but act in the news as states.
const extra = new Set(["PSE", "VAT", "UNK", "TWN", "ESH"]);

// Aliases that would match the wrong thing in English news text. Each is
// dropped for every country; the reason is the comment.
const dropAliases = new Map([
  ["Island", "Icelandic for Iceland; an English word (Rhode Island, Staten Island)"],
  ["Emirates", "usually the airline; the UAE is matched by name and UAE"],
  ["Timor", "the island, shared with Indonesia; East Timor is kept"],
  ["Dominique", "a common first name (Dominique Strauss-Kahn)"],
  ["Nippon", "mostly company names (Nippon Steel, Nippon Life)"],
  ["Zhonghua", "names both the PRC and the Republic of China"],
  ["Prathet", "Thai for 'country', not a name"],
  ["Saudi", "a demonym (\"Saudi officials\"); countries.yaml lists it as one"],
  ["Thai", "the demonym, listed as one"],
  ["Togolese", "the demonym, listed as one"],
  ["Mexicanos", "the Spanish demonym, not a name"],
  ["Portuguesa", "a fragment of Portugal's official name; also a Venezuelan state"],
  ["Lao", "the people and language more often than the state; Laos is matched by name"],
  ["the Abode of Peace", "a fragment of Brunei's official name, not a name"],
  ["RSA", "mostly the cipher and companies, not South Africa"],
  ["Republic of China", "matches inside \"People's Republic of China\""],
]);

// Demonyms dropped for the same reason.
const dropDemonyms = new Map([
  ["Georgians", "as often the people of the US state; countries.yaml lists only Georgian"],
]);

// countries.yaml is read only for id, name and wikidata by ISO code, so the
// generated entries use the same ids (other files refer to them) and names.
// The file is block-style YAML with one "- id:" per entry; anything else is
// an error here rather than a silently unmatched country.
function readCurated(path) {
  const entries = [];
  let cur = null;
  const value = (s) => s.replace(/\s+#.*$/, "").trim().replace(/^"(.*)"$/, "$1");
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    let m;
    if ((m = line.match(/^- id:\s*(.+)$/))) {
      cur = { id: value(m[1]) };
      entries.push(cur);
    } else if (/^-/.test(line)) {
      throw new Error(`${path}: cannot read "${line}": want block-style "- id:" entries`);
    } else if (cur && (m = line.match(/^\s+(name|wikidata|iso2|iso3):\s*(.*)$/))) {
      cur[m[1]] = value(m[2]);
    }
  }
  const byCode = new Map();
  for (const c of entries) {
    for (const code of [c.iso3, c.iso2]) {
      if (code) byCode.set(code, c);
    }
  }
  return byCode;
}

// kebab turns a common name into an id: "São Tomé and Príncipe" ->
// "sao-tome-and-principe", "Côte d'Ivoire" -> "cote-divoire".
function kebab(name) {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// region uses countries.yaml's vocabulary (the Americas split into North and
// Central America, Caribbean and South America; Western Asia into Caucasus
// and Middle East) so merged entries do not mix two schemes. The package's
// own subregion is kept as is.
function region(c) {
  if (c.region === "Americas") return c.subregion;
  if (c.subregion === "Western Asia") {
    return ["ARM", "AZE", "GEO"].includes(c.cca3) ? "Caucasus" : "Middle East";
  }
  return c.region;
}

const latin = /^[\p{Script=Latin}\p{M}0-9 .,'’‘()\-&]+$/u;

// aliasCandidates lists every spelling the packages give, cleaned: catalogue
// forms ("Korea, Republic of") never occur in running text, "X (Y)" is
// reduced to X ("Holy See"), non-Latin scripts never occur in English news,
// and all-lowercase entries would match in any case ("ilaṅkai").
function aliasCandidates(c) {
  const raw = [
    c.name.common,
    c.name.official,
    ...c.altSpellings,
    ...[].concat(englishNames[c.cca2] ?? []),
  ];
  const out = [];
  for (let s of raw) {
    s = s.replace(/\s*\([^)]*\)$/, "").trim();
    if (s.length < 3 || s === s.toLowerCase() || s.includes(",") || !latin.test(s)) continue;
    out.push(s);
  }
  return out;
}

// demonyms gives world-countries' demonyms: "Antiguan, Barbudan" and
// "Kittitian or Nevisian" are two each.
function demonyms(c) {
  const d = c.demonyms?.eng ?? {};
  return [d.m, d.f].flatMap((s) => (s ?? "").split(/,\s*|\s+or\s+/)).filter(Boolean);
}

// plurals adds each demonym's plural where it is regular: Russian ->
// Russians, Iraqi -> Iraqis, Cypriot -> Cypriots, Icelander -> Icelanders.
// Swiss, Chinese or Burmese have none, and hyphenated forms (I-Kiribati,
// Ni-Vanuatu) are left alone.
function plurals(ds) {
  return ds.flatMap((d) => (/(an|i|ot|er|ine|ino|ar)$/.test(d) && !d.includes("-") ? [d, d + "s"] : [d]));
}

const uniq = (xs) => [...new Set(xs)];

function main() {
  const curatedPath = join(dataDir, "countries.yaml");
  const curated = readCurated(curatedPath);
  const chosen = worldCountries.filter((c) => c.unMember || extra.has(c.cca3));

  const entries = chosen.map((c) => {
    const cur = curated.get(c.cca3) ?? curated.get(c.cca2);
    const name = cur?.name || c.name.common;
    const aliases = uniq(aliasCandidates(c)).filter((a) => a !== name && !dropAliases.has(a));
    return {
      c,
      id: cur?.id || `country:${kebab(c.name.common)}`,
      name,
      wikidata: cur?.wikidata || "",
      iso2: c.cca2,
      // Kosovo's "UNK" is a UN code, not ISO 3166-1 (which has none for it).
      iso3: c.cca3 === "UNK" ? "" : c.cca3,
      aliases,
      // A demonym that is the name or an alias ("Djibouti", "Vatican") stays
      // a name only: as a demonym the extractor would read it as a modifier.
      demonyms: plurals(uniq(demonyms(c)).filter((d) => d !== name && !aliases.includes(d)))
        .filter((d) => !dropDemonyms.has(d)),
    };
  });

  // A spelling or demonym given for two countries ("Congo", "Dominican",
  // "Congolese") names neither for sure, so neither gets it.
  const count = (field) => {
    const n = new Map();
    for (const e of entries) for (const s of e[field]) n.set(s, (n.get(s) ?? 0) + 1);
    return n;
  };
  const aliasN = count("aliases");
  const demonymN = count("demonyms");
  const dropped = new Set();
  for (const e of entries) {
    for (const a of e.aliases) if (aliasN.get(a) > 1) dropped.add(`alias ${a}`);
    for (const d of e.demonyms) if (demonymN.get(d) > 1) dropped.add(`demonym ${d}`);
    e.aliases = e.aliases.filter((a) => aliasN.get(a) === 1);
    e.demonyms = e.demonyms.filter((d) => demonymN.get(d) === 1);
  }

  const ids = new Set();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`two countries map to ${e.id}`);
    ids.add(e.id);
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Every string is JSON-quoted, which is valid YAML, so "NO" (Norway) and
  // "ON" stay strings and no name can break the syntax.
  const q = JSON.stringify;
  const lines = [
    "# GENERATED by scripts/kb-countries/generate.mjs. Do not edit: put",
    "# additions and corrections in countries.yaml, which wins field by field",
    "# (lists are joined) when the knowledge base is loaded. To regenerate:",
    "#   cd scripts/kb-countries && npm ci && node generate.mjs",
    "#",
    `# Sources: world-countries ${version("world-countries")} (https://github.com/mledoze/countries),`,
    `#          i18n-iso-countries ${version("i18n-iso-countries")} langs/en.json (MIT)`,
    "#",
    "# Derived from world-countries by Mohammed Le Doze, ODbL 1.0",
    "# (https://opendatacommons.org/licenses/odbl/1.0/). This derived table is",
    "# likewise made available under the Open Database License 1.0.",
    "",
  ];
  for (const e of entries) {
    lines.push(`- id: ${q(e.id)}`, `  name: ${q(e.name)}`);
    if (e.wikidata) lines.push(`  wikidata: ${q(e.wikidata)}`);
    lines.push(
      `  iso2: ${q(e.iso2)}`,
      `  iso3: ${q(e.iso3)}`,
      `  region: ${q(region(e.c))}`,
      `  subregion: ${q(e.c.subregion ?? "")}`,
      // The first capital is the seat of government (South Africa: Pretoria).
      `  capital_name: ${q(e.c.capital?.[0] ?? "")}`,
      `  aliases: [${e.aliases.map(q).join(", ")}]`,
      `  demonyms: [${e.demonyms.map(q).join(", ")}]`,
      "",
    );
  }
  const outPath = join(dataDir, "countries.generated.yaml");
  writeFileSync(outPath, lines.join("\n"));

  const matched = entries.filter((e) => curated.get(e.c.cca3) ?? curated.get(e.c.cca2)).length;
  console.log(`wrote ${relative(process.cwd(), outPath)}: ${entries.length} countries ` +
    `(${chosen.filter((c) => c.unMember && c.cca3 !== "VAT").length} UN members), ` +
    `${matched} matched to countries.yaml`);
  if (dropped.size) console.log(`dropped as shared by two countries: ${[...dropped].sort().join("; ")}`);
}

main();
