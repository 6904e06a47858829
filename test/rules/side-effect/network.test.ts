// rules/side-effect/network: requests and connections made when a module is imported.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/network';
const check = (entry: string) => run({ 'src/entry.ts': entry }, [RULE]);

describe(RULE, () => {
  it.each([
    ['global fetch', code("export const res = fetch('https://x');"), 1, 20, "network request fetch() at module level"],
    ['globalThis.fetch', code("globalThis.fetch('https://x');"), 1, 1, 'network request globalThis.fetch() at module level'],
    ['axios default call', code("import axios from 'axios';", "axios({ url: 'https://x' });"), 2, 1, 'network request axios() at module level'],
    ['axios.get', code("import axios from 'axios';", "export const warmup = axios.get('https://x');"), 2, 23, 'network request axios.get() at module level'],
    ['got.post through require', code("const got = require('got');", "got.post('https://x');"), 2, 1, 'network request got.post() at module level'],
    ['undici request', code("import { request } from 'undici';", "await request('https://x');"), 2, 7, 'network request request() at module level'],
    ['superagent', code("import superagent from 'superagent';", "superagent.get('https://x');"), 2, 1, 'network request superagent.get() at module level'],
    ['https.get', code("import https from 'node:https';", "https.get('https://x');"), 2, 1, 'network request https.get() at module level'],
    ['http.request named', code("import { request } from 'http';", "request('http://x').end();"), 2, 1, 'network request request() at module level'],
    ['net.connect', code("import net from 'node:net';", 'export const sock = net.connect(6379);'), 2, 21, 'network request net.connect() at module level'],
    ['tls.connect', code("import * as tls from 'tls';", 'tls.connect(443);'), 2, 1, 'network request tls.connect() at module level'],
    ['dns.lookup', code("import dns from 'node:dns';", "dns.lookup('db', () => {});"), 2, 1, 'network request dns.lookup() at module level'],
    ['new WebSocket from ws', code("import WebSocket from 'ws';", "export const ws = new WebSocket('wss://x');"), 2, 19, 'network request new WebSocket() at module level'],
  ])('%s', (_name, entry, line, column, message) => {
    expect(check(entry)).toEqual([at(RULE, 'error', line, column, message)]);
  });

  it.each([
    ['axios.create is configuration', code("import axios from 'axios';", "export const api = axios.create({ baseURL: 'https://x' });")],
    ['fetch in a handler', code("export async function handler() { return fetch('https://x'); }")],
    ['a local function named fetch', code('function fetch(u: string) { return u; }', "fetch('x');")],
    ['a local object with a get method', code('const axios = { get: (u: string) => u };', "axios.get('x');")],
    ['http.createServer', code("import http from 'node:http';", 'export const server = http.createServer();')],
  ])('valid: %s', (_name, entry) => {
    expect(check(entry)).toEqual([]);
  });
});
