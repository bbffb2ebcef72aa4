import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every environment variable Southbridge reads, with its default and meaning. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  BASE_URL: z.url().optional(),
  SEED_DEMO: z
    .enum(['auto', 'true', 'false', '1', '0', 'yes', 'no'])
    .default('auto')
    .transform((value) => (value === 'auto' ? 'auto' : booleanish.parse(value))),
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('Signs session cookies; generated and kept in the database when unset'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('Outgoing mail server; without it email is held in the outbox for admins to read'),
  MAIL_FROM: z.string().min(3).default('Southbridge <no-reply@southbridge.local>'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default('false')
    .transform((value) => booleanish.parse(value)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Env = z.infer<typeof EnvSchema> & { BASE_URL: string };

/** Thrown when the environment is invalid; the message is one line naming the variable. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses and validates configuration; throws EnvError naming the first bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = source[name];
    throw new EnvError(
      `Invalid environment variable ${name}${got === undefined ? '' : `=${JSON.stringify(got)}`}: ${issue.message}`,
    );
  }
  const env = result.data;
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return { ...env, BASE_URL: (env.BASE_URL ?? `http://${host}:${env.PORT}`).replace(/\/$/, '') };
}
