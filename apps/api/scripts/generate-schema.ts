import { writeFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../src/schema/print-schema';

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
