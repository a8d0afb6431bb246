/**
 * Write-to-searchable latency: how long after `POST /customers` answers until the customer is
 * found by `GET /customers?q=`, through the outbox, the relay and OpenSearch's refresh. The
 * baseline, measured in the same run, is the POST round trip itself; the report gives both
 * distributions and their ratio. Run against a running dev stack (`./c360 up`):
 *
 *   node node_modules/tsx/dist/cli.mjs bench/writeToSearch.ts [samples=50]
 */
const API = process.env['C360_API_URL'] ?? 'http://127.0.0.1:3000';
const samples = Number(process.argv[2] ?? 50);

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const main = async (): Promise<void> => {
  const login = await fetch(`${API}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'acme', email: 'admin@acme.test', password: 'demo1234' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const write: number[] = [];
  const searchable: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const name = `Bench${Date.now().toString(36)}${i}`;
    const t0 = performance.now();
    const created = await fetch(`${API}/api/v1/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ firstName: name, lastName: 'Probe', timeZone: 'UTC', language: 'en' }),
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
    write.push(performance.now() - t0);
    for (;;) {
      const found = (await (await fetch(`${API}/api/v1/customers?q=${name}`, { headers })).json()) as {
        total: number;
      };
      if (found.total === 1) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    searchable.push(performance.now() - t0);
  }
  write.sort((a, b) => a - b);
  searchable.sort((a, b) => a - b);
  const row = (label: string, xs: number[]) =>
    `${label.padEnd(28)} p50 ${percentile(xs, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(xs, 95).toFixed(0).padStart(5)} ms   max ${xs[xs.length - 1]!.toFixed(0).padStart(5)} ms`;
  console.log(`samples: ${samples}`);
  console.log(row('POST /customers (baseline)', write));
  console.log(row('write → searchable', searchable));
  console.log(`ratio (p50): ${(percentile(searchable, 50) / percentile(write, 50)).toFixed(1)}×`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
