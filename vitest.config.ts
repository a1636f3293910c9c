import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run, removed at the end (see test/global-tmp.ts).
    globalSetup: ['test/global-tmp.ts'],
    // End-to-end tests start a real discord.js client against a loopback fake Discord.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
