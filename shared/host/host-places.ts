import { z } from 'zod';

/** The places that live in Electron's main process side, run by the task host. */
export const HOST_PLACES = ['main-process', 'worker-thread', 'utility-process'] as const;
export type HostPlace = (typeof HOST_PLACES)[number];
export const hostPlaceSchema = z.enum(HOST_PLACES, { error: `place must be one of: ${HOST_PLACES.join(', ')}` });

/** Places with a pool of background workers (the crash lab works there). */
export const POOL_PLACES = ['worker-thread', 'utility-process'] as const;
export type PoolPlace = (typeof POOL_PLACES)[number];
export const poolPlaceSchema = z.enum(POOL_PLACES, { error: `place must be one of: ${POOL_PLACES.join(', ')}` });
