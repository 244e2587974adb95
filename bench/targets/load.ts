import type { Target, TargetName } from './target';

/** Loads only the library asked for, so that a child process never holds the other one. */
export async function loadTarget(name: TargetName): Promise<Target> {
  switch (name) {
    case 'ours':
      return (await import('./ours.js')).oursTarget;
    case 'emmett':
      return (await import('./emmett.js')).emmettTarget;
  }
}
