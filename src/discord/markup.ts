/**
 * Discord's markup that names no word of a question: mentions of users, roles
 * and channels (`<@123>`, `<@&123>`, `<#123>`), `@everyone` and `@here`, custom
 * emoji (`<:name:123>`), timestamps (`<t:1700000000:R>`) and command mentions
 * (`</ask:123>`). Left in, each is a word the article lacks, which lowers the
 * answer's confidence or makes a question look like a follow-up.
 */
const MARKUP = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?|\/[\w -]+:\d+)>|@(?:everyone|here)\b/g;

/** A question as typed in Discord, without its mentions, custom emoji and timestamps. */
export function withoutMarkup(question: string): string {
  return question.replace(MARKUP, ' ').replace(/\s+/g, ' ').trim();
}
