import { writeFileSync } from 'node:fs';
import { generateResolverTypes, RESOLVER_TYPES_FILE } from '../src/resolvers/codegen';

generateResolverTypes()
  .then((source) => {
    writeFileSync(RESOLVER_TYPES_FILE, source);
    console.log(`wrote ${RESOLVER_TYPES_FILE}`);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
