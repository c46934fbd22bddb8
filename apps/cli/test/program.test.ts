import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '@leximap/core';
import { COMPARE_DEFAULTS } from '@leximap/compare';
import { ANALYSIS_OPTIONS, COMMAND_TABLE, COMPARE_OPTIONS, type CommandSpec, type Values } from '../src/commandTable.ts';
import { program, run } from '../src/program.ts';

const examples = resolve(import.meta.dirname, '../../../examples/interviews');

/** Runs `leximap ARGV...` in-process, with stdout and stderr captured. */
async function leximap(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await run(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

const long = (flags: string): string => /--[\w-]+/.exec(flags)![0];
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

describe('run(argv) on usage errors', () => {
  it('run([mistyped command]) exits 2 with one line that suggests the command', async () => {
    expect(await leximap('analyse', 'x')).toEqual({ code: 2, stdout: '', stderr: "leximap: unknown command 'analyse' (did you mean analyze?); see leximap --help\n" });
  });

  it('run([analyze, …, mistyped option]) exits 2 naming the option as typed, with the one meant', async () => {
    expect(await leximap('analyze', examples, '--concept', '5')).toEqual({
      code: 2,
      stdout: '',
      stderr: "leximap: unknown option '--concept' (did you mean --concepts?); see leximap analyze --help\n",
    });
    expect((await leximap('render', 'r.json', '--rotaton', '5')).stderr).toBe("leximap: unknown option '--rotaton' (did you mean --rotation?); see leximap render --help\n");
  });

  it('run(…) exits 2 with one line for a missing argument, too many arguments and an option without its value', async () => {
    for (const [argv, line] of [
      [['analyze'], "leximap: missing required argument 'paths'; see leximap analyze --help\n"],
      [['compare', 'a.json', 'b.json', '--codes', 'c.csv'], "leximap: too many arguments for 'compare'. Expected 1 argument but got 2; see leximap compare --help\n"],
      [['pathway', 'r.json', 'a'], "leximap: missing required argument 'to'; see leximap pathway --help\n"],
      [['analyze', examples, '--seed'], "leximap: option '--seed <n>' argument missing; see leximap analyze --help\n"],
      [['export', 'r.json', '--format', 'pdf'], 'leximap: --format: got "pdf", expected all or a comma-separated list of markers, cooccurrence, matrices, documents, tags, graphml, gexf, vosviewer\n'],
      [['serve', '--port', 'http'], 'leximap: --port: got "http", expected a port number from 0 to 65535\n'],
    ] as const) {
      expect(await leximap(...argv)).toEqual({ code: 2, stdout: '', stderr: line });
    }
  });

  it('run(…) takes a negative number as the value of an option that takes a number', async () => {
    // Taken as the value, it reaches the check of the option (not an unknown option -1 or -400).
    expect((await leximap('serve', '--port', '-5')).stderr).toBe('leximap: --port: got "-5", expected a port number from 0 to 65535\n');
    expect((await leximap('render', 'missing.json', '--rotation', '-400')).stderr).toBe('leximap: --rotation: got "-400", expected a number from -360 to 360\n');
    // In range, it passes the check and the command goes on to read the result.
    const inRange = await leximap('render', 'missing.json', '--rotation', '-90');
    expect(inRange.code).toBe(1);
    expect(inRange.stderr).toMatch(/^leximap: .*missing\.json/);
  });
});

describe('run([COMMAND, --help])', () => {
  it.each(COMMAND_TABLE.map((c) => [c.name, c] as const))('run([%s, --help]) lists every option of the table with its default', async (name, spec) => {
    const { code, stdout } = await leximap(name, '--help');
    expect(code).toBe(0);
    const help = oneLine(stdout);
    expect(help).toContain(`Usage: leximap ${name} [options] ${spec.args}`);
    for (const option of spec.options) {
      expect(help).toContain(oneLine(option.flags));
      const stated = option.default ?? option.defaultText;
      if (stated !== undefined) expect(help).toContain(oneLine(`(default: ${stated})`));
    }
  });

  it('run([--help]) lists every command, and run([]) prints the same and exits 2', async () => {
    const top = await leximap('--help');
    expect(top.code).toBe(0);
    for (const c of COMMAND_TABLE) expect(oneLine(top.stdout)).toContain(`${c.name} [options] ${c.args} ${c.summary}`);
    expect(await leximap()).toEqual({ code: 2, stdout: top.stdout, stderr: '' });
  });
});

describe('the command table', () => {
  it("states the engine's defaults for the analysis options and compare's for the comparison options", () => {
    const stated = Object.fromEntries([...ANALYSIS_OPTIONS, ...COMPARE_OPTIONS].map((o) => [long(o.flags).slice(2), o.defaultText]));
    const engine: Record<string, unknown> = {
      seed: DEFAULTS.seed,
      concepts: DEFAULTS.concepts,
      'block-sentences': DEFAULTS.blockSentences,
      'theme-size': DEFAULTS.themeSize,
      themes: DEFAULTS.themes,
      stability: DEFAULTS.stability,
      'learning-threshold': DEFAULTS.learningThreshold,
      'coding-threshold': DEFAULTS.codingThreshold,
      layout: DEFAULTS.layoutMode,
      'layout-starts': DEFAULTS.layoutStarts,
      lang: DEFAULTS.lang,
      overlap: COMPARE_DEFAULTS.overlap,
      alpha: COMPARE_DEFAULTS.alpha,
      'min-lift': COMPARE_DEFAULTS.minLift,
      'min-share': COMPARE_DEFAULTS.minShare,
      rounds: COMPARE_DEFAULTS.rounds,
    };
    for (const [name, value] of Object.entries(engine)) expect([name, stated[name]]).toEqual([name, String(value)]);
    expect(stated['min-blocks']).toMatch(new RegExp(`^${String(DEFAULTS.minBlocks)}\\b`));
  });

  it('gives each command its options once, and no two commands the same name', () => {
    expect(new Set(COMMAND_TABLE.map((c) => c.name)).size).toBe(COMMAND_TABLE.length);
    for (const c of COMMAND_TABLE) expect(new Set(c.options.map((o) => long(o.flags))).size).toBe(c.options.length);
  });

  it('program(table) hands the command its values by long name: a default, a --no- switch, a repeated option, a negative number', async () => {
    let seen: [Values, string[]] | undefined;
    const spec: CommandSpec = {
      name: 'probe',
      args: '<paths...>',
      summary: 'a probe',
      description: 'a probe',
      options: [
        { flags: '-o, --out <dir>', help: 'out', default: 'here' },
        { flags: '--no-cache', help: 'one line of the table adds an option' },
        { flags: '--exclude-speaker <name>', help: 'repeatable', repeatable: true },
        { flags: '--shift <x>', help: 'a number' },
        { flags: '--json', help: 'a switch' },
      ],
      load: async () => async (values, positionals) => ((seen = [values, positionals]), 7),
    };
    const exit = { code: 0 };
    await program([spec], exit).parseAsync(['probe', 'a', '--no-cache', '--exclude-speaker', 'I', 'b', '--exclude-speaker=J', '--shift', '-2.5'], { from: 'user' });
    expect(exit.code).toBe(7);
    expect(seen).toEqual([{ out: 'here', 'no-cache': true, 'exclude-speaker': ['I', 'J'], shift: '-2.5' }, ['a', 'b']]);
    await program([spec], exit).parseAsync(['probe', 'a'], { from: 'user' });
    expect(seen).toEqual([{ out: 'here' }, ['a']]);
  });
});
