import { ConfigError, type Config } from '../config.ts';
import { localDiskStore } from './local.ts';
import { s3Store } from './s3.ts';
import type { FileStore } from './store.ts';

export type { FileStore } from './store.ts';

/** S3-compatible storage when S3_BUCKET is set, else local disk under UPLOAD_DIR. */
export function createFileStore(config: Config): FileStore {
  if (config.S3_BUCKET) {
    if (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY) throw new ConfigError('Invalid configuration: S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required');
    return s3Store({
      endpoint: config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION}.amazonaws.com`,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      prefix: config.S3_PREFIX,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return localDiskStore(config.UPLOAD_DIR);
}
