import { readFileSync, writeFileSync } from 'node:fs';
import { README_FILE, withErrorTable } from '../src/readme-tables';

writeFileSync(README_FILE, withErrorTable(readFileSync(README_FILE, 'utf8')));
console.log(`wrote the errors table into ${README_FILE}`);
