import { CimError, ErrorCodes } from '@cim/common/client';
import type { CimClient } from '@cim/client';

/**
 * Connects, creating the account on first use so `cim chat <name>` just works for a newcomer.
 * The route answers CIM_ERR_BAD_CREDENTIALS alike for an unknown name and a wrong password (so
 * names cannot be probed); trying to register tells the two apart.
 */
export async function connectOrRegister(
  client: CimClient,
  userName: string,
  password: string,
  signal?: AbortSignal,
): Promise<{ registered: boolean }> {
  try {
    await client.connect(signal);
    return { registered: false };
  } catch (err) {
    if (!(err instanceof CimError) || err.code !== ErrorCodes.BAD_CREDENTIALS) throw err;
  }
  try {
    await client.api.register(userName, password, signal);
  } catch (err) {
    if (err instanceof CimError && err.code === ErrorCodes.USER_EXISTS) {
      throw new CimError(ErrorCodes.BAD_CREDENTIALS, `wrong password for ${userName}`);
    }
    throw err;
  }
  await client.connect(signal);
  return { registered: true };
}
