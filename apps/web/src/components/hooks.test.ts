import { SteppeApiError } from '../api/client';
import { healthReducer } from './hooks';

const url = 'http://api.test/graphql';
const down = new SteppeApiError('unreachable', `Can't reach the Steppe API at ${url}.`, url);
const dbDown = new SteppeApiError('unavailable', 'The graph database is unavailable right now.', url);
const badInput = new SteppeApiError('graphql', 'Limit exceeded', url);

describe('healthReducer', () => {
  const healthy = { outage: null, recoveries: 0 };

  it('records an outage for failures that may pass, not for bad requests', () => {
    expect(healthReducer(healthy, down)).toEqual({ outage: down, recoveries: 0 });
    expect(healthReducer(healthy, dbDown).outage).toBe(dbDown);
    expect(healthReducer(healthy, badInput)).toBe(healthy);
  });

  it('counts a recovery when a request succeeds during an outage, and only then', () => {
    const out = healthReducer(healthy, down);
    const back = healthReducer(out, 'ok');
    expect(back).toEqual({ outage: null, recoveries: 1 });
    expect(healthReducer(back, 'ok')).toBe(back);
  });
});
