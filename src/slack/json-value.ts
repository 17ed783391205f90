import type { z } from 'zod';

/** A JSON string we wrote into a button or option value, read back; undefined if tampered with or too long. */
export function parseJsonValue<T>(schema: z.ZodType<T>, value: unknown, maxLength = 2000): T | undefined {
  if (typeof value !== 'string' || value.length > maxLength) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
