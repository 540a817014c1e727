// The Jest transform of every TypeScript project (@swc/jest): transpile only, as the builds do; the types
// are checked by `tools/typecheck.mjs`. Decorator metadata is emitted (Nest's injection and TypeORM's
// column types read it), and class fields keep TypeScript's ES2022 [[Define]] semantics.
module.exports = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
