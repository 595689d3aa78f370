import type { ErrorView, Result } from '../../../main/ipc/contract';
import { getServerMarkApi, type ServerMarkApi } from './serverMarkApi';

/** Runs one API call; a missing bridge or a rejected IPC becomes an error value, never a throw. */
export async function callSafely<T>(
  call: (api: ServerMarkApi) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await call(getServerMarkApi());
  } catch (error) {
    return { ok: false, error: unexpectedError(error) };
  }
}

function unexpectedError(error: unknown): ErrorView {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
