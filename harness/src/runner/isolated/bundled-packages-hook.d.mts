import type { InitializeHook, ResolveHook } from 'node:module';

/** Takes the bundle's entry point of each of our packages, by name. */
export const initialize: InitializeHook<Readonly<Record<string, string>>>;
export const resolve: ResolveHook;
