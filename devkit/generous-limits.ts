import type { RouteConfig } from '@cim/route';

/*
 * Abuse limits high enough never to be reached by a test that registers, logs in and creates
 * groups quickly from one address. Tests about something else spread these into their route
 * settings; tests of the limits themselves (test/security/abuse-limits.test.ts) do not.
 */

/** For a route started in this process (`RouteService`, `startLocalCluster({ route })`). */
export const generousLimits = {
  loginsPerIpPerMinute: 1_000_000,
  loginFailuresPerAccount: 1_000_000,
  registrationsPerIpPerHour: 1_000_000,
  groupsPerUserPerHour: 1_000_000,
} satisfies Partial<RouteConfig>;

/** The same for `cim route` / `cim up` processes, as their environment variables. */
export const generousLimitEnv: Record<string, string> = {
  CIM_LOGIN_IP_LIMIT: String(generousLimits.loginsPerIpPerMinute),
  CIM_LOGIN_FAILURE_LIMIT: String(generousLimits.loginFailuresPerAccount),
  CIM_REGISTER_IP_LIMIT: String(generousLimits.registrationsPerIpPerHour),
  CIM_GROUP_CREATE_LIMIT: String(generousLimits.groupsPerUserPerHour),
};
