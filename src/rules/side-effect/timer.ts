// rules/side-effect/timer: a timer started at module level.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/timer',
    defaultSeverity: 'warning',
    description: 'setInterval, setTimeout or setImmediate (or a cron schedule) at module level.',
    hasFix: false,
  },
  'timer',
);
