import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Engine } from '../engine.js';
import { quoteValue } from '../errors.js';
import { escapeLine } from '../render/discord.js';
import { DISCORD_LIMITS, fitText } from '../render/fit.js';
import type { DocumentInfo } from '../types.js';
import { send } from './reply.js';

/**
 * What the optional `document:` option of `/ask` and `/search` limits the
 * command to: `{}` for every document, `{ documentId }` for the one it names,
 * or `undefined` after telling the user, privately, that it names nothing.
 */
export async function documentScope(interaction: ChatInputCommandInteraction, engine: Engine): Promise<{ documentId?: string } | undefined> {
  const typed = interaction.options.getString('document');
  if (typed === null) return {};
  const document = resolveDocument(engine.documents(), typed);
  if (document) return { documentId: document.id };
  const message = escapeLine(`newsbot: there is no document ${quoteValue(typed)} in this server's library`);
  await send(interaction, { content: fitText(`No such document: ${message}; \`/sources\` lists them.`, DISCORD_LIMITS.content), buttons: [] }, true);
  return undefined;
}

/**
 * The document a `document:` option names: autocomplete sends the id, but a
 * person may type a title or part of one instead. Exact id first, then an
 * exact title, then the one title or id that contains the words (case
 * ignored); `undefined` when none or several match.
 */
export function resolveDocument(documents: readonly DocumentInfo[], typed: string): DocumentInfo | undefined {
  const wanted = typed.trim();
  const lower = wanted.toLowerCase();
  const exact = documents.find((d) => d.id === wanted) ?? documents.find((d) => d.id.toLowerCase() === lower || d.title.toLowerCase() === lower);
  if (exact || lower === '') return exact;
  const partial = documents.filter((d) => d.title.toLowerCase().includes(lower) || d.id.toLowerCase().includes(lower));
  return partial.length === 1 ? partial[0] : undefined;
}

/** Autocomplete choices for a `document:` option: documents whose title or id contains what was typed, as Discord allows them. */
export function documentChoices(documents: readonly DocumentInfo[], typed: string): Array<{ name: string; value: string }> {
  const lower = typed.toLowerCase();
  return documents
    .filter((d) => d.title.toLowerCase().includes(lower) || d.id.toLowerCase().includes(lower))
    .slice(0, DISCORD_LIMITS.choices)
    .map((d) => ({ name: fitText(d.title, DISCORD_LIMITS.choiceName), value: d.id.slice(0, 100) }));
}

/** Answers autocomplete for the `document` option of a command (any other focused option gets no suggestions). */
export async function respondWithDocuments(interaction: AutocompleteInteraction, engine: Engine): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(focused.name === 'document' ? documentChoices(engine.documents(), String(focused.value)) : []);
}
