// What other features and the shell may use of the settings: device settings, the active profile.
export {
  loadLanguage,
  loadNotifyConflicts,
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
export { notifyConflicts } from './notifyConflicts';
export { newProfileId, resolveProfile } from './profiles/profileBoot';
export { ProfileContext, useProfile } from './profiles/ProfileContext';
export { useProfileName } from './profiles/useProfileName';
export { useUiStore } from './uiStore';
