// rules/side-effect/listener: process-wide listeners registered at import.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/listener';
const check = (entry: string) => run({ 'src/entry.ts': entry, 'src/bus.ts': "import { EventEmitter } from 'node:events';\nexport const bus = new EventEmitter();\n" }, [RULE]);

describe(RULE, () => {
  it.each([
    ['process.on signal', code("process.on('SIGTERM', () => {});"), 1, 1, 'listener process.on() at module level'],
    ['process.once', code("process.once('beforeExit', () => {});"), 1, 1, 'listener process.once() at module level'],
    ['process.stdin.on', code("process.stdin.on('data', () => {});"), 1, 1, 'listener process.stdin.on() at module level'],
    ['imported process', code("import process from 'node:process';", "process.on('uncaughtException', () => {});"), 2, 1, 'listener process.on() at module level'],
    ['a listener on a module-level pool', code("import pg from 'pg';", 'const pool = new pg.Pool();', "pool.on('error', () => {});"), 3, 1, 'listener pool.on() at module level'],
    ['a local emitter', code("import { EventEmitter } from 'node:events';", 'const bus = new EventEmitter();', "bus.once('ready', () => {});"), 3, 1, 'listener bus.once() at module level'],
    ['an imported project emitter', code("import { bus } from './bus.js';", "bus.addListener('x', () => {});"), 2, 1, 'listener bus.addListener() at module level'],
    ['mongoose connection events', code("import mongoose from 'mongoose';", "mongoose.connection.on('error', () => {});"), 2, 1, 'listener mongoose.connection.on() at module level'],
  ])('%s', (_name, entry, line, column, message) => {
    expect(check(entry)).toEqual([at(RULE, 'info', line, column, message)]);
  });

  it.each([
    ['inside a function', code("export function start() { process.on('SIGTERM', () => {}); }")],
    ['events.on is an async iterator, not a registration', code("import { on } from 'node:events';", "export const it = on(process, 'message');")],
    ['a listener added inside the constructor of a class never built', code('export class W { constructor(e: NodeJS.EventEmitter) { e.on("x", () => {}); } }')],
    ['router handlers are not listeners', code("import { Router } from 'express';", 'const r = Router();', "r.get('/', () => {});", 'export default r;')],
  ])('valid: %s', (_name, entry) => {
    expect(check(entry)).toEqual([]);
  });
});
