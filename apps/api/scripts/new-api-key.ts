/**
 * Prints a new API key and the entry that grants it, for STEPPE_AUTH_CONFIG's `apiKeys`:
 *   npm run auth:new-key -w @steppe/api -- <name> [graph …] [--export]
 * The key is shown once; only its SHA-256 goes into the configuration.
 */
import { newApiKey } from '../src/auth';

const args = process.argv.slice(2);
const exporting = args.includes('--export');
const [name, ...graphs] = args.filter((a) => a !== '--export');
if (!name) {
  console.error('Usage: npm run auth:new-key -w @steppe/api -- <name> [graph …] [--export]');
  process.exit(2);
}
const { key, sha256 } = newApiKey();
console.log(`API key for "${name}" (give it to its holder; it is not stored anywhere):\n\n  ${key}\n`);
console.log('Add this entry to "apiKeys" in the file STEPPE_AUTH_CONFIG names:\n');
console.log(JSON.stringify({ name, sha256, graphs: graphs.length > 0 ? graphs : ['steppe'], export: exporting }, null, 2));
