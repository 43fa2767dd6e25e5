import { getLocation, Source } from 'graphql';
import { offsetOf } from '../src/error-locations';

describe('offsetOf', () => {
  it('turns every line and column back into the offset graphql-js reports them from', () => {
    const body = 'query Q {\r\n  a: search(query: "x")\n\n  { id }\r  b\n}';
    const source = new Source(body);
    for (let offset = 0; offset < body.length; offset++) {
      if (body[offset] === '\n' && body[offset - 1] === '\r') continue; // inside one line break
      const { line, column } = getLocation(source, offset);
      expect(offsetOf(body, line, column)).toBe(offset);
    }
  });

  it('stays within the text for a location past its end', () => {
    expect(offsetOf('{ a }', 3, 1)).toBe(5);
    expect(offsetOf('{ a }', 1, 99)).toBe(5);
  });
});
