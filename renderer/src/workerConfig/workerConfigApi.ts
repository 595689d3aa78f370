import type {
  Result,
  SiteStatus,
  SiteWorkerConfig,
  WorkerChangeOutcome,
  WorkerOptionsPatch,
} from '../../../main/ipc/contract';
import { callSafely } from '../api/callSafely';

/** Every worker of a site, with what its Laravel supports, its warnings and exact command. */
export function readWorkerConfig(siteId: string): Promise<Result<SiteWorkerConfig>> {
  return callSafely((api) => api.getWorkerConfig(siteId));
}

/** Main checks every value; a bad one comes back per field and nothing is saved. */
export function saveWorkerOptions(
  siteId: string,
  worker: string,
  patch: WorkerOptionsPatch,
): Promise<Result<WorkerChangeOutcome>> {
  return callSafely((api) => api.setWorkerConfig(siteId, worker, patch));
}

export function createWorker(siteId: string, worker: string): Promise<Result<WorkerChangeOutcome>> {
  return callSafely((api) => api.addWorker(siteId, worker));
}

export function deleteWorker(siteId: string, worker: string): Promise<Result<SiteStatus>> {
  return callSafely((api) => api.removeWorker(siteId, worker));
}
