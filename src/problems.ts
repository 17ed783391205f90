/**
 * A failure a person fixes by editing something (the environment, a playbook, DATABASE_PATH):
 * one line per problem, and an optional pointer to where it is explained. Start-up and the CLI
 * print these lines and stop, without a stack trace.
 */
export class ProblemsError extends Error {
  constructor(
    readonly problems: string[],
    readonly hint?: string,
  ) {
    super(problems.join('\n'));
    this.name = new.target.name;
  }
}
