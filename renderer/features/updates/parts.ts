// What the Settings page places: the update settings (feed, check now, progress, restart).
export { UpdateSettings } from './UpdateSettings';
