import { isDeepStrictEqual } from 'node:util';
import fastJsonStringify from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };
type Stringify = (data: unknown) => string;

/**
 * Response serialisation from the routes' zod schemas, compiled once per
 * schema by fast-json-stringify (issue #17). fastify-type-provider-zod's own
 * serializer parses every reply with zod and then runs JSON.stringify: on a
 * list page of twenty records that was a fifth of the server's CPU.
 *
 * The guarantee stays the same: a reply carries only the fields its schema
 * names (fast-json-stringify writes the schema's properties, nothing else, so
 * a row's ciphertexts or hashes cannot leak through a view). What the zod
 * parse also did, refusing a reply that does not fit its schema, is done when
 * `check` is on (the test suites): each reply is then also encoded by zod, and
 * a reply that zod refuses, or that differs from what zod and JSON.stringify
 * would have sent, is an error. A schema that JSON Schema cannot express (a
 * transform, a date) keeps zod's serialisation.
 */
export function responseSerializerCompiler(options: { check: boolean }) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }): Stringify => {
    const zodSchema = resolveSchema(schema);
    let stringify: Stringify | undefined;
    return (data) => {
      // Compiled on first use: a server has hundreds of routes, a test platform uses a few.
      stringify ??= compiled(zodSchema);
      if (!options.check) return stringify(data);
      const encoded = z.safeEncode(zodSchema, data);
      if (encoded.error) throw new ResponseSerializationError(method, url, { cause: encoded.error });
      const expected = JSON.stringify(encoded.data);
      const sent = stringify(data);
      if (sent !== expected && !isDeepStrictEqual(JSON.parse(sent), JSON.parse(expected))) {
        throw new Error(
          `${method} ${url}: fast-json-stringify wrote ${sent.slice(0, 500)}; zod expects ${expected.slice(0, 500)}`,
        );
      }
      return sent;
    };
  };
}

/** Whether a schema's replies are written by fast-json-stringify (true) or through zod (false). */
export function compilesToJsonSchema(schema: z.ZodType): boolean {
  return compiled(schema) !== zodStringify(schema);
}

const bySchema = new WeakMap<z.ZodType, Stringify>();
const zodFallbacks = new WeakMap<z.ZodType, Stringify>();

/** Shared by every app in the process (a test run builds many over the same module-level schemas). */
function compiled(schema: z.ZodType): Stringify {
  let stringify = bySchema.get(schema);
  if (!stringify) {
    try {
      const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
      stringify = fastJsonStringify(forFastJsonStringify(json) as never) as Stringify;
    } catch {
      stringify = zodStringify(schema);
    }
    bySchema.set(schema, stringify);
  }
  return stringify;
}

function zodStringify(schema: z.ZodType): Stringify {
  let stringify = zodFallbacks.get(schema);
  if (!stringify) {
    stringify = (data) => {
      const encoded = z.safeEncode(schema, data);
      if (encoded.error) throw encoded.error;
      return JSON.stringify(encoded.data);
    };
    zodFallbacks.set(schema, stringify);
  }
  return stringify;
}

function resolveSchema(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`not a zod schema: ${JSON.stringify(schema)}`);
}

/** Keywords that only constrain a value: the serializer writes what it is given. */
const CONSTRAINTS = new Set([
  '$schema',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'propertyNames',
  'description',
  'title',
  'examples',
  'default',
]);

/**
 * zod's JSON Schema in the form fast-json-stringify writes fastest: a value
 * that may be null as its type plus `nullable` (not an anyOf, which it
 * resolves by validating each branch at run time), and without the keywords
 * that only constrain (in check mode zod still checks them all). `const` and
 * `enum` stay: they tell a union's branches apart (a literal is written as
 * its constant, which TypeScript already holds the value to).  A schema with
 * no type is written as JSON.stringify writes it.
 */
export function forFastJsonStringify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forFastJsonStringify);
  if (schema === null || typeof schema !== 'object') return schema;
  const s = schema as JsonSchema;
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (options) {
    const others = options.filter((o) => o.type !== 'null');
    const alone = Object.keys(s).every((k) => k === 'anyOf' || k === 'oneOf' || CONSTRAINTS.has(k));
    if (others.length === 1 && others.length < options.length && alone) {
      return nullable(forFastJsonStringify(others[0]) as JsonSchema);
    }
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(s)) {
    // Unknown properties are left out without it; with it, a union's branch (chosen by
    // validating the value) would refuse a value that carries one.
    if (CONSTRAINTS.has(key) || (key === 'additionalProperties' && value === false)) continue;
    if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([k, v]) => [k, forFastJsonStringify(v)]),
      );
    } else out[key] = forFastJsonStringify(value);
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    if (types.length === 1) return nullable({ ...out, type: types[0] }, out.type.length > 1);
  }
  return out;
}

function nullable(schema: JsonSchema, isNullable = true): JsonSchema {
  if (!isNullable) return schema;
  if (typeof schema.type === 'string') return { ...schema, nullable: true };
  // A $ref or a combination that may also be null: let fast-json-stringify choose at run time.
  return { anyOf: [schema, { type: 'null' }] };
}
