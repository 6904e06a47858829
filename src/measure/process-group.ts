// Measure stage: the child processes still running, so none outlives importscan.
// Children run in their own process group (a timeout must reach what they spawned), which also
// means a Ctrl-C on the terminal does not reach them; so on exit or a signal we kill them here.

const running = new Set<number>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** SIGKILL a child and everything in its process group; quiet when they are already gone. */
export function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group.
  }
}

function killAll(): void {
  for (const pid of running) killGroup(pid);
  running.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  removeHandlers();
  // With no other listener, re-raise so the default action (exit) still happens.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function removeHandlers(): void {
  process.removeListener('exit', killAll);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** Remember a running child; the first one installs the exit and signal handlers. */
export function track(pid: number): void {
  if (running.size === 0) {
    process.once('exit', killAll);
    for (const signal of SIGNALS) process.once(signal, onSignal);
  }
  running.add(pid);
}

/** Forget a finished child; the last one removes the handlers. */
export function untrack(pid: number): void {
  running.delete(pid);
  if (running.size === 0) removeHandlers();
}
