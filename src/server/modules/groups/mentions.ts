/**
 * Mentions in thread and reply bodies. The syntax is `@{userId}`: an at sign and the member's
 * account id in braces. Names are ambiguous and change, so they are never matched; the reply
 * form offers a "notify" list of the group's members instead, and pages show each token as
 * "@Name". Only current members of the group are notified; other tokens stay plain text.
 */
const MENTION = /@\{([A-Za-z0-9_-]{1,100})\}/g;

/** The distinct user ids mentioned in a body, in order of first mention. */
export function parseMentions(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[1]!))];
}

/** A mention token for a user id, as the body parser recognises it. */
export function mentionToken(userId: string): string {
  return `@{${userId}}`;
}

export type BodyPart = { text: string } | { mention: string };

/** Splits a body into plain text and mention tokens, for rendering (the text stays escaped). */
export function splitMentions(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ mention: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
