export {
  startBitbucketDouble,
  type BitbucketDouble,
  type BitbucketDoubleOptions,
  type BitbucketRequestRecord,
} from './double';
export type { BitbucketDoubleRepository } from './shapes';
