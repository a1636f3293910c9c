/**
 * Discord's message limits, enforced the way Discord enforces them (400 + error body), so an
 * end-to-end test catches an answer that is too long or a malformed button before production does.
 * Only the limits a text bot realistically hits are checked.
 */
import { isRecord } from './json.js';

/** A Discord error response: HTTP status plus the JSON error body (`code`, `message`, `errors`). */
export interface DiscordError {
  readonly status: number;
  readonly json: { code: number; message: string; errors?: unknown };
}

interface FieldError {
  readonly path: ReadonlyArray<string | number>;
  readonly code: string;
  readonly message: string;
}

const EMBED_TOTAL_LIMIT = 6000;

/**
 * `requireContent`: creating a message (reply, follow-up) must leave something visible; edits need not.
 * `prefix`: where the message sits in the request body (`['data']` for interaction callbacks).
 */
export function validateMessageBody(
  body: unknown,
  options: { requireContent: boolean; files: number; prefix?: readonly string[] },
): DiscordError | undefined {
  const prefix = options.prefix ?? [];
  if (!isRecord(body)) return invalidForm([{ path: prefix, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' }]);
  const errors: FieldError[] = [];

  if (body.content !== undefined && body.content !== null) {
    if (typeof body.content !== 'string') errors.push({ path: ['content'], code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
    else maxLength(errors, ['content'], body.content, 2000);
  }

  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) errors.push(tooMany(['embeds'], 10));
  let embedChars = 0;
  embeds.forEach((embed: unknown, i) => {
    if (!isRecord(embed)) return;
    embedChars += text(embed.title).length + text(embed.description).length;
    maxLength(errors, ['embeds', i, 'title'], embed.title, 256);
    maxLength(errors, ['embeds', i, 'description'], embed.description, 4096);
    if (isRecord(embed.footer)) {
      embedChars += text(embed.footer.text).length;
      maxLength(errors, ['embeds', i, 'footer', 'text'], embed.footer.text, 2048);
    }
    if (isRecord(embed.author)) {
      embedChars += text(embed.author.name).length;
      maxLength(errors, ['embeds', i, 'author', 'name'], embed.author.name, 256);
    }
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > 25) errors.push(tooMany(['embeds', i, 'fields'], 25));
    fields.forEach((field: unknown, j) => {
      if (!isRecord(field)) return;
      embedChars += text(field.name).length + text(field.value).length;
      required(errors, ['embeds', i, 'fields', j, 'name'], field.name);
      required(errors, ['embeds', i, 'fields', j, 'value'], field.value);
      maxLength(errors, ['embeds', i, 'fields', j, 'name'], field.name, 256);
      maxLength(errors, ['embeds', i, 'fields', j, 'value'], field.value, 1024);
    });
  });
  if (embedChars > EMBED_TOTAL_LIMIT) {
    errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${EMBED_TOTAL_LIMIT}` });
  }

  const components = Array.isArray(body.components) ? body.components : [];
  const isComponentsV2 = typeof body.flags === 'number' && (body.flags & (1 << 15)) !== 0;
  if (!isComponentsV2) {
    if (components.length > 5) errors.push(tooMany(['components'], 5));
    components.forEach((row: unknown, i) => validateActionRow(errors, row, i));
  }

  if (errors.length > 0) return invalidForm(errors.map((e) => ({ ...e, path: [...prefix, ...e.path] })));

  if (options.requireContent) {
    const hasContent = typeof body.content === 'string' && body.content.length > 0;
    if (!hasContent && embeds.length === 0 && components.length === 0 && options.files === 0 && body.poll === undefined) {
      return { status: 400, json: { code: 50006, message: 'Cannot send an empty message' } };
    }
  }
  return undefined;
}

function validateActionRow(errors: FieldError[], row: unknown, i: number): void {
  if (!isRecord(row) || row.type !== 1) {
    errors.push({ path: ['components', i, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (1,).' });
    return;
  }
  const children = Array.isArray(row.components) ? row.components : [];
  if (children.length === 0 || children.length > 5) {
    errors.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  }
  children.forEach((child: unknown, j) => {
    if (!isRecord(child)) return;
    const path = ['components', i, 'components', j];
    if (child.type === 2) {
      maxLength(errors, [...path, 'label'], child.label, 80);
      // Link buttons (style 5) carry a url; premium buttons (6) a sku_id; all others need a custom_id.
      if (child.style === 5) required(errors, [...path, 'url'], child.url);
      else if (child.style !== 6) required(errors, [...path, 'custom_id'], child.custom_id);
    }
    maxLength(errors, [...path, 'custom_id'], child.custom_id, 100);
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function maxLength(errors: FieldError[], path: FieldError['path'], value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function required(errors: FieldError[], path: FieldError['path'], value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
}

function tooMany(path: FieldError['path'], max: number): FieldError {
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

/** Discord nests field errors by path: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
function invalidForm(fieldErrors: readonly FieldError[]): DiscordError {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of fieldErrors) {
    let node = errors;
    for (const key of path) {
      const next = node[String(key)];
      node = isRecord(next) ? next : (node[String(key)] = {}) as Record<string, unknown>;
    }
    const list = Array.isArray(node._errors) ? node._errors : (node._errors = []);
    list.push({ code, message });
  }
  return { status: 400, json: { code: 50035, message: 'Invalid Form Body', errors } };
}

/** The registration rules that make `PUT .../commands` fail in production: names, descriptions, option order. */
export function validateCommands(body: unknown): DiscordError | undefined {
  if (!Array.isArray(body)) return invalidForm([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.forEach((command: unknown, i) => {
    if (!isRecord(command)) return;
    const chatInput = command.type === undefined || command.type === 1;
    validateCommandName(errors, [i, 'name'], command.name, chatInput);
    if (chatInput) validateDescription(errors, [i, 'description'], command.description);
    const key = `${String(command.type ?? 1)}:${text(command.name)}`;
    if (seen.has(key)) errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` });
    seen.add(key);
    validateOptions(errors, [i, 'options'], command.options);
  });
  return errors.length > 0 ? invalidForm(errors) : undefined;
}

function validateOptions(errors: FieldError[], path: FieldError['path'], options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  if (options.length > 25) errors.push(tooMany(path, 25));
  let sawOptional = false;
  options.forEach((option: unknown, j) => {
    if (!isRecord(option)) return;
    validateCommandName(errors, [...path, j, 'name'], option.name, true);
    validateDescription(errors, [...path, j, 'description'], option.description);
    if (option.required === true && sawOptional) {
      errors.push({ path: [...path, j], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (option.required !== true) sawOptional = true;
    if (Array.isArray(option.choices) && option.choices.length > 25) errors.push(tooMany([...path, j, 'choices'], 25));
    // Sub-commands (1) and groups (2) nest their own options.
    if (option.type === 1 || option.type === 2) validateOptions(errors, [...path, j, 'options'], option.options);
  });
}

function validateCommandName(errors: FieldError[], path: FieldError['path'], name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length === 0 || [...name].length > 32) {
    errors.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 32 in length.' });
  } else if (chatInput && (!/^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u.test(name) || name !== name.toLowerCase())) {
    errors.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
  }
}

function validateDescription(errors: FieldError[], path: FieldError['path'], description: unknown): void {
  if (typeof description !== 'string' || description.length === 0 || [...description].length > 100) {
    errors.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
}

/** Autocomplete results: at most 25 choices, names 1-100 characters. */
export function validateAutocompleteChoices(data: unknown): DiscordError | undefined {
  const choices = isRecord(data) && Array.isArray(data.choices) ? data.choices : undefined;
  if (!choices) return invalidForm([{ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
  const errors: FieldError[] = [];
  if (choices.length > 25) errors.push(tooMany(['data', 'choices'], 25));
  choices.forEach((choice: unknown, i) => {
    const name = isRecord(choice) ? choice.name : undefined;
    if (typeof name !== 'string' || name.length === 0 || [...name].length > 100) {
      errors.push({ path: ['data', 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    }
  });
  return errors.length > 0 ? invalidForm(errors) : undefined;
}
