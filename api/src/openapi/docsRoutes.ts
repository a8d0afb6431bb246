import express, { type Express, type RequestHandler } from 'express';
import { z } from 'zod';
import { absolutePath } from 'swagger-ui-dist';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import type { ApiDocument } from './apiDocument';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

// The only files the page loads; the package's own index.html points at a public demo API.
const DOCS_ASSETS = new Set([
  '/swagger-ui.css',
  '/index.css',
  '/swagger-ui-bundle.js',
  '/swagger-ui-standalone-preset.js',
  '/favicon-32x32.png',
  '/favicon-16x16.png',
]);

const docsPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Customer 360 API</title>
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
  <link rel="stylesheet" href="${DOCS_PATH}/index.css">
  <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '${OPENAPI_PATH}',
      dom_id: '#swagger-ui',
      deepLinking: true,
      persistAuthorization: false,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
    });
  </script>
</body>
</html>
`;

/** The document itself and the page that renders it; the document is built once, on first request. */
export const docsRoutes = (document: () => ApiDocument): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: OPENAPI_PATH,
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tags: ['operations'],
    access: 'public',
    responses: { 200: { description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
    handler: async () => ({ status: 200, body: document() }),
  }),
  defineRoute({
    method: 'get',
    path: DOCS_PATH,
    operationId: 'getApiDocsPage',
    summary: 'A readable page of this API (Swagger UI, served locally)',
    tags: ['operations'],
    access: 'public',
    responses: { 200: { description: 'An HTML page', mediaType: 'text/html', schema: z.string() } },
    handler: async () => ({ status: 200, contentType: 'text/html', body: docsPage }),
  }),
];

/** Swagger UI's scripts and styles from the installed package: no CDN. */
export const mountDocsAssets = (app: Express): void => {
  const onlyDocsAssets: RequestHandler = (req, _res, next) => {
    if (DOCS_ASSETS.has(req.path)) next();
    else next('router');
  };
  const assets = express.Router();
  assets.use(onlyDocsAssets, express.static(absolutePath(), { index: false, maxAge: '1h' }));
  app.use(DOCS_PATH, assets);
};
