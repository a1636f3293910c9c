import { describe, expect, it } from 'vitest';
import { sink } from './sink.js';
import { runDeploy } from '../../src/cli/deploy.js';
import { runScript } from '../harness.js';

async function script(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = runScript(file, { env: {}, args });
  const code = await run.exited;
  return { code, ...run.output() };
}

describe('--help and bad options of the scripts outside src/cli', () => {
  it.each([
    ['bench/run.ts', 'bench'],
    ['scripts/loadtest.ts', 'loadtest'],
  ])('%s prints its usage with exit 0 for --help, and one newsbot: line with exit 2 for an unknown option', async (file, name) => {
    const help = await script(file, ['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(new RegExp(`^usage: npm run ${name} -- `));
    const bad = await script(file, ['--bogus', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(new RegExp(`^newsbot: ${name}: [^\\n]*--bogus[^\\n]*\\(usage: npm run ${name} -- [^\\n]*\\)\\n$`));
  });
});

describe('npm run deploy', () => {
  it('prints its usage for --help without asking for a token, and refuses an unknown option with exit 2', async () => {
    const stdout = sink();
    const stderr = sink();
    expect(await runDeploy(['--help'], { stdout, stderr, env: {} })).toBe(0);
    expect(stdout.text).toMatch(/^usage: npm run deploy\n/);
    expect(stderr.text).toBe('');
    const bad = sink();
    expect(await runDeploy(['--nope'], { stdout: sink(), stderr: bad, env: {} })).toBe(2);
    expect(bad.text).toMatch(/^newsbot: Unknown option '--nope' \(see --help\)\n$/);
  });
});
