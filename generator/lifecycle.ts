import { RuntimeFailure } from '../common/errors.ts';

/** idle -> running -> draining -> stopped (stopped directly from idle when start fails). */
export type GeneratorState = 'idle' | 'running' | 'draining' | 'stopped';

export const TRANSITIONS: Readonly<Record<GeneratorState, readonly GeneratorState[]>> = {
  idle: ['running', 'stopped'],
  running: ['draining'],
  draining: ['stopped'],
  stopped: [],
};

export class Lifecycle {
  private current: GeneratorState = 'idle';

  get state(): GeneratorState {
    return this.current;
  }

  to(next: GeneratorState): void {
    if (!TRANSITIONS[this.current].includes(next)) {
      throw new RuntimeFailure(`generator cannot go from ${this.current} to ${next}`);
    }
    this.current = next;
  }
}
