// rules/side-effect/top-level-await: `await` at module level blocks every importer.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/top-level-await',
    defaultSeverity: 'warning',
    description: '`await` at module level (including `for await`): every importer waits for it.',
    hasFix: false,
  },
  'await',
);
