import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(__dirname, '../../..');
const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const entry = path.join(root, 'sandbox/src/main.ts');

const run = (env: Record<string, string>) =>
  spawn(process.execPath, [tsxCli, entry], {
    env: { PATH: process.env['PATH'] ?? '', C360_SANDBOX_PORT: '0', C360_SANDBOX_SMTP_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

// Starting tsx and the process takes seconds on a busy 2-core machine.
const PROCESS_TIMEOUT_MS = 30_000;

describe('the sandbox process', () => {
  it(
    'starts on loopback, announces its URLs, answers health and stops on SIGTERM',
    async () => {
      const child = run({});
      const lines = createInterface({ input: child.stdout });
      let announced: { url: string; smtp: string } | null = null;
      for await (const line of lines) {
        const record = JSON.parse(line) as { msg: string; url: string; smtp: string };
        if (record.msg === 'sandbox listening') {
          announced = record;
          break;
        }
      }
      expect(announced?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(announced?.smtp).toMatch(/^127\.0\.0\.1:\d+$/);
      const health = await fetch(`${announced!.url}/_control/health`);
      expect(await health.json()).toEqual({ ok: true });
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'refuses a bad configuration naming the variable',
    async () => {
      const child = run({ C360_SANDBOX_PORT: 'eighty', C360_SANDBOX_WEBHOOK_RETRY_MS: '1,,2' });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(stderr).toContain('C360_SANDBOX_PORT');
      expect(stderr).toContain('C360_SANDBOX_WEBHOOK_RETRY_MS');
    },
    PROCESS_TIMEOUT_MS,
  );
});
