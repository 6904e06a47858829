// rules/side-effect/io: synchronous file-system or child-process work at module level.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/io',
    defaultSeverity: 'warning',
    description: 'Synchronous file-system or process work at module level: fs.*Sync, child_process calls.',
    hasFix: false,
  },
  'io',
);
