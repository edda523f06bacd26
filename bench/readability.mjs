// bench/readability.mjs FILE... - the comparison point for `make bench`'s
// html stage: readability.js on linkedom's DOM over the same pages, each
// page parsed and extracted as dyad does; prints "pages N chars N".
// Installed by bench/run.sh into a scratch folder; never a dyad dependency.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

let pages = 0, chars = 0;
for (const f of process.argv.slice(2)) {
  const { document } = parseHTML(readFileSync(f, 'utf8'));
  const a = new Readability(document).parse();
  pages++;
  if (a && a.textContent) chars += a.textContent.length;
}
console.log(`pages ${pages} chars ${chars}`);
