import type { ApiFailure } from './api.ts';

/** Thrown by a service to fail an operation with a message meant for the user. */
export class OperationError extends Error {
  constructor(
    readonly code: ApiFailure['code'],
    message: string,
    readonly problems?: ApiFailure['problems'],
  ) {
    super(message);
    this.name = 'OperationError';
  }
}
