#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The `leximap` command. Exit codes: 0 ok, 1 error (one line on stderr, no stack trace), 2 usage.
 * Every command, and the engine with it, is imported only when it runs, so `leximap --help`
 * loads next to nothing.
 */

const HELP = `leximap — open, reproducible concept maps of qualitative text

Usage:
  leximap analyze PATH... [-o DIR] [options]   learn concepts and themes, write result.json and the map
  leximap compare RESULT --codes FILE [-o DIR] hold the concepts against manual codes
  leximap render RESULT --format svg|png|html  draw the map for a report
  leximap export RESULT [--format LIST]        markers, matrices, GraphML, GEXF and VOSviewer files
  leximap pathway RESULT FROM TO               the route between two concepts, with its quotes
  leximap serve [DIR]                          open the viewer on results in DIR (127.0.0.1 only)

Run 'leximap COMMAND --help' for the options of a command.
`;

type Command = (argv: string[]) => Promise<number>;

async function command(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'analyze':
      return (await import('./commands/analyze.ts')).runAnalyze;
    case 'compare':
      return (await import('./commands/compare.ts')).runCompare;
    case 'render':
      return (await import('./commands/render.ts')).runRender;
    case 'export':
      return (await import('./commands/export.ts')).runExport;
    case 'pathway':
      return (await import('./commands/pathway.ts')).runPathway;
    case 'serve':
      return (await import('./commands/serve.ts')).runServe;
    default:
      return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  const run = await command(name);
  if (!run) {
    process.stderr.write(`leximap: unknown command "${name}"\n${HELP}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (error) {
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
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      // One line: Node's own message runs to three for a value that starts with a dash.
      const dashed = /^Option '(--?[\w-]+)[^']*' argument is ambiguous/.exec(error.message);
      process.stderr.write(`leximap: ${dashed ? `${dashed[1]} needs its value after "=" when it starts with a dash (${dashed[1]}=-1)` : error.message.split('\n')[0]}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`leximap: unexpected error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
