/**
 * The `leximap` command line on commander, generated from commandTable.ts: the parser, the help
 * and "did you mean" for a mistyped command or option. Exit codes: 0 ok, 1 error, 2 usage; one
 * line on stderr, never a stack trace. The engine is imported only when a command runs.
 */
import { Command, CommanderError, Option } from 'commander';
import { COMMAND_TABLE, type CommandSpec, type OptionSpec, type Values } from './commandTable.ts';

/** The commander option of one table entry. */
function option(spec: OptionSpec): Option {
  const made = new Option(spec.flags, spec.defaultText === undefined ? spec.help : `${spec.help} (default: ${spec.defaultText})`);
  if (spec.default !== undefined) made.default(spec.default, spec.default);
  if (spec.repeatable) made.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  if (spec.group) made.helpGroup(`${spec.group}:`);
  return made;
}

/** Commander's parsed options keyed by the long name as typed; a `--no-x` switch given is `'no-x': true`. */
function values(command: Command): Values {
  const parsed = command.opts<Record<string, string | boolean | string[] | undefined>>();
  const out: Values = {};
  for (const o of command.options) {
    const name = o.long!.slice(2);
    const value = parsed[o.attributeName()];
    if (o.negate) {
      if (value === false) out[name] = true;
    } else if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The program: one subcommand per table entry, whose action loads its module and records the exit code. */
export function program(table: readonly CommandSpec[] = COMMAND_TABLE, exit: { code: number } = { code: 0 }): Command {
  const root = new Command('leximap')
    .description('leximap — open, reproducible concept maps of qualitative text')
    .usage('COMMAND [options]')
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(true)
    .addHelpText('after', "\nRun 'leximap COMMAND --help' for the options of a command.");
  for (const spec of table) {
    const sub = root.command(spec.name).summary(spec.summary).description(spec.description).arguments(spec.args);
    for (const o of spec.options) sub.addOption(option(o));
    sub.action(async (...args: unknown[]) => {
      const self = args.at(-1) as Command;
      const positionals = (self.processedArgs as (string | string[] | undefined)[]).flatMap((a) => (a === undefined ? [] : a));
      const run = await spec.load();
      exit.code = await run(values(self), positionals);
    });
  }
  return root;
}

/** `argv` parsed as the options of the command `name`, without running it (as `leximap serve` re-runs a recorded `analyze`). */
export async function parseCommand(name: string, argv: readonly string[]): Promise<{ values: Values; positionals: string[] }> {
  const spec = COMMAND_TABLE.find((c) => c.name === name);
  if (!spec) throw new Error(`no command ${name}`);
  let parsed: { values: Values; positionals: string[] } | undefined;
  const capture: CommandSpec = { ...spec, load: async () => async (values, positionals) => ((parsed = { values, positionals }), 0) };
  await program([capture]).parseAsync([name, ...argv], { from: 'user' });
  return parsed!;
}

/** Commander's message in one line, the option or command as the user typed it, and where to read more. */
function usageLine(error: CommanderError, argv: readonly string[]): string {
  const message = error.message.replace(/^error: /, '').replace(/\n\(Did you mean (.*)\?\)/, ' (did you mean $1?)').replace(/\n/g, ' ').replace(/\.$/, '');
  const name = argv[0];
  const command = COMMAND_TABLE.some((c) => c.name === name) ? ` ${name}` : '';
  return `leximap: ${message}; see leximap${command} --help\n`;
}

/** Runs `leximap ARGV...` and returns its exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const exit = { code: 0 };
  const root = program(COMMAND_TABLE, exit);
  if (argv.length === 0) {
    root.outputHelp();
    return 2;
  }
  try {
    await root.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      process.stderr.write(usageLine(error, argv));
      return 2;
    }
    const { isLeximapError } = await import('@leximap/core');
    if (isLeximapError(error)) {
      // An option's bad value, named by the engine (`option themeSize`), is named as typed (`--theme-size`): a usage error.
      const named = error.code === 'E_OPTION' ? /^(.*?)option ([a-z][A-Za-z]*): (.*)$/.exec(error.message) : null;
      if (named) {
        process.stderr.write(`leximap: ${named[1]}--${named[2]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${named[3]}\n`);
        return 2;
      }
      process.stderr.write(`leximap: ${error.message}\n`);
      return error.code === 'E_USAGE' ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`leximap: unexpected error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
