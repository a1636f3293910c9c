import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start a real discord.js client against a loopback fake Discord.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
