// s3rver (a real S3 API server, dev only) ships no types: what the deploy tests and the
// benchmark use of it.
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  interface Options {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
  }
  export default class S3rver extends EventEmitter {
    constructor(options?: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
