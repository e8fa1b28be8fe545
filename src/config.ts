/**
 * Strata's configuration: environment variables parsed once, typed, failing fast with a message
 * that names the variable. Nothing else reads process.env.
 */
import { resolve } from 'node:path';
import { ROLES, type Role } from './domain/access.ts';
import type { OidcSettings } from './services/auth/oidc.ts';
import type { MailSettings } from './services/mail/transport.ts';

export interface Config {
  /** HTTP port. */
  port: number;
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host: string;
  /** PostgreSQL connection string; absent → embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** PGlite data folder. */
  dataDir: string;
  /** PostgreSQL pool size per process. */
  dbPoolSize: number;
  /** The plan bundle loaded into an empty database at first start; null to start empty. */
  seedDir: string | null;
  /** Workspace served by the web app and the API when none is named. */
  workspace: string;
  /** Pino log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the built web app. */
  webDir: string;
  /** The address users reach Strata at (links printed by the server), e.g. https://strata.example.org. */
  publicUrl: string;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  /** Session lifetimes. */
  sessions: { idleMinutes: number; absoluteHours: number };
  /** Institutional sign-in (OpenID Connect); null when not configured. */
  oidc: OidcSettings | null;
  /** Outgoing mail (SMTP); null when not configured: mails then stay in the outbox. */
  mail: MailSettings | null;
  /** Seconds between two runs of the scheduled jobs in `strata serve`; 0 turns the scheduler off. */
  jobsIntervalSeconds: number;
}

/** Raised when an environment variable has a value Strata cannot use. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const ROOT = resolve(import.meta.dirname, '..');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  return raw;
}

function oidc(env: NodeJS.ProcessEnv, publicUrl: string): OidcSettings | null {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return null;
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
    if (!env[name]) throw new ConfigError(name, 'is required when OIDC_ISSUER is set');
  }
  if (!/^https?:\/\//.test(issuer)) throw new ConfigError('OIDC_ISSUER', 'must be an http(s) URL');
  const role = env.OIDC_DEFAULT_ROLE ?? 'governance';
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ConfigError('OIDC_DEFAULT_ROLE', `must be one of ${ROLES.join(', ')}, got "${role}"`);
  }
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID ?? '',
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/api/v1/auth/oidc/callback`,
    defaultRole: role as Role,
    label: env.OIDC_LABEL ?? 'Institutional account',
  };
}

function mail(env: NodeJS.ProcessEnv): MailSettings | null {
  const url = env.STRATA_SMTP_URL;
  if (url === undefined || url === '') return null;
  if (!/^smtps?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError('STRATA_SMTP_URL', 'must start with smtp:// or smtps://');
  }
  const from = env.STRATA_MAIL_FROM ?? 'Strata <strata@localhost>';
  if (!from.includes('@')) throw new ConfigError('STRATA_MAIL_FROM', 'must hold an e-mail address');
  return { url, from };
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
    );
  }
  const seed = env.STRATA_SEED ?? resolve(ROOT, 'data/imt-2023-2027');
  const workspace = env.STRATA_WORKSPACE ?? 'imt';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(workspace)) {
    throw new ConfigError('STRATA_WORKSPACE', `must be a lower-case slug, got "${workspace}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const publicUrl = (env.STRATA_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl))
    throw new ConfigError('STRATA_PUBLIC_URL', 'must be an http(s) URL');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: databaseUrl(env),
    dataDir: resolve(env.STRATA_DATA_DIR ?? resolve(ROOT, '.strata/data')),
    dbPoolSize: integer(env, 'STRATA_DB_POOL', 10, 1, 200),
    seedDir: seed === 'none' ? null : resolve(seed),
    workspace,
    logLevel: logLevel as Config['logLevel'],
    webDir: resolve(env.STRATA_WEB_DIR ?? resolve(ROOT, 'dist/web')),
    publicUrl,
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    sessions: {
      idleMinutes: integer(env, 'STRATA_SESSION_IDLE_MINUTES', 60, 1, 24 * 60),
      absoluteHours: integer(env, 'STRATA_SESSION_HOURS', 12, 1, 24 * 30),
    },
    oidc: oidc(env, publicUrl),
    mail: mail(env),
    jobsIntervalSeconds: integer(env, 'STRATA_JOBS_INTERVAL_SECONDS', 60, 0, 24 * 3600),
  };
}
