// What the shell shows on every page: the offer to restart into a downloaded update. The Settings
// section is in parts.ts, so that the shell does not load it.
export { UpdateOffer } from './UpdateOffer';
