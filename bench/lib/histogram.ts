/**
 * A latency histogram in the spirit of HdrHistogram (hdr-histogram-js is not a dependency): values
 * are microseconds, recorded into log-linear buckets with 512 sub-buckets per power of two, so every
 * percentile is exact to within 0.2 % whatever the number of samples, in a fixed 48 KiB of memory.
 * Histograms from several processes merge by adding counts (they travel over IPC as sparse pairs).
 */
const LINEAR = 1024;
const HALF = 512;
const MAX_VALUE_US = 2 ** 31 - 1; // ~36 minutes
const BUCKETS = LINEAR + (31 - 10) * HALF + HALF;

function indexOf(us: number): number {
  const v = us <= 0 ? 0 : us >= MAX_VALUE_US ? MAX_VALUE_US : Math.floor(us);
  if (v < LINEAR) return v;
  const e = 31 - Math.clz32(v) - 9; // v >> e lies in [512, 1024)
  return LINEAR + (e - 1) * HALF + ((v >>> e) - HALF);
}

/** The middle of a bucket, in microseconds. */
function valueOf(index: number): number {
  if (index < LINEAR) return index;
  const k = index - LINEAR;
  const e = Math.floor(k / HALF) + 1;
  const m = (k % HALF) + HALF;
  return (m + 0.5) * 2 ** e;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  private sum = 0;
  private maxUs = 0;

  /** Records one latency in microseconds. */
  record(us: number): void {
    this.counts[indexOf(us)]++;
    this.count++;
    this.sum += us;
    if (us > this.maxUs) this.maxUs = us;
  }

  /** Sparse form for IPC: [index, count, index, count, …] plus sum and max. */
  toJSON(): { pairs: number[]; count: number; sum: number; max: number } {
    const pairs: number[] = [];
    for (let i = 0; i < BUCKETS; i++) if (this.counts[i] > 0) pairs.push(i, this.counts[i]);
    return { pairs, count: this.count, sum: this.sum, max: this.maxUs };
  }

  merge(other: LatencyHistogram | ReturnType<LatencyHistogram['toJSON']>): this {
    const data = other instanceof LatencyHistogram ? other.toJSON() : other;
    for (let i = 0; i < data.pairs.length; i += 2) this.counts[data.pairs[i]] += data.pairs[i + 1];
    this.count += data.count;
    this.sum += data.sum;
    if (data.max > this.maxUs) this.maxUs = data.max;
    return this;
  }

  /** Latency in microseconds at quantile q (0..1). */
  percentile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(valueOf(i), this.maxUs);
    }
    return this.maxUs;
  }

  /** Percentiles in milliseconds. */
  summary(): LatencySummary {
    const ms = (us: number) => Math.round(us) / 1000;
    return {
      count: this.count,
      p50: ms(this.percentile(0.5)),
      p90: ms(this.percentile(0.9)),
      p99: ms(this.percentile(0.99)),
      p999: ms(this.percentile(0.999)),
      max: ms(this.maxUs),
      mean: this.count ? ms(this.sum / this.count) : NaN,
    };
  }
}

/** Microseconds since the epoch, from the monotonic clock (comparable across processes of one host). */
export function nowUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
