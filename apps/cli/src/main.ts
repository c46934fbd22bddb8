#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The `leximap` command (program.ts): exit codes 0 ok, 1 error, 2 usage. Every command, and the
 * engine with it, is imported only when it runs, so `leximap --help` loads commander and the
 * option table only.
 */
import { run } from './program.ts';

process.exitCode = await run(process.argv.slice(2));
