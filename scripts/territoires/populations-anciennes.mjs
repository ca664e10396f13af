#!/usr/bin/env node
// Regenerates src/main/resources/territories/populations-anciennes.csv: the last known population of communes that
// merged since, used to weigh their figures when a file made before the merge names them separately (for example
// La Mednum's IFN scores, ADR 0008).
//
// Usage: node scripts/territoires/populations-anciennes.mjs
//   - reads src/main/resources/territories/anciens-codes.csv (former code -> current code, COG 2026);
//   - reads older versions of the npm package @etalab/decoupage-administratif (fetched with `npm pack`), newest
//     first, in which those communes were still communes of their own.
// Rule: a former code gets its population in the newest version where it is a commune-actuelle; the current
// commune that kept its code (Oullins 69149 in Oullins-Pierre-Bénite) gets its population in the newest version
// where it is a commune-actuelle while one of its former codes is still one too (before it absorbed that one).
// A code no version gives is left out: its population is unknown.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSIONS = ['3.1.1', '2.3.1', '1.1.1'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'src', 'main', 'resources', 'territories');

const formerToCurrent = readFileSync(join(out, 'anciens-codes.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(','));
const formerOf = new Map();
for (const [former, current] of formerToCurrent) {
  if (!formerOf.has(current)) formerOf.set(current, []);
  formerOf.get(current).push(former);
}

const versions = VERSIONS.map((version) => {
  const work = mkdtempSync(join(tmpdir(), 'cog-old-'));
  execFileSync('npm', ['pack', `@etalab/decoupage-administratif@${version}`, '--silent'], { cwd: work });
  execFileSync('tar', ['xzf', `etalab-decoupage-administratif-${version}.tgz`], { cwd: work });
  const communes = JSON.parse(readFileSync(join(work, 'package', 'data', 'communes.json'), 'utf8'));
  const byCode = new Map(communes.filter((c) => c.type === 'commune-actuelle' && c.population != null)
    .map((c) => [c.code, c]));
  return { version, byCode };
});

const rows = new Map();
for (const [former, current] of formerToCurrent) {
  if (former === current || rows.has(former)) continue;
  const found = versions.find((v) => v.byCode.has(former));
  if (found) rows.set(former, [former, found.byCode.get(former).nom, found.byCode.get(former).population, found.version]);
}
for (const [current, formers] of formerOf) {
  const found = versions.find((v) => v.byCode.has(current) && formers.some((f) => f !== current && v.byCode.has(f)));
  if (found) rows.set(current, [current, found.byCode.get(current).nom, found.byCode.get(current).population, found.version]);
}

const csv = (value) => (/[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
const lines = [['code', 'nom', 'population', 'version_decoupage_administratif'],
  ...[...rows.values()].sort((a, b) => a[0].localeCompare(b[0]))].map((row) => row.map(csv).join(','));
writeFileSync(join(out, 'populations-anciennes.csv'), lines.join('\n') + '\n');
console.log(`${rows.size} populations written`);
