/** The slash command, as the manifest registers it: the same in every language. */
export const COMMAND = '/customertype';
