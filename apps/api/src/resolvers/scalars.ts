import { GraphQLScalarType, Kind } from 'graphql';
import { isPartialDate } from '@steppe/domain';
import { userError } from '../errors';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw userError(`Invalid Date ${JSON.stringify(value)}: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2022-01-05").`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date at the precision a source gives it: YYYY, YYYY-MM or YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw userError('Invalid Date: write it as a string, e.g. "2022-01-05".');
    return parseDate(ast.value);
  },
});
