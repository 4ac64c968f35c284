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
  /**
   * One token from each of `buckets` under `rule`, in order, as many `takeTokens` calls would (a
   * bucket named twice gives two tokens), in as few round trips as the backend allows.
   */
  takeOneEach(buckets: string[], rule: RateRule): Promise<RateVerdict[]>;
}
