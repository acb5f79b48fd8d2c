/** Runs the CLI in-process through `main`, capturing stdout and stderr. */
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { nodeIo } from '../../src/cli/node-io';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...nodeIo(),
    stderrIsTTY: false,
    ...io,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

export function run(...argv: string[]): Promise<Run> {
  return runCli(argv);
}

/** stderr lines, without the trailing empty one. */
export function stderrLines(result: Run): string[] {
  return result.stderr === '' ? [] : result.stderr.replace(/\n$/, '').split('\n');
}

/** One clear Swedish line per problem: "budgetkoll: …", no stack trace, no library text. */
export function expectClearLine(line: string): void {
  expect(line).toMatch(/^budgetkoll: /);
  // The message after "budgetkoll: FILE: " has no stack trace and no library text.
  const message = line.replace(/^budgetkoll: (?:[^:]*: )?/, '');
  expect(message).not.toMatch(/\bat .*\(|Error:|zip|central directory|undefined|\n/);
}
