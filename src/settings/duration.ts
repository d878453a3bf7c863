/** Talk lengths as people write them. */

/** Parses `20m`, `1h30m`, `90s`, `1:30:00`, or a number of minutes, into seconds. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 && Number.isFinite(value) ? Math.round(value * 60) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const units = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?)?)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in(?:utes?)?)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec(?:onds?)?)?)?$/.exec(text);
  if (units && (units[1] || units[2] || units[3])) {
    const seconds = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
    return seconds > 0 ? Math.round(seconds) : undefined;
  }
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 60);
  return undefined;
}
