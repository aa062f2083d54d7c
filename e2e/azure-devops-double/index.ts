export {
  startAzureDevopsDouble,
  type AzureDevopsDouble,
  type AzureDevopsDoubleOptions,
  type AzureRequestRecord,
} from './double';
export { AZURE_DEVOPS_RESOURCE } from './entra';
export type { AzureDoubleRepository } from './shapes';
