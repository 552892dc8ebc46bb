// tsc compiles only TypeScript; data files the modules read at run time (catalogue and suite YAML,
// lexicons, corpora) are copied beside the compiled modules so a built install needs no src/.
import { cpSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const from = path.resolve('src');
const to = path.resolve('dist/server');
const data = /\.(ya?ml|jsonl?|txt|csv)$/;
let copied = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (data.test(name)) {
      cpSync(full, path.join(to, path.relative(from, full)));
      copied++;
    }
  }
}
walk(from);
console.log(`copied ${copied} data files to dist/server`);
