/** A token bucket: at most `burst` tokens, refilled at `perSecond`. */
export interface RateRule {
  burst: number;
  perSecond: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When refused: how long until the tokens asked for are there (0 when allowed). */
  retryAfterMs: number;
}

/** Abuse limits, shared by every route instance on the store. */
export interface RateLimitStore {
  /**
   * Takes `cost` tokens from the token bucket `bucket` under `rule`, atomically: allowed only when
   * that many are there. A negative cost gives tokens back (never beyond the burst), always allowed.
   */
  take(bucket: string, rule: RateRule, cost?: number): Promise<RateVerdict>;
}
