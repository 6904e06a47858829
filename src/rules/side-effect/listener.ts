// rules/side-effect/listener: a process-wide listener registered at module level.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/listener',
    defaultSeverity: 'info',
    description: 'process.on/once, signal and shared emitter listeners registered at module level.',
    hasFix: false,
  },
  'listener',
);
