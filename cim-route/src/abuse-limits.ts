import { CimError, ErrorCodes } from '@cim/common';
import type { RouteConfig } from './config.js';
import type { RateRule, RouteStore } from './store/types.js';
import { foldUserName } from './store/users/user-names.js';

/** CIM_ERR_RATE_LIMITED (429) with how long to wait, which the HTTP API sends as `Retry-After`. */
export class RateLimitedError extends CimError {
  /** Whole seconds for the `Retry-After` header, at least 1. */
  readonly retryAfterSeconds: number;

  constructor(reason: string, retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(ErrorCodes.RATE_LIMITED, `${reason} (retry in ${seconds} s)`);
    this.retryAfterSeconds = seconds;
  }
}

export type AbuseLimitConfig = Pick<
  RouteConfig,
  | 'sendRatePerSec'
  | 'sendBurst'
  | 'loginsPerIpPerMinute'
  | 'loginFailuresPerAccount'
  | 'registrationsPerIpPerHour'
  | 'groupsPerUserPerHour'
>;

const MINUTE_S = 60;
/** The window of `loginFailuresPerAccount`: how long a locked account stays locked, at most. */
export const LOGIN_FAILURE_WINDOW_S = 15 * MINUTE_S;
const HOUR_S = 60 * MINUTE_S;

/** `count` at once, then refilled evenly over `seconds`. */
function perWindow(count: number, seconds: number): RateRule {
  return { burst: count, perSecond: count / seconds };
}

/**
 * The limits against abuse, counted in the store so that every route instance shares them: N
 * routes behind a load balancer allow what one would, not N times as much.
 */
export class AbuseLimits {
  private readonly rules;

  constructor(
    private readonly store: RouteStore,
    config: AbuseLimitConfig,
  ) {
    this.rules = {
      send: {
        rule: { burst: config.sendBurst, perSecond: config.sendRatePerSec },
        refusal: 'sending too fast: slow down and send again with the same clientMsgId',
      },
      loginIp: {
        rule: perWindow(config.loginsPerIpPerMinute, MINUTE_S),
        refusal: 'too many login attempts from this address',
      },
      loginFailures: {
        rule: perWindow(config.loginFailuresPerAccount, LOGIN_FAILURE_WINDOW_S),
        refusal: 'too many failed logins for this account: it is locked for now',
      },
      registration: {
        rule: perWindow(config.registrationsPerIpPerHour, HOUR_S),
        refusal: 'too many registrations from this address',
      },
      groupCreation: { rule: perWindow(config.groupsPerUserPerHour, HOUR_S), refusal: 'too many groups created' },
    } as const;
    for (const [name, { rule }] of Object.entries(this.rules)) {
      if (!(rule.burst >= 1 && rule.perSecond > 0))
        throw new Error(`the ${name} limit must be at least 1, not ${rule.burst}`);
    }
  }

  /** Counts one send of the user; throws RateLimitedError when over the rate. */
  send(userId: string): Promise<void> {
    return this.take('send', userId);
  }

  /** Counts one send of each user in turn (a user listed twice sent twice): the refusal of each send, or undefined. */
  async sendMany(userIds: string[]): Promise<(RateLimitedError | undefined)[]> {
    const { rule, refusal } = this.rules.send;
    const verdicts = await this.store.rateLimits.takeOneEach(
      userIds.map((userId) => bucketOf('send', userId)),
      rule,
    );
    return verdicts.map((v) => (v.allowed ? undefined : new RateLimitedError(refusal, v.retryAfterMs)));
  }

  registration(clientIp: string): Promise<void> {
    return this.take('registration', clientIp);
  }

  groupCreation(userId: string): Promise<void> {
    return this.take('groupCreation', userId);
  }

  /**
   * Runs a password login under the per-address limit and the per-account failure limit. The
   * failure is counted before the password is checked, so parallel guesses cannot overrun it, and
   * given back unless the password was wrong.
   */
  async login<T>(clientIp: string, userName: string, attempt: () => Promise<T>): Promise<T> {
    await this.take('loginIp', clientIp);
    const account = foldUserName(userName);
    await this.take('loginFailures', account);
    try {
      const answer = await attempt();
      await this.giveBack('loginFailures', account);
      return answer;
    } catch (err) {
      if (!(err instanceof CimError && err.code === ErrorCodes.BAD_CREDENTIALS))
        await this.giveBack('loginFailures', account);
      throw err;
    }
  }

  private async take(limit: keyof typeof this.rules, subject: string): Promise<void> {
    const { rule, refusal } = this.rules[limit];
    const verdict = await this.store.rateLimits.take(bucketOf(limit, subject), rule, 1);
    if (!verdict.allowed) throw new RateLimitedError(refusal, verdict.retryAfterMs);
  }

  private async giveBack(limit: keyof typeof this.rules, subject: string): Promise<void> {
    await this.store.rateLimits.take(bucketOf(limit, subject), this.rules[limit].rule, -1);
  }
}

function bucketOf(limit: string, subject: string): string {
  return `${limit}:${subject}`;
}
