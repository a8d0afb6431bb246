import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { AppError, type AppErrorKind } from '@c360/domain';
import { errorHandler, notFoundHandler, STATUS_BY_KIND } from '../errorHandler';
import { createHttpLogger, createLogger } from '../httpLogger';

const logs: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

const app = express();
app.use(createHttpLogger(createLogger({ level: 'info', destination: sink })));
app.get('/kind/:kind', (req) => {
  throw new AppError(req.params['kind'] as AppErrorKind, `failed as ${req.params['kind']}`);
});
app.get('/crash', async () => {
  throw new Error('insert into customer values ($1) - jane.doe@example.com +33 6 12 34 56 78 failed');
});
app.use(notFoundHandler);
app.use(errorHandler);

describe('the error mapping', () => {
  it.each(Object.entries(STATUS_BY_KIND))(
    'answers an AppError of kind %s with %i and its message',
    async (kind, status) => {
      const res = await request(app).get(`/kind/${kind}`);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({
        error: { code: kind, message: `failed as ${kind}` },
        requestId: res.headers['x-request-id'],
      });
    },
  );

  it('answers anything else with a bare 500, and logs it with personal data masked', async () => {
    const res = await request(app).get('/crash');
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'internal', message: 'an unexpected error occurred' });
    const line = logs.find((l) => l['requestId'] === res.headers['x-request-id']) as {
      level: number;
      err: { message: string; stack: string };
    };
    expect(line.level).toBe(50);
    expect(line.err.message).toBe('insert into customer values ($1) - [email] [phone] failed');
    expect(line.err.stack).not.toContain('jane.doe');
  });
});
