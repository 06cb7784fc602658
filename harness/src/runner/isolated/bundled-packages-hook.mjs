// A resolve hook for a worker that runs the bundled sources (source-bundle.ts), registered by module-loader.ts
// before the project's first module loads: a module that imports a package of ours by name is given the
// package's entry point in the bundle, the copy the worker's own modules use.
let packages = {};

export function initialize(data) {
  packages = data;
}

export function resolve(specifier, context, nextResolve) {
  const url = packages[specifier];
  return url === undefined ? nextResolve(specifier, context) : { url, format: 'module', shortCircuit: true };
}
