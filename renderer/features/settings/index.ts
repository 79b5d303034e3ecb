// What other features and the shell may use of the settings: device settings, the active profile.
export {
  loadLanguage,
  loadNotifyNewInvoices,
  loadSyncInterval,
  loadTheme,
  loadTimestampUrl,
  readProfileSetting,
  writeProfileSetting,
} from './localSettings';
export {
  loadAnomalyThresholds,
  loadNotifyBudgetAlerts,
  saveAnomalyThresholds,
  saveNotifyBudgetAlerts,
} from './alertSettings';
export { newProfileId } from './profiles/profileActions';
export { resolveProfile } from './profiles/profileBoot';
export { ProfileContext, useProfile } from './profiles/ProfileContext';
export { useProfileName } from './profiles/useProfileName';
export { useUiStore } from './uiStore';
