import type { AutocompleteInteraction } from 'discord.js';
import type { Engine } from '../engine.js';
import { DISCORD_LIMITS, fitText } from '../render/fit.js';
import type { DocumentInfo } from '../types.js';

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
