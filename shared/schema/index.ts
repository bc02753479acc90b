// Payload schemas: the model, the built-in schemas, Apple's YAML loader, the registry and search.

export * from './model.ts';
export { SchemaError, type SchemaErrorDetails } from './errors.ts';
export { loadAppleSchemaYaml, schemaIdFromFileName } from './apple-yaml.ts';
export { SchemaRegistry, type PayloadStringLookup } from './registry.ts';
export { builtinSchemas, BUILTIN_SCHEMAS } from './builtin/index.ts';
export { DEVICE_ATTRIBUTES } from './builtin/profile-service.ts';
export { searchSchemas as searchSchemasIn, type SchemaSource } from './search.ts';

import type { PayloadSchema } from './model.ts';
import { builtinSchemas } from './builtin/index.ts';
import type { SchemaRegistry } from './registry.ts';
import { searchSchemas as searchIn } from './search.ts';

let builtins: SchemaRegistry | undefined;

/** Returns the payload schemas matching `query`, best first, from `registry` (the built-in schemas by default). */
export function searchSchemas(query: string, registry?: SchemaRegistry): PayloadSchema[] {
  builtins ??= builtinSchemas();
  return searchIn(query, registry ?? builtins);
}
