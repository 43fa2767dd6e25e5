import { writeFileSync } from 'node:fs';
import { VOCABULARY_SDL_PATH } from '../src/schema/load-schema';
import { vocabularySdl } from '../src/schema/vocabulary-sdl';

writeFileSync(VOCABULARY_SDL_PATH, vocabularySdl());
console.log(`wrote ${VOCABULARY_SDL_PATH}`);
