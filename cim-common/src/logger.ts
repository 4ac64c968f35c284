import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (pino). `CIM_LOG_LEVEL` sets the level (default "info", "silent" to mute).
 * Logs go to stderr so that stdout stays free for command output (`cim tail --json`).
 */
export function createLogger(name: string, options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.CIM_LOG_LEVEL ?? 'info';
  return pino({ name, level }, options.destination ?? pino.destination(2));
}

/** A logger that drops everything (SDK default: an embedded client never writes to the console). */
export const silentLogger: Logger = pino({ level: 'silent' });
