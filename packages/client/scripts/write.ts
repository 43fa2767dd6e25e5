import { writeFileSync } from 'node:fs';
import { GENERATED_FILE, generateTypes } from './generate';

generateTypes()
  .then((source) => {
    writeFileSync(GENERATED_FILE, source);
    console.log(`wrote ${GENERATED_FILE}`);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
