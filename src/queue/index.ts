export { openQueue, isPostgresUrl, redact, type Queue, type Job, type NewJob, type JobStatus, type QueueStatus, type ParkedJob } from './queue.ts';
export { QUEUE_SCHEMA_VERSION } from './migrations.ts';
export { inputJobs } from './input-jobs.ts';
export { runJob, type JobOutcome } from './run-job.ts';
export { runWorker, workerId, type WorkerOptions, type WorkerCounts } from './worker.ts';
