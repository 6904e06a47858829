// rules/side-effect/network: a network request or connection at module level.
import { sideEffectRule } from '../../effects/rule-factory.js';

export default sideEffectRule(
  {
    id: 'side-effect/network',
    defaultSeverity: 'error',
    description: 'A network request or connection at module level: fetch, axios/got/undici/superagent, http(s).request/get, net/tls.connect, dns.lookup.',
    hasFix: false,
  },
  'network',
);
