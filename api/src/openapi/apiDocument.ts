import './zodOpenApi';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { errorResponseSchema } from './commonSchemas';

/** The generated OpenAPI 3.1 document. */
export type ApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export const BEARER_SCHEME = 'bearerAuth';

/** A fresh registry per app, so two apps (tests) never share route definitions. */
export const createApiRegistry = (): OpenAPIRegistry => {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The token from POST /api/v1/auth/login. It carries the tenant and the roles.',
  });
  registry.register('ErrorResponse', errorResponseSchema);
  return registry;
};

export const buildApiDocument = (registry: OpenAPIRegistry, version: string): ApiDocument =>
  new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Customer 360 API',
      version,
      description:
        'Multi-tenant Customer 360. Every /api/v1 route except login needs a bearer token; the tenant is taken from ' +
        'the token only, and a record of another tenant answers 404 exactly like a missing one. Errors share one ' +
        'shape (ErrorResponse); validation errors name each bad field.',
    },
    tags: [
      { name: 'auth', description: 'sign-in and the current user' },
      { name: 'customers', description: 'customer profiles and search' },
      { name: 'preferences', description: 'marketing preferences and the consent log' },
      { name: 'admin', description: 'tenant administration' },
      { name: 'operations', description: 'health, readiness and this document' },
    ],
  });
