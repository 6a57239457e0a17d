import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

const { serialize } = protocol;

/** At most this many statements stay parsed; the one used longest ago is closed first. */
const MAX_STATEMENTS = 300;
/** A text is parsed once and kept from its second run: one-off texts (literal lists) stay unnamed. */
const SEEN_BOUND = 2_000;

interface Statement {
  name: string;
  /** The parameters' type oids, as PostgreSQL inferred them when the statement was parsed. */
  paramTypes: number[];
}

type Query = (text: string, params?: unknown[], options?: QueryOptions) => Promise<Results>;

const reusing = Symbol('reusing statements');

/**
 * PGlite parses and plans every query afresh: drizzle's prepared statements
 * are names its PGlite driver does not use, and a list page's statement (a
 * JSON object of forty columns, subqueries) costs more to plan than to run
 * in WebAssembly. Outside a transaction, a text run a second time becomes a
 * named statement, parsed once; later runs only bind and execute it, so
 * PostgreSQL keeps its plan as it does for a server's prepared statement.
 *
 * Everything else is PGlite's `query` as it is: the same lock, the same
 * parameter serializers and result parsers, the same flush to disk. A
 * statement the server no longer has (or whose result type a migration
 * changed) is parsed again once. Statements inside a transaction go through
 * the transaction's own handle and are not named.
 */
export function reuseStatements(pglite: PGlite): PGlite {
  const target = pglite as PGlite & { [reusing]?: true };
  if (target[reusing]) return pglite;
  target[reusing] = true;
  const original = pglite.query.bind(pglite) as Query;
  const statements = new Map<string, Statement>();
  const seen = new Set<string>();
  let counter = 0;

  const run = (message: Uint8Array) => pglite.execProtocolStream(message, { syncToFs: false });

  /** Parses a text under a new name and learns its parameters' types; the oldest statement is closed if full. */
  const prepare = async (text: string, options: QueryOptions | undefined): Promise<Statement> => {
    if (statements.size >= MAX_STATEMENTS) {
      const [oldText, oldest] = statements.entries().next().value!;
      statements.delete(oldText);
      await run(serialize.close({ type: 'S', name: oldest.name }));
    }
    const name = `caiqiao_s${++counter}`;
    await run(serialize.parse({ name, text, ...(options?.paramTypes ? { types: options.paramTypes } : {}) }));
    const described = await run(serialize.describe({ type: 'S', name }));
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    statements.set(text, statement);
    return statement;
  };

  const named = (text: string, params: unknown[], options: QueryOptions | undefined) =>
    pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        const messages = [];
        try {
          let statement = statements.get(text);
          if (statement) {
            // Most recently used last: the map's order is the order to close them in.
            statements.delete(text);
            statements.set(text, statement);
          } else {
            statement = await prepare(text, options);
          }
          const values = params.map((value, i) => {
            if (value === null || value === undefined) return null;
            const type = statement.paramTypes[i]!;
            const serializer = options?.serializers?.[type] ?? pglite.serializers[type];
            return serializer ? serializer(value) : String(value);
          });
          messages.push(
            ...(await run(serialize.bind({ statement: statement.name, values }))),
            ...(await run(serialize.describe({ type: 'P' }))),
            ...(await run(serialize.execute({}))),
          );
        } finally {
          messages.push(...(await run(serialize.sync())));
        }
        if (!pglite.isInTransaction()) await pglite.syncToFs();
        return parse.parseResults(messages, pglite.parsers, options)[0]!;
      }),
    );

  const query: Query = async (text, params = [], options) => {
    if (options?.blob || pglite.isInTransaction()) return original(text, params, options);
    if (!statements.has(text)) {
      if (!seen.has(text)) {
        if (seen.size >= SEEN_BOUND) seen.clear();
        seen.add(text);
        return original(text, params, options);
      }
      seen.delete(text);
    }
    await pglite._checkReady();
    try {
      return await named(text, params, options);
    } catch (err) {
      // 26000: the statement is gone (DEALLOCATE ALL); 0A000: a schema change altered its result type.
      const code = (err as { code?: string }).code;
      if (code !== '26000' && code !== '0A000') throw err;
      statements.delete(text);
      return original(text, params, options);
    }
  };
  Object.defineProperty(pglite, 'query', { configurable: true, writable: true, value: query });
  return pglite;
}
