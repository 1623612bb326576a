#!/usr/bin/env node
// Runs the CLI from a bundle of src/ that esbuild rebuilds whenever a source file is newer.
// A bundle starts in a fraction of a second and keeps the server's memory low, where loading
// two hundred TypeScript modules through a run-time compiler takes seconds.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');
const bundle = join(outdir, 'entente.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'web' || entry.name.includes('.test.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'src'));
if (stale) {
  const { build } = await import('esbuild');
  // Build beside the target and rename: concurrent starts never load a half-written bundle.
  const tmp = `${outdir}.${process.pid}.tmp`;
  await build({
    entryPoints: { entente: join(root, 'src/cli/main.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Separate chunks for what is loaded on demand (Word and PDF writers, the server).
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  // Chunks are named by content hash, so moving them in never replaces a file that a running
  // server may still load on demand; the entry point goes last, in one atomic rename.
  mkdirSync(outdir, { recursive: true });
  for (const name of readdirSync(tmp))
    if (name !== 'entente.mjs') renameSync(join(tmp, name), join(outdir, name));
  renameSync(join(tmp, 'entente.mjs'), bundle);
  rmSync(tmp, { recursive: true, force: true });
  // Chunks of builds older than a week are no longer loaded by anything still running.
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of readdirSync(outdir)) {
    const path = join(outdir, name);
    if (name !== 'entente.mjs' && statSync(path).mtimeMs < weekAgo) rmSync(path, { force: true });
  }
}
process.setSourceMapsEnabled?.(true);
await import(pathToFileURL(bundle).href);
