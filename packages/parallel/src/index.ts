export { analyzeFiles, SMALL_CORPUS_BYTES } from './analyzeFiles.ts';
export type { AnalyzeFilesOptions, AnalyzeFilesOutput, Progress } from './analyzeFiles.ts';
export { planShards, MAX_SHARD_BYTES } from './planShards.ts';
export { poolExecutor, layoutTasks, LAYOUT_WORK_PER_TASK } from './poolExecutor.ts';
export { startPool } from './pool.ts';
export type { Pool } from './pool.ts';
export { cacheDir, readTextStage, textStageKey, writeTextStage, TEXT_CACHE_FORMAT } from './textCache.ts';
export type { TextCacheOptions, TextStage } from './textCache.ts';
