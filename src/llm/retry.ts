/** Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds, or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(get: (name: string) => string | null | undefined, now = Date.now()): number | undefined {
  const ms = get('retry-after-ms');
  if (ms) {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const after = get('retry-after');
  if (!after) return undefined;
  const secs = Number(after);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(after);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
