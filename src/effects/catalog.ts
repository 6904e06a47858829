// effects: the catalog of what counts as an import-time effect, as data. One place to extend.
// A spec names a package (or a global) and an export path; matching is done through bindings
// (src/effects/origin.ts), never by the local name.
import type { EngineSpec } from '../config/schema.js';

/**
 * Databases, caches, queues and search engines: creating one at module level opens connections
 * or pools when a router is imported. `package` may end in `*` (`@aws-sdk/client-*`), `export`
 * may contain `*` within one segment (`*Client`). `label` defaults to `<package> <export>`.
 */
export const ENGINES: EngineSpec[] = [
  // PostgreSQL
  { package: 'pg', export: 'Pool', kind: 'new', label: 'pg Pool' },
  { package: 'pg', export: 'Client', kind: 'new', label: 'pg Client' },
  { package: 'pg-pool', export: 'default', kind: 'new', label: 'pg Pool' },
  { package: 'postgres', export: 'default', kind: 'call', label: 'postgres.js client' },
  { package: 'pg-promise', export: 'default', kind: 'call', label: 'pg-promise instance' },
  { package: '@neondatabase/serverless', export: 'Pool', kind: 'new', label: 'Neon Pool' },
  { package: '@neondatabase/serverless', export: 'Client', kind: 'new', label: 'Neon Client' },
  { package: '@vercel/postgres', export: 'createPool', kind: 'call', label: '@vercel/postgres pool' },
  // MySQL / MariaDB / SQL Server / Oracle
  { package: 'mysql', export: 'createPool', kind: 'call', label: 'mysql pool' },
  { package: 'mysql', export: 'createConnection', kind: 'call', label: 'mysql connection' },
  { package: 'mysql2', export: 'createPool', kind: 'call', label: 'mysql2 pool' },
  { package: 'mysql2', export: 'createConnection', kind: 'call', label: 'mysql2 connection' },
  { package: 'mysql2', export: 'createPoolCluster', kind: 'call', label: 'mysql2 pool cluster' },
  { package: 'mysql2/promise', export: 'createPool', kind: 'call', label: 'mysql2 pool' },
  { package: 'mysql2/promise', export: 'createConnection', kind: 'call', label: 'mysql2 connection' },
  { package: 'mariadb', export: 'createPool', kind: 'call', label: 'mariadb pool' },
  { package: 'mariadb', export: 'createConnection', kind: 'call', label: 'mariadb connection' },
  { package: 'mssql', export: 'ConnectionPool', kind: 'new', label: 'mssql ConnectionPool' },
  { package: 'mssql', export: 'connect', kind: 'call', label: 'mssql connection' },
  { package: 'oracledb', export: 'createPool', kind: 'call', label: 'oracledb pool' },
  { package: 'tedious', export: 'Connection', kind: 'new', label: 'tedious Connection' },
  // SQLite
  { package: 'better-sqlite3', export: 'default', kind: 'new', label: 'better-sqlite3 Database' },
  { package: 'sqlite3', export: 'Database', kind: 'new', label: 'sqlite3 Database' },
  { package: 'sqlite', export: 'open', kind: 'call', label: 'sqlite database' },
  { package: '@libsql/client', export: 'createClient', kind: 'call', label: 'libSQL client' },
  // ORMs and query builders
  { package: '@prisma/client', export: 'PrismaClient', kind: 'new', label: 'PrismaClient' },
  { package: 'sequelize', export: 'Sequelize', kind: 'new', label: 'Sequelize instance' },
  { package: 'sequelize', export: 'default', kind: 'new', label: 'Sequelize instance' },
  { package: '@sequelize/core', export: 'Sequelize', kind: 'new', label: 'Sequelize instance' },
  { package: 'sequelize-typescript', export: 'Sequelize', kind: 'new', label: 'Sequelize instance' },
  { package: 'typeorm', export: 'DataSource', kind: 'new', label: 'typeorm DataSource' },
  { package: 'typeorm', export: 'createConnection', kind: 'call', label: 'typeorm connection' },
  { package: 'typeorm', export: 'createConnections', kind: 'call', label: 'typeorm connection' },
  { package: 'knex', export: 'default', kind: 'call', label: 'knex instance' },
  { package: 'knex', export: 'knex', kind: 'call', label: 'knex instance' },
  { package: 'drizzle-orm/*', export: 'drizzle', kind: 'call', label: 'drizzle database' },
  { package: 'kysely', export: 'Kysely', kind: 'new', label: 'Kysely instance' },
  { package: '@mikro-orm/*', export: 'MikroORM.init', kind: 'call', label: 'MikroORM instance' },
  // MongoDB
  { package: 'mongoose', export: 'connect', kind: 'call', label: 'mongoose connection' },
  { package: 'mongoose', export: 'createConnection', kind: 'call', label: 'mongoose connection' },
  { package: 'mongodb', export: 'MongoClient', kind: 'new', label: 'MongoClient' },
  { package: 'mongodb', export: 'MongoClient.connect', kind: 'call', label: 'MongoClient' },
  // Key-value stores and caches
  { package: 'ioredis', export: 'default', kind: 'new', label: 'ioredis client' },
  { package: 'ioredis', export: 'Redis', kind: 'new', label: 'ioredis client' },
  { package: 'ioredis', export: 'Cluster', kind: 'new', label: 'ioredis Cluster' },
  { package: 'redis', export: 'createClient', kind: 'call', label: 'redis client' },
  { package: 'redis', export: 'createCluster', kind: 'call', label: 'redis cluster' },
  { package: '@redis/client', export: 'createClient', kind: 'call', label: 'redis client' },
  { package: '@upstash/redis', export: 'Redis', kind: 'new', label: 'Upstash Redis client' },
  { package: 'memcached', export: 'default', kind: 'new', label: 'memcached client' },
  { package: 'cassandra-driver', export: 'Client', kind: 'new', label: 'cassandra Client' },
  { package: 'neo4j-driver', export: 'driver', kind: 'call', label: 'neo4j driver' },
  { package: 'couchbase', export: 'connect', kind: 'call', label: 'couchbase cluster' },
  { package: '@clickhouse/client', export: 'createClient', kind: 'call', label: 'ClickHouse client' },
  // Queues and brokers
  { package: 'bullmq', export: 'Queue', kind: 'new', label: 'bullmq Queue' },
  { package: 'bullmq', export: 'Worker', kind: 'new', label: 'bullmq Worker' },
  { package: 'bullmq', export: 'QueueEvents', kind: 'new', label: 'bullmq QueueEvents' },
  { package: 'bullmq', export: 'FlowProducer', kind: 'new', label: 'bullmq FlowProducer' },
  { package: 'bull', export: 'default', kind: 'new', label: 'bull Queue' },
  { package: 'bee-queue', export: 'default', kind: 'new', label: 'bee-queue Queue' },
  { package: 'kafkajs', export: 'Kafka', kind: 'new', label: 'kafkajs Kafka client' },
  { package: 'amqplib', export: 'connect', kind: 'call', label: 'amqplib connection' },
  { package: 'amqplib/callback_api', export: 'connect', kind: 'call', label: 'amqplib connection' },
  { package: 'amqp-connection-manager', export: 'connect', kind: 'call', label: 'AMQP connection manager' },
  { package: 'nats', export: 'connect', kind: 'call', label: 'NATS connection' },
  { package: 'mqtt', export: 'connect', kind: 'call', label: 'MQTT client' },
  { package: '@temporalio/client', export: 'Connection.connect', kind: 'call', label: 'Temporal connection' },
  // Search
  { package: '@elastic/elasticsearch', export: 'Client', kind: 'new', label: 'Elasticsearch Client' },
  { package: '@opensearch-project/opensearch', export: 'Client', kind: 'new', label: 'OpenSearch Client' },
  { package: 'meilisearch', export: 'MeiliSearch', kind: 'new', label: 'MeiliSearch client' },
  { package: 'meilisearch', export: 'Meilisearch', kind: 'new', label: 'MeiliSearch client' },
  { package: 'typesense', export: 'Client', kind: 'new', label: 'Typesense Client' },
  // Cloud SDKs and backends
  { package: 'firebase-admin', export: 'initializeApp', kind: 'call', label: 'firebase-admin app' },
  { package: 'firebase-admin/app', export: 'initializeApp', kind: 'call', label: 'firebase-admin app' },
  { package: '@aws-sdk/client-*', export: '*Client', kind: 'new', label: '@aws-sdk {export}' },
  { package: '@aws-sdk/lib-dynamodb', export: 'DynamoDBDocumentClient.from', kind: 'call', label: 'DynamoDBDocumentClient' },
  { package: 'aws-sdk', export: '*', kind: 'new', label: 'aws-sdk {export} client' },
  { package: 'aws-sdk', export: 'DynamoDB.DocumentClient', kind: 'new', label: 'aws-sdk DynamoDB.DocumentClient' },
  { package: '@google-cloud/firestore', export: 'Firestore', kind: 'new', label: 'Firestore client' },
  { package: '@google-cloud/pubsub', export: 'PubSub', kind: 'new', label: 'Pub/Sub client' },
  { package: '@google-cloud/bigquery', export: 'BigQuery', kind: 'new', label: 'BigQuery client' },
  { package: '@google-cloud/spanner', export: 'Spanner', kind: 'new', label: 'Spanner client' },
  { package: '@google-cloud/storage', export: 'Storage', kind: 'new', label: 'Cloud Storage client' },
  { package: '@azure/cosmos', export: 'CosmosClient', kind: 'new', label: 'CosmosClient' },
  { package: '@azure/service-bus', export: 'ServiceBusClient', kind: 'new', label: 'ServiceBusClient' },
  { package: '@azure/storage-blob', export: 'BlobServiceClient.fromConnectionString', kind: 'call', label: 'BlobServiceClient' },
  { package: '@supabase/supabase-js', export: 'createClient', kind: 'call', label: 'Supabase client' },
];

/** A non-engine effect: a package or global export path and what it does. */
export interface EffectSpec {
  /** Package specifier (may end in `*`), or `global` for a global (`fetch`, `process.on`). */
  package: string;
  /** Export path; `*` matches within one segment (`*Sync`). */
  export: string;
  kind: 'new' | 'call' | 'any';
}

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const verbs = (pkg: string, withDefault = true): EffectSpec[] => [
  ...(withDefault ? [{ package: pkg, export: 'default', kind: 'call' as const }] : []),
  ...HTTP_VERBS.map((v) => ({ package: pkg, export: v, kind: 'call' as const })),
];

/** Network requests and connections. */
export const NETWORK: EffectSpec[] = [
  { package: 'global', export: 'fetch', kind: 'call' },
  { package: 'global', export: 'WebSocket', kind: 'new' },
  ...verbs('axios'),
  ...verbs('got'),
  ...verbs('superagent'),
  ...verbs('needle'),
  ...verbs('request'),
  ...verbs('ky'),
  ...verbs('node-fetch'),
  { package: 'cross-fetch', export: 'default', kind: 'call' },
  { package: 'isomorphic-fetch', export: 'default', kind: 'call' },
  { package: 'undici', export: 'request', kind: 'call' },
  { package: 'undici', export: 'fetch', kind: 'call' },
  { package: 'undici', export: 'stream', kind: 'call' },
  { package: 'ws', export: 'default', kind: 'new' },
  { package: 'ws', export: 'WebSocket', kind: 'new' },
  ...['http', 'https'].flatMap((m) => [
    { package: m, export: 'request', kind: 'call' as const },
    { package: m, export: 'get', kind: 'call' as const },
  ]),
  { package: 'http2', export: 'connect', kind: 'call' },
  { package: 'net', export: 'connect', kind: 'call' },
  { package: 'net', export: 'createConnection', kind: 'call' },
  { package: 'tls', export: 'connect', kind: 'call' },
  ...['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveSrv', 'resolveTxt', 'reverse'].flatMap((f) => [
    { package: 'dns', export: f, kind: 'call' as const },
    { package: 'dns/promises', export: f, kind: 'call' as const },
  ]),
];

/** Synchronous file-system and process work. */
export const IO: EffectSpec[] = [
  { package: 'fs', export: '*Sync', kind: 'call' },
  { package: 'fs-extra', export: '*Sync', kind: 'call' },
  { package: 'graceful-fs', export: '*Sync', kind: 'call' },
  ...['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'].map((f) => ({ package: 'child_process', export: f, kind: 'call' as const })),
  { package: 'execa', export: 'execaSync', kind: 'call' },
  { package: 'execa', export: 'execaCommandSync', kind: 'call' },
  { package: 'glob', export: 'sync', kind: 'call' },
  { package: 'glob', export: 'globSync', kind: 'call' },
  { package: 'fast-glob', export: 'sync', kind: 'call' },
  { package: 'fast-glob', export: 'globSync', kind: 'call' },
];

/** Timers that keep running (or fire) after the import. */
export const TIMERS: EffectSpec[] = [
  ...['setInterval', 'setTimeout', 'setImmediate'].flatMap((f) => [
    { package: 'global', export: f, kind: 'call' as const },
    { package: 'timers', export: f, kind: 'call' as const },
  ]),
  { package: 'node-cron', export: 'schedule', kind: 'call' },
  { package: 'cron', export: 'CronJob', kind: 'new' },
  { package: 'cron', export: 'CronJob.from', kind: 'call' },
];

const LISTEN = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];

/** Process-wide listeners (signals, `uncaughtException`, stdin). */
export const LISTENERS: EffectSpec[] = [
  ...LISTEN.map((f) => ({ package: 'global', export: `process.${f}`, kind: 'call' as const })),
  ...LISTEN.map((f) => ({ package: 'global', export: `process.*.${f}`, kind: 'call' as const })),
  ...LISTEN.map((f) => ({ package: 'process', export: f, kind: 'call' as const })),
  ...LISTEN.map((f) => ({ package: 'cluster', export: f, kind: 'call' as const })),
  ...LISTEN.map((f) => ({ package: 'mongoose', export: `connection.${f}`, kind: 'call' as const })),
];

/**
 * Project classes whose super chain ends in one of these plain-data globals are not services
 * (`class NotFound extends Error {}`), unless their own constructor does something.
 */
export const PLAIN_GLOBAL_CLASSES = new Set([
  'Error', 'TypeError', 'RangeError', 'Map', 'Set', 'WeakMap', 'WeakSet', 'RegExp', 'URL', 'URLSearchParams',
  'Date', 'Array', 'Object', 'Promise', 'AbortController', 'EventTarget', 'Event',
]);

/** Packages whose exported classes are plain data (an `extends` of these is not a service). */
export const PLAIN_PACKAGE_CLASSES: EffectSpec[] = [
  { package: 'events', export: 'EventEmitter', kind: 'new' },
  { package: 'events', export: 'default', kind: 'new' },
];

/** Static methods that return a singleton instance: `X.getInstance()`. */
export const SINGLETON_METHOD = /^(get)?(shared)?instance$/i;
