/**
 * Module hooks for running the worker script from TypeScript sources (tests under vitest, where no
 * built worker.js exists): `.ts` files are compiled with esbuild as they load, and an import of `x.js`
 * that does not exist finds `x.ts`, as TypeScript's NodeNext imports are written. Development only:
 * the built CLI runs dist/bundle/worker.js and never loads this file (nor esbuild).
 */
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTs = context.parentURL?.startsWith('file:') && context.parentURL.endsWith('.ts');
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && fromTs && specifier.endsWith('.js'))
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: url,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
