import type { Feature } from '../feature';
import { coachFeature } from './coach';
import { bannerFeature } from './banner';
import { listSyncFeature } from './list-sync';

/** Every overlay feature, in mount order. Each runs in its own guard; one failing never stops another. */
export const FEATURES: Feature[] = [bannerFeature, coachFeature, listSyncFeature];
