import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// The generator calls `.openapi()` on parameter schemas while building the document, so zod's
// prototypes need the extension once per process, before any document is generated.
extendZodWithOpenApi(z);

export { z };
