// rules/side-effect/service-instantiation: a project class instantiated at module level.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/service-instantiation',
    defaultSeverity: 'warning',
    description: 'A project class instantiated at module level (`new X()`, `X.getInstance()`); error when its constructor creates an engine or does network or sync I/O.',
    hasFix: false,
  },
  'service',
);
