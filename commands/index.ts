import { command as ask } from './ask.js';
import { command as help } from './help.js';
import { command as library } from './library.js';
import { command as passage } from './passage.js';
import { command as search } from './search.js';
import { command as sources } from './sources.js';
import type { Command } from './types.js';

/** Every slash command, listed explicitly: the bot routes to them and `npm run deploy` registers them. */
export const commands: readonly Command[] = [ask, search, passage, sources, help, library];

export type { Command } from './types.js';
