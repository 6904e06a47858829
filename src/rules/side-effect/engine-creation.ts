// rules/side-effect/engine-creation: a database, cache, queue or search client created at module level.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/engine-creation',
    defaultSeverity: 'error',
    description: 'A database, cache, queue or search engine, pool, client or connection created at module level (directly or by a project function called there).',
    hasFix: false,
  },
  'engine',
);
