import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.ts';

describe('enrolment profile download', () => {
  let test: TestServer;

  beforeAll(async () => {
    test = await startTestServer({ provisioning: 'custom', rules: { products: ['iPhone*'], minRsaBits: 2048, requireDeviceCa: false, challengeLifetimeMinutes: 1 } });
  });

  afterAll(async () => {
    await test.stop();
    test.cleanup();
  });

  it('logs a one-minute lifetime in singular', async () => {
    const response = await fetch(test.server.enrolUrl);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(test.server.log.recent(1)[0].reason).toBe('enrolment profile with a new single-use challenge, valid 1 minute');
  });
});
