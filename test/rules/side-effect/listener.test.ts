// rules/side-effect/listener: process-wide listeners registered at import.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/listener';
const check = (entry: string) => run({ 'src/entry.ts': entry }, [RULE]);

describe(RULE, () => {
  it.each([
    ['process.on signal', code("process.on('SIGTERM', () => {});"), 1, 1, 'listener process.on() at module level'],
    ['process.once', code("process.once('beforeExit', () => {});"), 1, 1, 'listener process.once() at module level'],
    ['process.stdin.on', code("process.stdin.on('data', () => {});"), 1, 1, 'listener process.stdin.on() at module level'],
    ['imported process', code("import process from 'node:process';", "process.on('uncaughtException', () => {});"), 2, 1, 'listener process.on() at module level'],
    ['mongoose connection events', code("import mongoose from 'mongoose';", "mongoose.connection.on('error', () => {});"), 2, 1, 'listener mongoose.connection.on() at module level'],
  ])('%s', (_name, entry, line, column, message) => {
    expect(check(entry)).toEqual([at(RULE, 'info', line, column, message)]);
  });

  it.each([
    ['inside a function', code("export function start() { process.on('SIGTERM', () => {}); }")],
    ['a local emitter', code("import { EventEmitter } from 'node:events';", 'const bus = new EventEmitter();', "bus.on('x', () => {});")],
    ['router handlers are not listeners', code("import { Router } from 'express';", 'const r = Router();', "r.get('/', () => {});", 'export default r;')],
  ])('valid: %s', (_name, entry) => {
    expect(check(entry)).toEqual([]);
  });
});
