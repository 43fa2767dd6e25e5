import path from 'node:path';
import { errorCodesMarkdown } from './error-codes';

/** The repository README, whose errors table is generated from ERROR_CODES. */
export const README_FILE = path.resolve(__dirname, '../../../README.md');

const BEGIN = /<!-- error-codes:begin[^>]*-->\n/;
const END = '<!-- error-codes:end -->';

/** The README with the table between its markers replaced by the one generated from ERROR_CODES. */
export function withErrorTable(readme: string): string {
  const begin = BEGIN.exec(readme);
  const end = readme.indexOf(END);
  if (!begin || end < begin.index) throw new Error('README.md has no error-codes markers');
  return readme.slice(0, begin.index + begin[0].length) + errorCodesMarkdown() + '\n' + readme.slice(end);
}
