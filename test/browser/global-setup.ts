/**
 * Before the browser tests: build the viewer and analyse the example interviews with the CLI
 * into test/artifacts/example/ (git-ignored), so the tests look at the map the project makes.
 */
import { prepare } from './prepare.ts';

export default function setup(): void {
  prepare(true);
}
