import { afterEach, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { routeLimitOptions, routeLimits } from './options.js';

const envNames = [
  'CIM_LOGIN_IP_LIMIT',
  'CIM_LOGIN_FAILURE_LIMIT',
  'CIM_REGISTER_IP_LIMIT',
  'CIM_GROUP_CREATE_LIMIT',
  'CIM_TRUST_PROXY',
  'CIM_REQUEST_TIMEOUT_MS',
];

/** What `cim route` / `cim up` pass to the route for these arguments. */
const limitsOf = (argv: string[]) => routeLimits(routeLimitOptions(yargs(argv)).parseSync());

describe('route limit options', () => {
  afterEach(() => {
    for (const name of envNames) delete process.env[name];
  });

  it('take the abuse limits, trusted proxies and request timeout from flags', () => {
    const limits = limitsOf([
      '--login-ip-limit=5',
      '--login-failure-limit=6',
      '--register-ip-limit=7',
      '--group-create-limit=8',
      '--trust-proxy=1',
      '--request-timeout-ms=9000',
    ]);
    expect(limits).toMatchObject({
      loginsPerIpPerMinute: 5,
      loginFailuresPerAccount: 6,
      registrationsPerIpPerHour: 7,
      groupsPerUserPerHour: 8,
      trustProxy: '1',
      requestTimeoutMs: 9000,
    });
  });

  it('fall back to env vars, and leave the route defaults alone when neither is given', () => {
    expect(limitsOf([])).toMatchObject({ loginsPerIpPerMinute: undefined, trustProxy: undefined, requestTimeoutMs: undefined });
    envNames.forEach((name, i) => (process.env[name] = name === 'CIM_TRUST_PROXY' ? 'loopback' : String(i + 1)));
    expect(limitsOf([])).toMatchObject({
      loginsPerIpPerMinute: 1,
      loginFailuresPerAccount: 2,
      registrationsPerIpPerHour: 3,
      groupsPerUserPerHour: 4,
      trustProxy: 'loopback',
      requestTimeoutMs: 6,
    });
  });
});
