import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../shared/contract/api.ts';
import { call } from '../api.ts';

type Progress = NonNullable<ResultOf<'reports.progress'>['progress']>;

/** A fresh id for one report job (32 hex digits, as the contract expects). */
export const newReportJob = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Asks the main process how far report `job` has got, every 400 ms while it runs; null before the first answer. */
export function useReportProgress(job: string | null): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!job) return undefined;
    let stopped = false;
    const poll = async () => {
      const answer = await call('reports.progress', { job }).catch(() => null);
      if (!stopped && answer?.progress) setProgress(answer.progress);
    };
    const timer = setInterval(() => void poll(), 400);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [job]);
  return progress;
}
