import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SCHEMA_DIR = path.join(__dirname);
export const VOCABULARY_SDL_PATH = path.join(SCHEMA_DIR, 'vocabulary.generated.graphql');

/** All SDL files of the API, in a stable order: the schema is exactly what is checked in. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
}
