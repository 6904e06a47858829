// Errors that end a run with exit code 2: bad arguments, paths, configs. One line, no stack.

/** A run that cannot be done (contract exit code 2). The message is shown as one line on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
