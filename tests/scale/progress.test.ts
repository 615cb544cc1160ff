/** Progress for people: phase, count and elapsed time on a terminal; nothing in CI logs. */
import { describe, expect, it } from 'vitest';
import { createProgress, wantsProgress } from '../../src/cli/progress.ts';

function terminal(isTTY: boolean) {
  const output = { isTTY, text: '', write: (chunk: string) => ((output.text += chunk), true) };
  return output;
}

describe('progress', () => {
  it('is shown on a terminal outside CI', () => {
    expect(wantsProgress(terminal(true), {})).toBe(true);
  });

  it('stays quiet in CI even on a terminal', () => {
    expect(wantsProgress(terminal(true), { CI: 'true' })).toBe(false);
  });

  it('stays quiet when the output is not a terminal (a log file or a pipe)', () => {
    expect(wantsProgress(terminal(false), {})).toBe(false);
  });

  it('rewrites one line with the phase, the count and the elapsed time, then ends it with the duration', () => {
    const output = terminal(true);
    const progress = createProgress(output, true);
    progress.phase('check', '14006 files');
    progress.count(5, 10);
    progress.end();
    expect(output.text.replace(/\d+\.\d s/g, 'T s')).toBe(
      '\r\x1b[K… check 14006 files (T s)\r\x1b[K… check 14006 files 5/10 (T s)\r\x1b[K· check 14006 files 5/10: T s\n',
    );
  });

  it('prints nothing when switched off but still times every phase', () => {
    const output = terminal(false);
    const progress = createProgress(output, false);
    progress.phase('contentlayer2');
    progress.phase('astro');
    progress.end();
    expect(output.text).toBe('');
    expect(progress.timings().map((timing) => timing.phase)).toEqual(['contentlayer2', 'astro']);
  });
});
