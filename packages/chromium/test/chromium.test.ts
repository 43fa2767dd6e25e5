import { existsSync } from 'node:fs';
import { chromiumLaunchOptions, chromiumPath, CHROMIUM_FLAGS } from '../src';

describe('the system Chromium', () => {
  it('is /usr/bin/chromium unless CHROMIUM_PATH says otherwise', () => {
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
    // An empty variable (as `CHROMIUM_PATH= npm test` leaves it) does not count as a path.
    expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe('/usr/bin/chromium');
  });

  it('starts headless without sandbox or GPU, with any extra flags after the shared ones', () => {
    const options = chromiumLaunchOptions(['--window-size=800,600']);
    expect(options.headless).toBe(true);
    expect(options.args).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu']));
    expect(options.args.at(-1)).toBe('--window-size=800,600');
    expect(options.args.slice(0, -1)).toEqual([...CHROMIUM_FLAGS]);
  });

  it('is installed on this machine where the default says', () => {
    // The browser tests and the PDF/PNG exports need it; a clear failure here says why they would fail.
    expect(existsSync(chromiumPath())).toBe(true);
  });
});
