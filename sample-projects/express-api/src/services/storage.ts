import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

import { config } from '../config.js';

// Local disk is only mounted on the on-prem deployment; cloud deployments stream to object storage.
const hasLocalDisk = existsSync(config.uploads.dir);

export interface StoredFile {
  key: string;
  bytes: number;
  backend: 'disk' | 'object-store';
}

export async function storeUpload(teamId: string, fileName: string, bytes: number): Promise<StoredFile> {
  if (bytes > config.uploads.maxBytes) {
    throw new Error(`upload too large: ${bytes} bytes`);
  }
  const key = `${teamId}/${randomUUID()}/${fileName}`;
  return { key, bytes, backend: hasLocalDisk ? 'disk' : 'object-store' };
}
