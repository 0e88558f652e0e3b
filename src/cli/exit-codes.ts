/**
 * The exit-code contract every `svm` command keeps, and the paragraph each `--help` ends with.
 * A script can rely on it: 0 only when something was checked and everything checked held.
 */
export const EXIT = {
  /** Everything selected was checked and held. */
  held: 0,
  /** Something checked failed, or could not be decided (unknown, or a pass only within bounds). */
  failed: 1,
  /** A usage or input error, including a selection that matched nothing. */
  usage: 2,
  /** Stopped by Ctrl-C (SIGINT): 128 + the signal's number, as shells report it. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes (every svm command):
  0  everything selected was checked and held
  1  a check failed, or was unknown or held only within bounds
  2  usage or input error, including a selection that matched nothing`;
