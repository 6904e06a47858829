// parse: the extra effect facts the side-effect rules rely on.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/parse/extract.js';
import { detailsOf, effectsOf, packDetails } from '../../src/parse/details.js';
import type { ImportFact } from '../../src/types.js';

const facts = (text: string) => extractFacts('/p/src/a.ts', text);
const kept = (i: ImportFact) => (i as ImportFact & { isKeptByDecoratorMetadata?: boolean }).isKeptByDecoratorMetadata === true;

describe('effect facts', () => {
  it('records the line of the enclosing top-level statement', () => {
    const f = facts("import { Pool } from 'pg';\nexport const db = {\n  pool: new Pool(),\n};\n");
    expect(f.effects.map((e) => ({ line: e.line, statementLine: (e as typeof e & { statementLine?: number }).statementLine }))).toEqual([{ line: 3, statementLine: 2 }]);
  });

  it('marks files that assign a module-level `new` to a name (what instance accessors rewrite)', () => {
    expect(facts("import { Pool } from 'pg';\nexport const db = new Pool();\n").hasModuleInstance).toBe(true);
    expect(facts("import { Pool } from 'pg';\nnew Pool();\nexport const s = String(1);\n").hasModuleInstance).toBeUndefined();
  });

  it('keeps module-level calls serialised in the cache form, the same calls when unpacked', () => {
    const f = facts("import { z } from 'zod';\nexport const a = z.object({ n: z.number() });\n");
    const packed = packDetails(f);
    expect(packed.effects).toBeInstanceOf(Uint8Array);
    expect(effectsOf(packed)).toEqual(f.effects);
    expect(effectsOf(packed)).toBe(effectsOf(packed));
    expect(packDetails(facts('export const a = 1;\n')).effects).toEqual([]);
  });

  it('maps `export default <identifier>` in localExports', () => {
    expect(detailsOf(facts('const connect = () => 1;\nexport default connect;\n')).localExports).toEqual(new Map([['default', 'connect']]));
  });

  it('does not record `export =` as a default export', () => {
    expect(detailsOf(facts('const connect = () => 1;\nexport = connect;\n')).localExports).toEqual(new Map());
  });
});

describe('emitDecoratorMetadata positions', () => {
  it.each([
    ['constructor parameter of a decorated class', "import { Injectable } from '@nestjs/common';\nimport { UsersService } from './users.js';\n@Injectable()\nexport class C { constructor(private users: UsersService) {} }\n"],
    ['parameter of a decorated method', "import { Body, Post } from '@nestjs/common';\nimport { Dto } from './dto.js';\nexport class C { @Post() create(@Body() dto: Dto) { return dto; } }\n"],
    ['type of a decorated property', "import { Column } from 'typeorm';\nimport { Money } from './money.js';\nexport class E { @Column() price!: Money; }\n"],
    ['a constructor parameter with a parameter decorator', "import { Inject } from '@nestjs/common';\nimport { Repository } from 'typeorm';\nexport class S { constructor(@Inject('R') private repo: Repository<number>) {} }\n"],
    ['a nullable type', "import { Injectable } from '@nestjs/common';\nimport { Cache } from './cache.js';\n@Injectable()\nexport class C { constructor(private cache: Cache | null) {} }\n"],
  ])('keeps the import: %s', (_name, text) => {
    const imports = facts(text).imports;
    expect(imports[1]!.isElidedUnlessVerbatim).toBe(true);
    expect(kept(imports[1]!)).toBe(true);
  });

  it.each([
    ['an undecorated class', "import { UsersService } from './users.js';\nexport class C { constructor(private users: UsersService) {} }\n"],
    ['an undecorated method of a decorated class', "import { Injectable } from '@nestjs/common';\nimport { Dto } from './dto.js';\n@Injectable()\nexport class C { create(dto: Dto) { return dto; } }\n"],
    ['an array type (serialized as Array)', "import { Injectable } from '@nestjs/common';\nimport { Dto } from './dto.js';\n@Injectable()\nexport class C { constructor(private all: Dto[]) {} }\n"],
    ['import type', "import { Injectable } from '@nestjs/common';\nimport type { UsersService } from './users.js';\n@Injectable()\nexport class C { constructor(private users: UsersService) {} }\n"],
  ])('does not keep the import: %s', (_name, text) => {
    expect(kept(facts(text).imports.find((i) => i.specifier.startsWith('./'))!)).toBe(false);
  });
});
