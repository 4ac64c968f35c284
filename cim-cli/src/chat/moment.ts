const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A local time as a person wants it next to a chat line: "09:05" (or "09:05:07" with seconds),
 * with the date in front when it is not the same day as `now`.
 */
export function formatMoment(ts: number, now: number, options: { seconds?: boolean } = {}): string {
  const date = new Date(ts);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${options.seconds ? `:${pad(date.getSeconds())}` : ''}`;
  if (date.toDateString() === new Date(now).toDateString()) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}
