import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { inject } from 'vitest';
import { withPgClient } from '../../scripts/lib/pg-client.js';
import type {} from './postgres-global-setup.js'; // the typed keys of inject()

const created: string[] = [];

function serverUrl(): string {
  const problem = inject('postgresProblem');
  if (problem) throw new Error(problem);
  const url = inject('postgresUrl');
  if (!url) throw new Error('no PostgreSQL server for this run: vitest.config.ts must list tests/helpers/postgres-global-setup.ts in globalSetup');
  return url;
}

function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(serverUrl(), work);
}

/**
 * A new, empty database on the run's PostgreSQL server, and its URL: each test file (or test)
 * gets its own tables, so files running in parallel never see each other's rows.
 */
export async function freshPostgresUrl(): Promise<string> {
  const name = `ct_${randomBytes(6).toString('hex')}`;
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every database freshPostgresUrl created in this file; call it in afterAll once its pools are closed. */
export async function dropPostgresDatabases(): Promise<void> {
  const names = created.splice(0);
  if (names.length === 0) return;
  // WITH (FORCE) ends connections a failed test left open, so one failure never cascades into this one.
  await asAdmin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
