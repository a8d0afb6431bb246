import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { Asset, diskAssetStore, forTenant } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let app: Express;
let dir: string;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('assets');
  dir = mkdtempSync(path.join(tmpdir(), 'c360-assets-'));
  app = ctx.appWith({ assets: diskAssetStore(dir) });
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

// A PNG signature and a few bytes, including ones that are not valid UTF-8.
const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe, 0x10]);

describe('assets', () => {
  it('uploads once and downloads the same bytes; another tenant gets 404', async () => {
    const up = await request(app)
      .post('/api/v1/replies/assets')
      .set('Authorization', agent)
      .attach('file', bytes, { filename: 'logo.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      fileName: 'logo.png',
      contentType: 'image/png',
      sizeBytes: bytes.length,
      channels: ['whatsapp', 'instagram', 'email'],
      uploadedBy: ctx.a.users.agent.id,
    });
    const down = await request(app)
      .get(`/api/v1/replies/assets/${up.body.id}/content`)
      .set('Authorization', agent)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(down.body as Buffer, bytes)).toBe(0);

    const agentB = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
    expect(
      (await request(app).get(`/api/v1/replies/assets/${up.body.id}/content`).set('Authorization', agentB))
        .status,
    ).toBe(404);
    const listB = await request(app).get('/api/v1/replies/assets').set('Authorization', agentB);
    expect(listB.body.items).toEqual([]);
  });

  it('refuses a wrong type, a missing file and a file too large, naming why, and stores nothing', async () => {
    const count = () => forTenant(ctx.orm.em.fork(), ctx.a.id).count(Asset, {});
    const before = await count();
    const exe = await request(app)
      .post('/api/v1/replies/assets')
      .set('Authorization', agent)
      .attach('file', Buffer.from('MZ'), { filename: 'x.exe', contentType: 'application/x-msdownload' });
    expect(exe.status).toBe(400);
    expect(exe.body.error.fields[0]).toMatchObject({
      path: 'body.file',
      message: expect.stringContaining('application/x-msdownload is not accepted'),
    });
    const none = await request(app)
      .post('/api/v1/replies/assets')
      .set('Authorization', agent)
      .field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe('body.file');
    const big = await request(app)
      .post('/api/v1/replies/assets')
      .set('Authorization', agent)
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1), {
        filename: 'big.pdf',
        contentType: 'application/pdf',
      });
    expect(big.status).toBe(400);
    expect(big.body.error.fields[0].message).toMatch(/larger than 10 MB/);
    const json = await request(app)
      .post('/api/v1/replies/assets')
      .set('Authorization', agent)
      .send({ file: 'x' });
    expect(json.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lists the accepted types and their channels; marketers may not upload', async () => {
    const res = await request(app).get('/api/v1/replies/assets/channels').set('Authorization', agent);
    expect(res.body.types).toContainEqual({
      contentType: 'application/pdf',
      kind: 'document',
      channels: ['whatsapp', 'instagram', 'email'],
    });
    // Instagram messaging takes AAC/M4A/WAV audio, not MP3.
    expect(res.body.types).toContainEqual({
      contentType: 'audio/mpeg',
      kind: 'audio',
      channels: ['whatsapp', 'email'],
    });
    const marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
    const up = await request(app)
      .post('/api/v1/replies/assets')
      .set('Authorization', marketer)
      .attach('file', bytes, { filename: 'logo.png', contentType: 'image/png' });
    expect(up.status).toBe(403);
  });
});
