declare const escaped: unique symbol;

/**
 * Text made safe for the markup it is going into (for Slack, `escapeMrkdwn`). A catalogue's
 * sentence that takes a playbook's, a customer's or a user's words takes them as `Escaped`, so
 * passing raw text there is a compile error and each value is escaped once, where the message is
 * built.
 */
export type Escaped = string & { readonly [escaped]: true };

/** For text we wrote ourselves (ids, numbers, a command name): nothing in it needs escaping. */
export const trusted = (text: string): Escaped => text as Escaped;
