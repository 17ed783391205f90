/** Slack's own rule: a signed request more than five minutes away from now is a replay, early or late. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function isFreshTimestamp(header: string | string[] | undefined, nowMs: number): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,12}$/.test(value)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(value)) <= MAX_CLOCK_SKEW_SECONDS;
}
