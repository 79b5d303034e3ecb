// What the Analytics page and the Overview use of the budgets: the panel, the Overview's card, and
// the notification the app raises after a sync.
export { BudgetsPanel } from './BudgetsPanel';
export { BudgetAlertsCard } from './BudgetAlertsCard';
export { notifyBudgetAlerts, type BudgetNotifyDeps } from './notify';
