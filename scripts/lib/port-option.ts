/** A `--port` value: a whole number from 1 to 65535, or the one line saying why not. */
export function parsePortOption(text: string): { port: number } | { problem: string } {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port >= 1 && port <= 65535 ? { port } : { problem: `--port must be a whole number from 1 to 65535, not "${text}"` };
}
