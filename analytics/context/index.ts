export { type ComponentStats, componentStatsByRegionYear } from './region-stats.js';
export {
  type ContextComponentScore,
  type ContextParams,
  resilient,
  type SocialWellbeing,
  socialWellbeing,
} from './wellbeing.js';
