import type { Argv } from 'yargs';

/** Flags shared by the client commands; each falls back to an env var. */
export function clientOptions<T>(y: Argv<T>) {
  return y
    .option('route', {
      type: 'string',
      describe: 'route URL (env CIM_ROUTE)',
      default: process.env.CIM_ROUTE ?? 'http://127.0.0.1:8083',
    })
    .option('device', {
      type: 'string',
      describe: 'device id: one session per user and device (env CIM_DEVICE)',
      default: process.env.CIM_DEVICE ?? 'default',
    });
}

/** The cluster secret: flag, then env; never a built-in default outside `cim up`. */
export function requireSecret(flag: string | undefined): string {
  const secret = flag ?? process.env.CIM_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error('a cluster secret of at least 16 characters is required: --secret or env CIM_SECRET');
  }
  return secret;
}

export function envInt(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : Number(value);
}
