// rules/heavy-dependency: an eager import of a heavy package, at the import statement in a project file.
import { describeWeight } from '../weigh/describe.js';
import { createRule } from './rule.js';

/** At most this many entries are named in a message; the finding's `entries` lists them all. */
const NAMED_ENTRIES = 3;

export default createRule({
  meta: {
    id: 'heavy-dependency',
    defaultSeverity: 'warning',
    description: 'An eager import of a heavy package (see docs/weights.md), at the import statement in a project file.',
    hasFix: false,
  },
  check({ graph, weights, config, report }) {
    for (const file of [...graph.facts.keys()].sort()) {
      const entries = graph.entriesOf(file);
      if (entries.length === 0) continue;
      for (const { target, attrs } of graph.outEdges(file)) {
        if (attrs.isLazy || !graph.isPackage(target) || !weights.isHeavy(target)) continue;
        const fact = graph.importOf(file, attrs.importIndex)!;
        const name = graph.rel(target);
        const weight = weights.of(target);
        const reason = config.heavy.packages.includes(name) ? '; listed in heavy.packages' : weight?.isCatalogued ? '; catalogued as heavy' : '';
        const values = fact.bindings.filter((b) => !b.isTypeOnly && b.imported !== 'default' && b.imported !== '*');
        const names = values.length ? `{ ${values.map((b) => (b.imported === b.local ? b.local : `${b.imported}: ${b.local}`)).join(', ')} }` : 'm';
        const named = entries.slice(0, NAMED_ENTRIES).map((e) => graph.rel(e));
        const more = entries.length > NAMED_ENTRIES ? ` and ${entries.length - NAMED_ENTRIES} more` : '';
        const into = entries.length === 1 ? `entry ${named[0]}` : `${entries.length} entries: ${named.join(', ')}${more}`;
        const chain = graph.chain(entries[0]!, file).map((n) => graph.rel(n));
        report({
          file,
          line: fact.line,
          column: fact.column,
          message: `heavy package ${name} (${describeWeight(weight)}${reason}) is imported eagerly into ${into}`,
          why:
            chain.length > 1
              ? `Node loads all of it when ${chain[0]} is imported, via ${chain.slice(1).join(' -> ')}`
              : `Node loads all of it when ${chain[0]} is imported`,
          help: `load it where it is used (\`const ${names} = await import('${attrs.specifier}')\` inside the function), or import a smaller entry point of ${name}`,
        });
      }
    }
  },
});
