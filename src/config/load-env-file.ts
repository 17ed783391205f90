import { existsSync } from 'node:fs';

/** Loads `.env` into process.env when it exists; variables already set in the environment win. */
export function loadEnvFile(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
