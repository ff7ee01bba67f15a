import type { Feature } from '../feature';
import { coachFeature } from './coach';

/** Every overlay feature, in mount order. */
export const FEATURES: Feature[] = [coachFeature];
