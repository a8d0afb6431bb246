import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where asset bytes live, by key. Only a disk implementation exists; an S3-compatible one would
 * implement the same three methods.
 */
export type AssetStore = {
  put: (key: string, bytes: Buffer) => Promise<void>;
  /** The bytes as a stream, or null when the key has no bytes. */
  open: (key: string) => Promise<Readable | null>;
  remove: (key: string) => Promise<void>;
};

const SAFE_KEY = /^[a-zA-Z0-9][a-zA-Z0-9/_.-]*$/;

/** Assets as files under `root` (`$C360_DATA/assets` in development). Keys never leave the root. */
export const diskAssetStore = (root: string): AssetStore => {
  const fileOf = (key: string): string => {
    if (!SAFE_KEY.test(key) || key.split('/').includes('..')) throw new Error(`unsafe asset key ${key}`);
    return path.join(root, key);
  };
  return {
    put: async (key, bytes) => {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: 'wx' });
    },
    open: async (key) => {
      const file = fileOf(key);
      const exists = await stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      return exists ? createReadStream(file) : null;
    },
    remove: async (key) => rm(fileOf(key), { force: true }),
  };
};
