import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every test's temporary folders go under one folder made for the run, removed
 * when the run ends: a test that forgets to clean up leaves nothing behind. The
 * workers inherit `TMPDIR`, which `os.tmpdir()` reads.
 */
export default function setup(): () => void {
  // Short: error messages quote paths up to 80 characters, and tests read the file names at their end.
  const root = mkdtempSync(join(tmpdir(), 'nb-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
