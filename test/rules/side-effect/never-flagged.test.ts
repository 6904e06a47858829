// The contract's never-flagged list, plus the documented decisions on loggers and config objects.
import { describe, expect, it } from 'vitest';
import { code, run, SIDE_EFFECT_RULES } from '../rule-tester.js';

const RULES = [...SIDE_EFFECT_RULES, 'duplicate-engine'];
const check = (files: Record<string, string>) => run(files, RULES);

describe('never flagged', () => {
  it.each([
    ['express app and routers', code("import express, { Router } from 'express';", 'export const app = express();', 'const router = Router();', 'const r2 = express.Router();', "router.get('/', (_q, s) => s.send('ok'));", "app.use('/r', router, r2);")],
    ['Hono and Fastify apps', code("import { Hono } from 'hono';", "import Fastify from 'fastify';", 'export const app = new Hono();', 'export const f = Fastify({ logger: false });')],
    ['zod schemas', code("import { z } from 'zod';", 'export const User = z.object({ id: z.string().uuid(), age: z.number().int().optional() });', 'export const Patch = User.partial();')],
    ['joi, yup and typebox schemas', code("import Joi from 'joi';", "import * as yup from 'yup';", "import { Type } from '@sinclair/typebox';", 'export const a = Joi.object({ n: Joi.string() });', 'export const b = yup.object({ n: yup.string().required() });', 'export const c = Type.Object({ n: Type.String() });')],
    ['built-in data structures', code("import { EventEmitter } from 'node:events';", 'export const m = new Map();', 'export const s = new Set();', 'export const w = new WeakMap();', "export const re = new RegExp('x');", "export const u = new URL('https://x');", "export const e = new Error('x');", 'export const d = new Date();', 'export const ee = new EventEmitter();', 'export const ac = new AbortController();')],
    ['Symbol, Object.freeze, constants', code("export const TOKEN = Symbol('token');", 'export const ROLES = Object.freeze([\'a\', \'b\']);', 'export const LIMIT = 20;', 'export const NAMES = [1, 2].map(String);')],
    ['process.env constants', code("export const PORT = Number(process.env.PORT ?? 3000);", 'export const DB_URL = process.env.DATABASE_URL;', "export const IS_PROD = process.env.NODE_ENV === 'production';")],
    ['class and function declarations', code("import { Pool } from 'pg';", 'export class Repo { pool = new Pool(); connect() { return new Pool(); } }', 'export function make() { return new Repo(); }')],
    ['NestJS metadata decorators', code("import { Controller, Get, Injectable, Module } from '@nestjs/common';", '@Injectable()', 'export class S {}', "@Controller('x')", 'export class C { @Get() list() { return []; } }', '@Module({ controllers: [C], providers: [S] })', 'export class M {}')],
    ['typeorm and class-validator decorators', code("import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';", "import { IsString } from 'class-validator';", '@Entity()', 'export class User {', '  @PrimaryGeneratedColumn() id!: number;', '  @Column() @IsString() name!: string;', '}')],
    ['loggers (documented decision: not flagged)', code("import pino from 'pino';", "import winston from 'winston';", "import bunyan from 'bunyan';", "import { Logger } from '@nestjs/common';", "export const logger = pino({ level: 'info' });", 'export const w = winston.createLogger({ transports: [new winston.transports.Console()] });', "export const b = bunyan.createLogger({ name: 'x' });", "export const n = new Logger('x');", "logger.info('loaded');")],
    ['config objects (documented decision: not flagged)', code("import 'dotenv/config';", "import dotenv from 'dotenv';", "import { cleanEnv, str } from 'envalid';", 'dotenv.config();', 'export const env = cleanEnv(process.env, { DATABASE_URL: str() });', 'export const config = { db: { url: process.env.DATABASE_URL ?? "postgres://localhost" }, poolSize: 10 };')],
    ['everything inside function bodies', code("import { Pool } from 'pg';", "import fs from 'node:fs';", 'export async function handler() {', "  const data = fs.readFileSync('x');", '  await fetch("https://x");', '  setInterval(() => {}, 1);', "  process.on('SIGTERM', () => {});", '  return new Pool();', '}')],
    ['type-only references', code("import type { Pool } from 'pg';", "import type Redis from 'ioredis';", 'export type Db = Pool;', 'export let cache: Redis | null = null;')],
  ])('%s', (_name, entry) => {
    expect(check({ 'src/entry.ts': entry })).toEqual([]);
  });

  it('effects in a module loaded only through a dynamic import', () => {
    const files = {
      'src/heavy.ts': code("import { Pool } from 'pg';", 'export const pool = new Pool();', 'setInterval(() => {}, 1000);'),
      'src/entry.ts': code("export const load = () => import('./heavy.js');"),
    };
    expect(check(files)).toEqual([]);
  });

  it('effects in a module required only inside a function', () => {
    const files = {
      'src/heavy.cjs': code("const { Pool } = require('pg');", 'module.exports = new Pool();'),
      'src/entry.cjs': code('exports.get = () => require("./heavy.cjs");'),
    };
    expect(run(files, RULES, { entries: ['src/entry.cjs'] })).toEqual([]);
  });
});
