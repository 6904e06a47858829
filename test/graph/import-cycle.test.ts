// import-cycle: one finding per cycle, the shortest cycle in `chain`; type-only back edges are not cycles.
import { expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

it('reports a three-file cycle once, at the import in its first file', () => {
  const { result } = scan({ paths: [fixture('graph', 'import-cycle', 'src/routes')] });
  expect(result.entries[0]!.eagerModules).toEqual(['src/models/membership.ts', 'src/models/team.ts', 'src/models/user.ts', 'src/routes/teams.ts']);
  const cycles = result.findings.filter((f) => f.ruleId === 'import-cycle');
  expect(cycles.map(({ ruleId, file, line, column, message, chain, entries }) => ({ ruleId, file, line, column, message, chain, entries }))).toEqual([
    {
      ruleId: 'import-cycle',
      file: 'src/models/membership.ts',
      line: 1,
      column: 1,
      message: 'import cycle: src/models/membership.ts -> src/models/team.ts -> src/models/user.ts -> src/models/membership.ts',
      chain: ['src/models/membership.ts', 'src/models/team.ts', 'src/models/user.ts', 'src/models/membership.ts'],
      entries: ['src/routes/teams.ts'],
    },
  ]);
});
