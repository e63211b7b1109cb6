import { afterEach, describe, expect, it, vi } from 'vitest';
import { onInterrupt } from './interrupts.ts';

describe('onInterrupt', () => {
  let off: (() => void) | undefined;
  afterEach(() => off?.());

  it('stops gracefully once, ignores copies of the same Ctrl-C, aborts on a later second one', () => {
    let t = 0;
    const stop = vi.fn();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    off = onInterrupt(stop, { now: () => t });
    process.emit('SIGINT', 'SIGINT');
    t = 50;
    process.emit('SIGINT', 'SIGINT'); // relayed copy of the same keypress
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    t = 2000;
    process.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
    exit.mockRestore();
  });
});
