// Every failure the user can see is a value with a stable code and a sentence they can act on.
export type ErrorCode =
  | 'NOT_A_DIRECTORY'
  | 'NOT_LARAVEL'
  | 'SITE_EXISTS'
  | 'SITE_NOT_FOUND'
  | 'AMBIGUOUS_SITE'
  | 'INVALID_NAME'
  | 'INVALID_PATH'
  | 'INVALID_OPTION'
  | 'WORKER_NOT_FOUND'
  | 'LAST_WORKER'
  | 'PHP_NOT_FOUND'
  | 'LOG_NOT_FOUND'
  | 'OPEN_FAILED'
  | 'REGISTRY_CORRUPT'
  | 'REGISTRY_LOCKED'
  | 'NO_USER_MANAGER'
  | 'SYSTEMCTL_MISSING'
  | 'UNIT_LOAD_FAILED'
  | 'UNIT_START_FAILED'
  | 'SYSTEMD_FAILED'
  | 'BUSY'
  | 'INVALID_REQUEST'
  | 'NOT_APPLICABLE'
  | 'FORBIDDEN'
  | 'INTERNAL';

export class ServerMarkError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ServerMarkError';
  }
}

export interface ErrorView {
  code: ErrorCode;
  message: string;
  detail?: string;
}

// Unknown errors still reach the user, tagged INTERNAL, never swallowed.
export function toErrorView(error: unknown): ErrorView {
  if (error instanceof ServerMarkError) {
    return error.detail
      ? { code: error.code, message: error.message, detail: error.detail }
      : { code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
