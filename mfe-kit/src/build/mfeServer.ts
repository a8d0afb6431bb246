import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

export type MfeServerOptions = {
  /** The built bundle to serve. */
  dir: string;
  port: number;
  host?: string;
  /** Where `/api` goes: the API's origin, e.g. `http://127.0.0.1:3000`. */
  apiOrigin: string;
  /**
   * Served at `/mfe-manifest.json` (the shell's server only), read again on every request so a
   * deploy that rewrites the file is live at once, without restarting the shell.
   */
  manifestFile?: string;
};

/**
 * Serves one MFE's build: its static files (remote entries uncached, hashed chunks cached for a
 * year, CORS open so a shell on another origin can load them), `/api` proxied to the API (server
 * push included), and every other page navigation (a GET that accepts HTML, so a reload of a deep
 * URL) answered with index.html so the client router takes it. A missing script, chunk or image is
 * a 404, not an HTML page the browser would try to run.
 */
export const startMfeServer = (options: MfeServerOptions): Promise<Server> => {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });
  app.use(
    '/api',
    createProxyMiddleware({
      target: `${options.apiOrigin}/api`,
      changeOrigin: true,
      // Server-sent events must reach the browser as they come, not when the response ends.
      on: {
        proxyRes: (proxyRes) => {
          if (String(proxyRes.headers['content-type'] ?? '').startsWith('text/event-stream')) {
            proxyRes.headers['cache-control'] = 'no-cache, no-transform';
          }
        },
      },
    }),
  );
  const manifestFile = options.manifestFile;
  if (manifestFile) {
    app.get('/mfe-manifest.json', (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.type('application/json').send(readFileSync(manifestFile, 'utf8'));
    });
  }
  app.use(
    express.static(options.dir, {
      index: false,
      setHeaders: (res, path) => {
        const hashed = /\.[0-9a-f]{8}\.js$/.test(path);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.use((req, res) => {
    const index = join(options.dir, 'index.html');
    // A script or fetch asks for `*/*`; only a page navigation names text/html.
    const navigation = (req.headers.accept ?? '').includes('text/html');
    if (req.method !== 'GET' || !navigation || !existsSync(index)) {
      res.status(404).send('not found');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
};
